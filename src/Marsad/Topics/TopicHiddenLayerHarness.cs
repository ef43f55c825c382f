using Marsad.Model;
using System.Diagnostics;
using System.Text;

namespace Marsad.Topics;

/// <summary>Settings of the hidden-layer harness: hidden sizes, epochs, SGD rate, dropout on h, input rows kept.</summary>
public sealed record HiddenLayerHarnessSettings(int[] Hidden, int Epochs, float LearningRate, float Dropout, int MinCount, float InitScale, bool Adaptive = false, bool Outlet = true, int Members = 1);

/// <summary>
/// A measuring harness (not used by the pipeline, issue #7): does a one-hidden-layer network over the model's content
/// vector add to the shipped classifier (linear model + neighbour vote)? For each (model, seed) pair it trains
/// <see cref="HiddenLayerNetwork"/> on train, keeps the epoch with the best dev accuracy (of the network alone), fits its
/// temperature on dev and prints the dev accuracy and macro-F1 of log p_model + α · log p_network at a few α, with the
/// outlet known and hidden (the network reads the content only; the model reads the outlet when known).
/// </summary>
public static class TopicHiddenLayerHarness
{
    private static readonly double[] Alphas = [0, 0.25, 0.5, 0.75, 1, 1.5];

    public static string Run(IReadOnlyList<LinearTopicModel> models, int[] seeds, IReadOnlyList<TopicRecord> train, IReadOnlyList<TopicRecord> dev, HiddenLayerHarnessSettings settings, Action<string> log)
    {
        var first = models[0];
        if (models.Any(m => m.Options != first.Options))
        {
            throw new ArgumentException("the models must share their feature options (the vectors are computed once)", nameof(models));
        }

        var labelIndex = first.Labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var classes = first.Labels.Count;
        var trainYs = train.Select(r => labelIndex[r.Label]).ToArray();
        var devYs = dev.Select(r => labelIndex[r.Label]).ToArray();
        var clock = Stopwatch.StartNew();
        var devDocs = dev.Select(r => TopicDocuments.Prepare(r)).ToArray();
        // Index 0: content only (outlet hidden); 1: content + the outlet features when the outlet is known.
        var devVectors = new[] { devDocs.Select(d => Vector(first, d, false)).ToArray(), devDocs.Select(d => Vector(first, d, settings.Outlet)).ToArray() };
        var trainDocs = train.Select(r => TopicDocuments.Prepare(r)).ToArray();
        var trainVectors = new[] { trainDocs.Select(d => Vector(first, d, false)).ToArray(), trainDocs.Select(d => Vector(first, d, settings.Outlet)).ToArray() };
        log($"features of {train.Count} train + {dev.Count} dev articles in {clock.Elapsed.TotalSeconds:F0}s");
        var (rowOf, rows) = HiddenLayerNetwork.RowMap(trainVectors[1], first.Options.Buckets, settings.MinCount);
        log($"input rows kept (buckets in ≥ {settings.MinCount} train articles): {rows}");
        var output = new StringBuilder();
        for (var m = 0; m < models.Count; m++)
        {
            var model = models[m];
            // The model's calibrated probabilities (with its vote, if any), outlet known (0) and hidden (1).
            var probabilities = new[] { true, false }.Select(useSource => devDocs.Select(d => model.Predict(d, useSource)).ToArray()).ToArray();
            output.AppendLine($"model {m} (seed {seeds[m]}): alone {TopicTrainer.Accuracy(probabilities[0], devYs):P2} / {TopicTrainer.MacroF1(probabilities[0], devYs, model.Labels) * 100:F2}, outlet hidden {TopicTrainer.Accuracy(probabilities[1], devYs):P2} / {TopicTrainer.MacroF1(probabilities[1], devYs, model.Labels) * 100:F2}");
            foreach (var hidden in settings.Hidden)
            {
                // Several networks (seeds s, s + 1000, …) whose logits are averaged.
                var logitsBySource = Enumerable.Range(0, settings.Members).Select(k =>
                {
                    var network = new HiddenLayerNetwork(rowOf, rows, hidden, classes, seeds[m] + (1000 * k), settings.InitScale) { Adaptive = settings.Adaptive };
                    return TrainNetwork(network, trainVectors, trainYs, devVectors, devYs, seeds[m] + (1000 * k), settings, clock, log);
                }).Aggregate((a, b) => a.Select((side, h) => side.Select((l, i) => l.Select((x, c) => x + b[h][i][c]).ToArray()).ToArray()).ToArray());
                for (var h = 0; h < 2; h++)
                {
                    var logits = logitsBySource[1 - h];
                    var temperature = FitTemperature(logits, devYs);
                    var networkLog = logits.Select(l => LogSoftmax(l, temperature)).ToArray();
                    output.AppendLine($"  H {hidden} × {settings.Members}: network alone, outlet {(h == 0 ? "known " : "hidden")} {TopicTrainer.Accuracy(logits, devYs):P2} / {TopicTrainer.MacroF1(logits, devYs, model.Labels) * 100:F2}, temperature {temperature:F2}");
                    var line = new StringBuilder($"    mix, outlet {(h == 0 ? "known " : "hidden")} α ");
                    foreach (var alpha in Alphas)
                    {
                        var mixed = probabilities[h].Select((p, i) => p.Select((x, c) => Math.Log(Math.Max(x, 1e-12)) + (alpha * networkLog[i][c])).ToArray()).ToArray();
                        line.Append($" {alpha}: {TopicTrainer.Accuracy(mixed, devYs) * 100:F2} / {TopicTrainer.MacroF1(mixed, devYs, model.Labels) * 100:F2};");
                    }

                    output.AppendLine(line.ToString());
                }
            }
        }

        return output.ToString();
    }

