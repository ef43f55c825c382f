using System.Diagnostics;
using Marsad.Entities.Features;

namespace Marsad.Entities.Neural;

/// <summary>
/// Trains a <see cref="NerNeuralNetwork"/> on top of a trained CRF model (whose feature extractor supplies
/// the inputs): mini-batch Adam on the CRF log-loss with gradient clipping, word and input dropout,
/// seeded. After every epoch the network is scored on dev alone and mixed into the CRF with each weight
/// in <see cref="Mixes"/> (through <see cref="NerModel.WithNeural"/>, so with the CRF's document
/// consistency exactly as `marsad eval ner` tags); the epoch and mix with the best dev F1 are kept.
/// </summary>
public sealed class NerNeuralTrainer
{
    public int Hidden { get; init; } = 32;

    public int NgramBuckets { get; init; } = 1 << 16;

    public int NgramDimensions { get; init; } = 32;

    public int CategoryDimensions { get; init; } = 16;

    public int Epochs { get; init; } = 20;

    /// <summary>Stop when the best dev F1 has not improved for this many epochs.</summary>
    public int Patience { get; init; } = 5;

    public int BatchSize { get; init; } = 16;

    public float LearningRate { get; init; } = 0.002f;

    public float Clip { get; init; } = 5f;

    /// <summary>Probability of replacing a token's word vector by the learned unknown vector in training.</summary>
    public double WordDropout { get; init; } = 0.2;

    /// <summary>Dropout on the LSTM inputs in training.</summary>
    public double InputDropout { get; init; } = 0.25;

    public int Seed { get; init; } = 7;

    /// <summary>Keep the network of the last epoch (with the first mix weight) rather than the dev-best epoch: a fixed recipe scored on dev.</summary>
    public bool KeepLastEpoch { get; init; }

    /// <summary>
    /// When above 0, the layer kept is the mean of the parameters at the end of epochs AverageFrom … last (checkpoint
    /// averaging: a smoother network at no tagging cost); dev then scores that mean after each epoch from AverageFrom on.
    /// Implies <see cref="KeepLastEpoch"/>.
    /// </summary>
    public int AverageFrom { get; init; }

    /// <summary>The weights of the network's scores added to the CRF's, tried on dev.</summary>
    public IReadOnlyList<float> Mixes { get; init; } = [0.25f, 0.5f, 0.75f, 1f, 1.5f, 2f];

    /// <summary>Best dev F1 of the network alone (any epoch), with its epoch.</summary>
    public (double F1, int Epoch) BestAlone { get; private set; }

    /// <summary>Best dev F1 of the mix, with its epoch and weight.</summary>
    public (double F1, int Epoch, float Mix) BestMixed { get; private set; }

    /// <summary>Training tokens per CPU second (process CPU time, forward and backward and updates).</summary>
    public double TrainingTokensPerCpuSecond { get; private set; }

    public NerNeuralLayer Train(NerModel crf, IReadOnlyList<NerSentence> train, IReadOnlyList<NerSentence> dev, Action<string>? progress = null)
    {
        var extractor = crf.Extractor;
        var inputs = new NerNeuralInputs(extractor, NgramBuckets);
        var buffer = new NerFeatureBuffer();
        var sentences = new List<(NerNeuralSentence Inputs, int[] Gold)>(train.Count);
        foreach (var s in train)
        {
            if (s.Tokens.Count == 0)
            {
                continue;
            }

            extractor.Extract(NerTokenSpans.FromTokens(s.Tokens), buffer);
            sentences.Add((inputs.Build(buffer, s.Tokens.Count), NerTags.Repair(s.Tags.Select(t => NerTags.Parse(t)!.Value).ToArray())));
        }

        var shape = new NerNeuralShape(inputs.WordDimensions, NgramBuckets, NgramDimensions, inputs.CategoryCount, CategoryDimensions, Hidden);
        var random = new Random(Seed);
        var network = NerNeuralNetwork.Create(shape, random);
        var adam = new NerAdam(shape.ParameterCount, LearningRate, Clip);
        var gradient = new float[shape.ParameterCount];
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var tokensPerEpoch = sentences.Sum(s => s.Inputs.Count);
        progress?.Invoke($"{sentences.Count} sentences, {tokensPerEpoch} tokens; {shape.ParameterCount} parameters (input {shape.InputDimensions}, hidden {Hidden} per direction)");
        BestAlone = (-1, 0);
        BestMixed = (-1, 0, 0);
        var best = Array.Empty<float>();
        var keepLast = KeepLastEpoch || AverageFrom > 0;
        var sum = AverageFrom > 0 ? new double[shape.ParameterCount] : [];
        var averaged = 0;
        var cpuTotal = TimeSpan.Zero;
        var epochsRun = 0;
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            random.Shuffle(order);
            double loss = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var from = 0; from < order.Length; from += BatchSize)
            {
                var count = Math.Min(BatchSize, order.Length - from);
                Array.Clear(gradient);
                for (var k = 0; k < count; k++)
                {
                    var (input, gold) = sentences[order[from + k]];
                    loss += network.Gradient(input, gold, gradient, random, WordDropout, InputDropout);
                }

                var scale = 1f / count;
                for (var k = 0; k < gradient.Length; k++)
                {
                    gradient[k] *= scale;
                }

                adam.Step(network.Parameters, gradient);
            }

