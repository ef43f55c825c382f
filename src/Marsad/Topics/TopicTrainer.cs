using System.Diagnostics;

namespace Marsad.Topics;

/// <summary>Settings of a topic-model training run (chosen on dev data).</summary>
public sealed record TopicTrainingOptions
{
    public int Epochs { get; init; } = 8;

    public float LearningRate { get; init; } = 0.5f;

    public int HashBits { get; init; } = 20;

    public int CharMin { get; init; } = 3;

    public int CharMax { get; init; } = 5;

    public bool StemBigrams { get; init; } = true;

    public int Seed { get; init; } = 13;

    /// <summary>Add outlet features (outlet × stem), used when an article's outlet is known.</summary>
    public bool SourceFeatures { get; init; }

    /// <summary>The probability that a training example hides its outlet, so that the model also works without one.</summary>
    public double SourceDropout { get; init; } = 0.5;
}

/// <summary>
/// Trains <see cref="LinearTopicModel"/> by stochastic gradient descent on the softmax loss with
/// weight averaging (the average of all iterates generalises like an L2-regularised model), keeps
/// the epoch with the best dev accuracy, then fits the softmax temperature on dev by minimising the
/// negative log-likelihood.
/// </summary>
public static class TopicTrainer
{
    public static LinearTopicModel Train(IReadOnlyList<TopicRecord> train, IReadOnlyList<TopicRecord> dev, TopicTrainingOptions options, Action<string>? log = null)
    {
        log ??= _ => { };
        var featureOptions = new TopicFeatureOptions(options.HashBits, true, options.StemBigrams, options.CharMin, options.CharMax, options.SourceFeatures);
        var extractor = new TopicFeatureExtractor(featureOptions, FallbackTermAnalyzer.Instance);
        var labels = train.Select(r => r.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var xs = Featurize(train, extractor);
        var ys = train.Select(r => labelIndex[r.Label]).ToArray();
        var devXs = Featurize(dev, extractor);
        var sources = FeaturizeSources(train, extractor);
        var devSources = FeaturizeSources(dev, extractor);
        var devYs = dev.Select(r => labelIndex.TryGetValue(r.Label, out var y) ? y : -1).ToArray();
        log($"features: {train.Count} train + {dev.Count} dev articles in {clock.Elapsed.TotalSeconds:F1}s, {labels.Length} labels");

        var classes = labels.Length;
        var size = featureOptions.Buckets * classes;
        var w = new float[size];
        var u = new float[size]; // sum of step * time, for the averaging trick
        var b = new float[classes];
        var ub = new float[classes];
        var order = Enumerable.Range(0, xs.Length).ToArray();
        var random = new Random(options.Seed);
        var step = 1f;
        float[]? bestW = null;
        float[]? bestB = null;
        var bestAccuracy = -1.0;
        var gradient = new float[classes];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var n in order)
            {
                var x = xs[n];
                var scores = LinearTopicModel.Logits(x, w, b, classes);
                var withSource = sources[n].Indexes.Length > 0 && random.NextDouble() >= options.SourceDropout;
                if (withSource)
                {
                    LinearTopicModel.AddLogits(sources[n], w, scores);
                }

                LinearTopicModel.Softmax(scores, 1.0);
                for (var c = 0; c < classes; c++)
                {
                    gradient[c] = options.LearningRate * (float)(scores[c] - (c == ys[n] ? 1.0 : 0.0));
                }

                for (var i = 0; i < x.Indexes.Length; i++)
                {
                    var row = x.Indexes[i] * classes;
                    var v = x.Values[i];
                    for (var c = 0; c < classes; c++)
                    {
                        var g = gradient[c] * v;
                        w[row + c] -= g;
                        u[row + c] -= step * g;
                    }
                }

                if (withSource)
                {
                    var sx = sources[n];
                    for (var i = 0; i < sx.Indexes.Length; i++)
                    {
                        var row = sx.Indexes[i] * classes;
                        var v = sx.Values[i];
                        for (var c = 0; c < classes; c++)
                        {
                            var g = gradient[c] * v;
                            w[row + c] -= g;
                            u[row + c] -= step * g;
                        }
                    }
                }

                for (var c = 0; c < classes; c++)
                {
                    b[c] -= gradient[c];
                    ub[c] -= step * gradient[c];
                }

                step++;
            }

            var (avgW, avgB) = Average(w, u, b, ub, step);
            var accuracy = Accuracy(devXs, devSources, devYs, avgW, avgB, classes);
            var contentOnly = options.SourceFeatures ? $", without outlet {Accuracy(devXs, null, devYs, avgW, avgB, classes):P2}" : string.Empty;
            log($"epoch {epoch}: dev accuracy {accuracy:P2}{contentOnly} ({clock.Elapsed.TotalSeconds:F0}s)");
            if (accuracy > bestAccuracy)
            {
                bestAccuracy = accuracy;
                bestW = avgW;
                bestB = avgB;
            }
        }