    /// <summary>The content vector (words only, like the neighbour index), followed by the outlet features if asked and known.</summary>
    private static SparseVector Vector(LinearTopicModel model, AnalyzedArticle doc, bool withSource)
    {
        var buffer = TopicFeatureExtractor.ThreadBuffer;
        model.Extractor.Collect(doc, withSource ? model.KnownSource(doc.Article.Source) : null, buffer);
        var words = buffer.ContentCount - buffer.FixedCount;
        return new SparseVector([.. buffer.ContentIndexes[..words], .. buffer.SourceIndexes], [.. buffer.ContentValues[..words], .. buffer.SourceValues]);
    }

    /// <summary>Trains for the set number of epochs (rate decaying linearly to 0) and returns the dev logits of the best epoch.</summary>
    private static double[][][] TrainNetwork(HiddenLayerNetwork network, SparseVector[][] xs, int[] ys, SparseVector[][] devXs, int[] devYs, int seed, HiddenLayerHarnessSettings settings, Stopwatch clock, Action<string> log)
    {
        var random = new Random(seed);
        var order = Enumerable.Range(0, ys.Length).ToArray();
        var hidden = new float[network.Hidden];
        var gradient = new float[network.Hidden];
        var scratch = new double[network.Classes];
        var total = (double)settings.Epochs * ys.Length;
        var step = 0L;
        double[][][]? best = null;
        var bestAccuracy = -1.0;
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var n in order)
            {
                var rate = (float)(settings.LearningRate * (1 - (step++ / total)));
                // Each example hides its outlet with probability ½, as in the linear model.
                var x = xs[random.NextDouble() < 0.5 ? 0 : 1][n];
                network.Step(x.Indexes, x.Values, ys[n], rate, settings.Dropout, random, hidden, gradient, scratch);
            }

            var logits = devXs.Select(vectors => vectors.Select(x =>
            {
                var l = new double[network.Classes];
                network.Logits(x.Indexes, x.Values, l, hidden);
                return l;
            }).ToArray()).ToArray();
            var accuracy = TopicTrainer.Accuracy(logits[1], devYs);
            log($"H {network.Hidden} seed {seed} epoch {epoch}: dev accuracy {accuracy:P2}, outlet hidden {TopicTrainer.Accuracy(logits[0], devYs):P2} ({clock.Elapsed.TotalSeconds:F0}s)");
            if (accuracy > bestAccuracy)
            {
                bestAccuracy = accuracy;
                best = logits;
            }
        }

        return best!;
    }

    private static double[] LogSoftmax(double[] logits, double temperature)
    {
        var p = (double[])logits.Clone();
        LinearTopicModel.Softmax(p, temperature);
        return p.Select(x => Math.Log(Math.Max(x, 1e-12))).ToArray();
    }

    private static double FitTemperature(double[][] logits, int[] ys)
    {
        var best = 1.0;
        var bestLoss = double.PositiveInfinity;
        for (var t = 0.05; t <= 20; t *= 1.05)
        {
            var loss = 0.0;
            for (var n = 0; n < logits.Length; n++)
            {
                loss -= LogSoftmax(logits[n], t)[ys[n]];
            }

            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = t;
            }
        }

        return best;
    }
}