            var epochCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            cpuTotal += epochCpu;
            epochsRun++;
            NerNeuralNetwork scored = network;
            if (AverageFrom > 0 && epoch >= AverageFrom)
            {
                var p = network.Parameters;
                for (var k = 0; k < p.Length; k++)
                {
                    sum[k] += p[k];
                }

                averaged++;
                scored = Mean(shape, sum, averaged);
            }

            var alone = dev.Count == 0 ? 0 : Score(crf, scored, 0f, 1f, dev);
            var line = $"epoch {epoch}: loss {loss / tokensPerEpoch:F4} per token, {tokensPerEpoch / epochCpu.TotalSeconds:F0} tokens/CPU-s" + (dev.Count == 0 ? string.Empty : $"; dev F1 alone {alone:F2}");
            var improved = false;
            if (alone > BestAlone.F1)
            {
                BestAlone = (alone, epoch);
            }

            foreach (var mix in Mixes)
            {
                var f1 = dev.Count == 0 ? 0 : Score(crf, scored, 1f, mix, dev);
                line += dev.Count == 0 ? string.Empty : $", +{mix}: {f1:F2}";
                if (f1 > BestMixed.F1 || dev.Count == 0)
                {
                    BestMixed = (f1, epoch, mix);
                    improved = true;
                    if (!keepLast)
                    {
                        // Only the dev-best network is kept; with keepLast it is reported but never used.
                        best = (float[])network.Parameters.Clone();
                    }
                }
            }

            progress?.Invoke(line);
            if (keepLast)
            {
                continue;
            }

            if (!improved && epoch - BestMixed.Epoch >= Patience)
            {
                break;
            }
        }

        TrainingTokensPerCpuSecond = tokensPerEpoch * (double)epochsRun / cpuTotal.TotalSeconds;
        if (dev.Count > 0)
        {
            progress?.Invoke($"best on dev: network alone {BestAlone.F1:F2} (epoch {BestAlone.Epoch}); mixed {BestMixed.F1:F2} (epoch {BestMixed.Epoch}, weight {BestMixed.Mix})");
        }

        // The line names the network actually kept, which with keepLast is not the dev-best one above.
        progress?.Invoke(!keepLast
            ? $"kept epoch {BestMixed.Epoch}, weight {BestMixed.Mix}"
            : averaged > 0
                ? $"kept the mean of the parameters of epochs {AverageFrom}–{epochsRun} ({averaged} checkpoints), weight {Mixes[0]}"
                : $"kept the last epoch ({epochsRun}), weight {Mixes[0]}");

        return keepLast
            ? new NerNeuralLayer(averaged > 0 ? Mean(shape, sum, averaged) : network, extractor, 1f, Mixes[0])
            : new NerNeuralLayer(new NerNeuralNetwork(shape, best), extractor, 1f, BestMixed.Mix);
    }

    private static NerNeuralNetwork Mean(NerNeuralShape shape, double[] sum, int count)
    {
        var mean = new float[sum.Length];
        for (var k = 0; k < mean.Length; k++)
        {
            mean[k] = (float)(sum[k] / count);
        }

        return new NerNeuralNetwork(shape, mean);
    }

    private static double Score(NerModel crf, NerNeuralNetwork network, float crfWeight, float neuralWeight, IReadOnlyList<NerSentence> dev) =>
        NerEvaluation.Run(crf.WithNeural(new NerNeuralLayer(network, crf.Extractor, crfWeight, neuralWeight)), dev).Scores.Overall.F1;
}