        var temperature = FitTemperature(devXs, devSources, devYs, bestW!, bestB!, classes);
        log($"best dev accuracy {bestAccuracy:P2}; temperature {temperature:F2}");
        var knownSources = train.Select(r => r.Source).OfType<string>().Select(x => x.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new LinearTopicModel(FallbackTermAnalyzer.Instance.Name, featureOptions, labels, bestW!, bestB!, temperature, knownSources);
    }

    private static SparseVector[] Featurize(IReadOnlyList<TopicRecord> records, TopicFeatureExtractor extractor)
    {
        var result = new SparseVector[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => result[i] = extractor.Extract(records[i].Title, records[i].Text));
        return result;
    }

    private static SparseVector[] FeaturizeSources(IReadOnlyList<TopicRecord> records, TopicFeatureExtractor extractor)
    {
        var result = new SparseVector[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => result[i] = extractor.ExtractSource(records[i].Source, records[i].Title, records[i].Text));
        return result;
    }

    private static (float[] W, float[] B) Average(float[] w, float[] u, float[] b, float[] ub, float step)
    {
        var avgW = new float[w.Length];
        for (var i = 0; i < w.Length; i++)
        {
            avgW[i] = w[i] - (u[i] / step);
        }

        var avgB = new float[b.Length];
        for (var i = 0; i < b.Length; i++)
        {
            avgB[i] = b[i] - (ub[i] / step);
        }

        return (avgW, avgB);
    }

    private static double Accuracy(SparseVector[] xs, SparseVector[]? sources, int[] ys, float[] w, float[] b, int classes)
    {
        var correct = 0;
        for (var n = 0; n < xs.Length; n++)
        {
            var scores = LinearTopicModel.Logits(xs[n], w, b, classes);
            if (sources is not null)
            {
                LinearTopicModel.AddLogits(sources[n], w, scores);
            }

            if (ArgMax(scores) == ys[n])
            {
                correct++;
            }
        }

        return xs.Length == 0 ? 0 : (double)correct / xs.Length;
    }

    /// <summary>The temperature minimising the dev negative log-likelihood, on a log grid from 0.05 to 20.</summary>
    private static float FitTemperature(SparseVector[] xs, SparseVector[] sources, int[] ys, float[] w, float[] b, int classes)
    {
        var logits = xs.Select((x, n) =>
        {
            var scores = LinearTopicModel.Logits(x, w, b, classes);
            LinearTopicModel.AddLogits(sources[n], w, scores);
            return scores;
        }).ToArray();
        var best = 1.0;
        var bestLoss = double.PositiveInfinity;
        for (var t = 0.05; t <= 20; t *= 1.05)
        {
            var loss = 0.0;
            for (var n = 0; n < logits.Length; n++)
            {
                if (ys[n] < 0)
                {
                    continue;
                }

                var p = (double[])logits[n].Clone();
                LinearTopicModel.Softmax(p, t);
                loss -= Math.Log(Math.Max(p[ys[n]], 1e-12));
            }

            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = t;
            }
        }

        return (float)best;
    }

    internal static int ArgMax(double[] scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }
}
