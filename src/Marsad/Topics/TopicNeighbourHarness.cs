using System.Text;

namespace Marsad.Topics;

/// <summary>
/// A measuring harness (not used by the pipeline): does a nearest-neighbour vote over the training articles add to the
/// linear model? For each dev article, the training articles most similar by cosine over the model's own content
/// vector (L2-normalised IDF-weighted features, optionally truncated to the top-N features), a per-class score
/// Σ sim^p over the k nearest, and the mix log p = log p_linear + β · log(p_kNN + ε). Prints the grid as text.
/// </summary>
public static class TopicNeighbourHarness
{
    private static readonly int[] Ks = [5, 10, 20, 40];
    private static readonly double[] Powers = [1, 2, 3, 8];
    private static readonly double[] OtherOutlet = [1, 0.5, 0.25, 0];
    private static readonly double[] Betas = [0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5];
    private static readonly double[] Thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
    private const double Epsilon = 0.02;

    public static string Run(LinearTopicModel model, IReadOnlyList<TopicRecord> train, IReadOnlyList<TopicRecord> dev, (int Query, int Index)[] truncations)
    {
        if (model.NeighbourSettings is not null)
        {
            throw new ArgumentException("the harness mixes its own vote into a linear model: give a model trained without --knn", nameof(model));
        }

        var labelIndex = model.Labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var classes = model.Labels.Count;
        var trainYs = train.Select(r => labelIndex[r.Label]).ToArray();
        var devYs = dev.Select(r => labelIndex[r.Label]).ToArray();
        var trainVectors = ContentVectors(model, train);
        var devVectors = ContentVectors(model, dev);
        var linear = new double[2][][];
        var devDocs = TopicDocuments.PrepareAll(dev);
        for (var hidden = 0; hidden < 2; hidden++)
        {
            linear[hidden] = devDocs.Select(d => model.Predict(d, useSource: hidden == 0)).ToArray();
        }

        var output = new StringBuilder();
        for (var h = 0; h < 2; h++)
        {
            output.AppendLine($"linear alone, outlet {(h == 0 ? "known" : "hidden")}: {TopicTrainer.Accuracy(linear[h], devYs):P2}");
        }

        foreach (var (queryTop, top) in truncations)
        {
            var index = new InvertedIndex(trainVectors.Select(v => Truncate(v, top)).ToArray());
            var neighbours = devVectors.Select(v => index.Nearest(Truncate(v, queryTop), Ks.Max())).ToArray();
            var postings = index.MeanPostingsVisited;
            output.AppendLine($"--- query top-{queryTop}, index top-{top} features per article, 0 = all (mean postings visited per dev article {postings:F0})");
            var nn = neighbours.Select(n => n.Length > 0 ? n[0] : (Doc: -1, Sim: 0f)).ToArray();
            foreach (var s in Thresholds)
            {
                // The oracle "nearest neighbour more similar than s → its label", against the linear model on the same articles.
                var covered = Enumerable.Range(0, dev.Count).Where(i => nn[i].Doc >= 0 && nn[i].Sim > s).ToList();
                var sameOutlet = covered.Where(i => SameOutlet(train[nn[i].Doc], dev[i])).ToList();
                output.AppendLine($"nearest sim > {s:F2}: {Oracle(covered)}");
                output.AppendLine($"    of which the same outlet: {Oracle(sameOutlet)}");
            }

            string Oracle(List<int> articles) =>
                $"{articles.Count} dev articles, its label right {Share(articles.Count(i => trainYs[nn[i].Doc] == devYs[i]), articles.Count):P1}, " +
                $"linear right {Share(articles.Count(i => TopicTrainer.ArgMax(linear[0][i]) == devYs[i]), articles.Count):P1}";

            foreach (var k in Ks)
            {
                foreach (var p in Powers)
                {
                    var knn = neighbours.Select(n => Vote(n, k, p, trainYs, classes)).ToArray();
                    var line = new StringBuilder($"k {k,2} p {p}: kNN alone {TopicTrainer.Accuracy(knn, devYs):P2}");
                    line.Append(" | outlet hidden β ");
                    line.Append(string.Join(" ", Betas.Select(beta => $"{beta}:{TopicTrainer.Accuracy(Mix(linear[1], knn, beta), devYs) * 100:F2}")));
                    output.AppendLine(line.ToString());
                    foreach (var gamma in OtherOutlet)
                    {
                        var weighted = neighbours.Select((n, i) => Vote(n, k, p, trainYs, classes, d => SameOutlet(train[d], dev[i]) ? 1 : gamma)).ToArray();
                        line = new StringBuilder($"    other outlets × {gamma}: kNN alone {TopicTrainer.Accuracy(weighted, devYs):P2} | mix (outlet known) β ");
                        line.Append(string.Join(" ", Betas.Select(beta => $"{beta}:{TopicTrainer.Accuracy(Mix(linear[0], weighted, beta), devYs) * 100:F2}")));
                        line.Append(" | macro-F1 β ");
                        line.Append(string.Join(" ", Betas.Select(beta => $"{beta}:{TopicTrainer.MacroF1(Mix(linear[0], weighted, beta), devYs, model.Labels) * 100:F2}")));
                        output.AppendLine(line.ToString());
                    }
                }
            }
        }

        return output.ToString();
    }

    private static SparseVector[] ContentVectors(LinearTopicModel model, IReadOnlyList<TopicRecord> records)
    {
        var vectors = new SparseVector[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = 1 }, i =>
        {
            var buffer = TopicFeatureExtractor.ThreadBuffer;
            model.Extractor.Collect(TopicDocuments.Prepare(records[i]), null, buffer);
            vectors[i] = buffer.Content();
        });
        return vectors;
    }

    /// <summary>The N largest features, L2-normalised again (all of them when N is 0).</summary>
    internal static SparseVector Truncate(SparseVector v, int top)
    {
        if (top == 0 || v.Indexes.Length <= top)
        {
            return v;
        }

        var order = Enumerable.Range(0, v.Indexes.Length).OrderByDescending(i => v.Values[i]).ThenBy(i => v.Indexes[i]).Take(top).ToArray();
        var values = order.Select(i => v.Values[i]).ToArray();
        var norm = MathF.Sqrt(values.Sum(x => x * x));
        return new SparseVector(order.Select(i => v.Indexes[i]).ToArray(), values.Select(x => x / norm).ToArray());
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static bool SameOutlet(TopicRecord a, TopicRecord b) => string.Equals(a.Source?.Trim(), b.Source?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static double[] Vote((int Doc, float Sim)[] neighbours, int k, double power, int[] ys, int classes, Func<int, double>? weight = null)
    {
        var scores = new double[classes];
        var total = 0.0;
        foreach (var (doc, sim) in neighbours.Take(k))
        {
            var s = Math.Pow(Math.Max(sim, 0), power) * (weight?.Invoke(doc) ?? 1);
            scores[ys[doc]] += s;
            total += s;
        }

        for (var c = 0; c < classes; c++)
        {
            scores[c] = total > 0 ? scores[c] / total : 1.0 / classes;
        }

        return scores;
    }

    private static double[][] Mix(double[][] linear, double[][] knn, double beta) =>
        linear.Select((p, i) => p.Select((x, c) => Math.Log(Math.Max(x, 1e-12)) + (beta * Math.Log(knn[i][c] + Epsilon))).ToArray()).ToArray();

    /// <summary>Bucket → (article, value) postings; cosine of L2-normalised vectors by accumulating over the query's buckets.</summary>
    private sealed class InvertedIndex
    {
        private readonly List<(int Doc, float Value)>[] _postings;
        private readonly float[] _accumulator;
        private long _visited;
        private int _queries;

        public InvertedIndex(SparseVector[] vectors)
        {
            var byBucket = new Dictionary<int, List<(int, float)>>();
            for (var d = 0; d < vectors.Length; d++)
            {
                var v = vectors[d];
                for (var i = 0; i < v.Indexes.Length; i++)
                {
                    if (!byBucket.TryGetValue(v.Indexes[i], out var list))
                    {
                        byBucket[v.Indexes[i]] = list = [];
                    }

                    list.Add((d, v.Values[i]));
                }
            }

            _postings = new List<(int, float)>[1 << 20];
            foreach (var (bucket, list) in byBucket)
            {
                _postings[bucket] = list;
            }

            _accumulator = new float[vectors.Length];
        }

        public double MeanPostingsVisited => _queries == 0 ? 0 : (double)_visited / _queries;

        public (int Doc, float Sim)[] Nearest(SparseVector query, int k)
        {
            Array.Clear(_accumulator);
            _queries++;
            for (var i = 0; i < query.Indexes.Length; i++)
            {
                if (_postings[query.Indexes[i]] is not { } list)
                {
                    continue;
                }

                var q = query.Values[i];
                _visited += list.Count;
                foreach (var (doc, value) in list)
                {
                    _accumulator[doc] += q * value;
                }
            }

            var best = new PriorityQueue<int, float>();
            for (var d = 0; d < _accumulator.Length; d++)
            {
                if (_accumulator[d] <= 0)
                {
                    continue;
                }

                if (best.Count < k)
                {
                    best.Enqueue(d, _accumulator[d]);
                }
                else if (_accumulator[d] > _accumulator[best.Peek()])
                {
                    best.DequeueEnqueue(d, _accumulator[d]);
                }
            }

            var result = new (int, float)[best.Count];
            for (var i = result.Length - 1; i >= 0; i--)
            {
                var d = best.Dequeue();
                result[i] = (d, _accumulator[d]);
            }

            return result;
        }
    }
}
