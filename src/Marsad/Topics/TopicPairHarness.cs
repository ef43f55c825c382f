using System.Diagnostics;
using System.Text;
using Marsad.Model;

namespace Marsad.Topics;

/// <summary>
/// A measuring harness (not used by the pipeline, issue #7): does a second-stage classifier for one confusable pair of
/// labels (International / MiddleEast: most dev errors) help the shipped classifier? For each (model, seed) it trains a
/// two-label model with the shipped linear recipe (<see cref="TopicTrainingOptions.ShippedLinearRecipe"/>) on the train articles of
/// the pair only, then re-splits each dev article's probability mass on the pair by p_c · q_c^α (q: the pair model),
/// leaving the other labels' probabilities alone, and prints dev accuracy and macro-F1 at a few α, outlet known and hidden.
/// </summary>
public static class TopicPairHarness
{
    private static readonly double[] Alphas = [0, 0.25, 0.5, 1, 2, double.PositiveInfinity];

    /// <param name="runs">Plain and naive-Bayes-scaled runs of each pair model.</param>
    /// <param name="sourceDropout">The share of the pair model's training examples that hide their outlet.</param>
    /// <param name="neighbours">The pair model's own nearest-neighbour vote (0 = none).</param>
    /// <exception cref="ArgumentException">The seeds do not match the models one for one, or a label of the pair or of dev is not in a model.</exception>
    public static string Run(
        IReadOnlyList<LinearTopicModel> models, int[] seeds, IReadOnlyList<TopicRecord> train, IReadOnlyList<TopicRecord> dev, string[] pair,
        int runs, double sourceDropout, int neighbours, Action<string> log)
    {
        if (models.Count == 0 || seeds.Length != models.Count)
        {
            throw new ArgumentException($"one seed per model: {seeds.Length} seeds for {models.Count} models", nameof(seeds));
        }

        var first = models[0];
        var labelIndex = first.Labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        if (pair.Length != 2 || pair[0] == pair[1])
        {
            throw new ArgumentException($"the pair is two different labels, not {string.Join(",", pair)}", nameof(pair));
        }

        var pairIndexes = pair.Select(l => labelIndex.TryGetValue(l, out var i) ? i : throw new ArgumentException($"the model has no label {l}", nameof(pair))).ToArray();
        for (var m = 1; m < models.Count; m++)
        {
            if (!models[m].Labels.SequenceEqual(first.Labels, StringComparer.Ordinal))
            {
                throw new ArgumentException($"model {m} has other labels than model 0 ({string.Join(",", models[m].Labels)})", nameof(models));
            }
        }

        var unknown = dev.Select(r => r.Label).Where(l => !labelIndex.ContainsKey(l)).Distinct(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"dev labels the model does not have: {string.Join(", ", unknown)}", nameof(dev));
        }

        var recipe = TopicTrainingOptions.ShippedLinearRecipe(runs) with { SourceDropout = sourceDropout, Neighbours = neighbours };
        var devYs = dev.Select(r => labelIndex[r.Label]).ToArray();
        var devDocs = dev.Select(r => TopicDocuments.Prepare(r)).ToArray();
        var trainPair = train.Where(r => pair.Contains(r.Label, StringComparer.Ordinal)).ToList();
        var devPair = dev.Where(r => pair.Contains(r.Label, StringComparer.Ordinal)).ToList();
        log($"pair {string.Join(" / ", pair)}: {trainPair.Count} train, {devPair.Count} dev articles");
        var output = new StringBuilder();
        for (var m = 0; m < models.Count; m++)
        {
            var clock = Stopwatch.StartNew();
            var model = models[m];
            var pairModel = TopicTrainer.Train(trainPair, devPair, recipe with { Seed = seeds[m] }, log);
            log($"pair model (seed {seeds[m]}) trained in {clock.Elapsed.TotalSeconds:F0}s");
            // The pair model's label order (ordinal) against the main model's indexes.
            var pairLabelOf = pairIndexes.Select(i => pairModel.Labels.ToList().IndexOf(first.Labels[i])).ToArray();
            if (pairLabelOf.Contains(-1))
            {
                // The pair's train articles lack one of the labels: the pair model cannot re-split anything.
                throw new ArgumentException($"the pair model (seed {seeds[m]}) has labels {string.Join(",", pairModel.Labels)}, not both of {string.Join(",", pair)}: the train articles lack one", nameof(train));
            }

            foreach (var useSource in new[] { true, false })
            {
                var p = devDocs.Select(d => model.Predict(d, useSource)).ToArray();
                var q = devDocs.Select(d => pairModel.Predict(d, useSource)).ToArray();
                var line = new StringBuilder($"model {m} (seed {seeds[m]}), outlet {(useSource ? "known " : "hidden")}: pair model alone on the pair's dev articles {PairAccuracy(q, devPair.Count, devYs, pairIndexes, pairLabelOf):P2}; α");
                foreach (var alpha in Alphas)
                {
                    var mixed = p.Select((scores, n) => Resplit(scores, q[n], pairIndexes, pairLabelOf, alpha)).ToArray();
                    line.Append($" {alpha}: {TopicTrainer.Accuracy(mixed, devYs) * 100:F2} / {TopicTrainer.MacroF1(mixed, devYs, model.Labels) * 100:F2};");
                }

                output.AppendLine(line.ToString());
            }
        }

        return output.ToString();
    }

    /// <summary>The pair's mass s = Σ p_c split as s · p_c q_c^α / Σ p_c' q_c'^α (α = ∞: by q alone); other labels unchanged.</summary>
    private static double[] Resplit(double[] p, double[] q, int[] pairIndexes, int[] pairLabelOf, double alpha)
    {
        var result = (double[])p.Clone();
        var mass = pairIndexes.Sum(i => p[i]);
        var weights = pairIndexes.Select((i, k) => double.IsPositiveInfinity(alpha) ? q[pairLabelOf[k]] : p[i] * Math.Pow(q[pairLabelOf[k]], alpha)).ToArray();
        var total = weights.Sum();
        for (var k = 0; k < pairIndexes.Length; k++)
        {
            result[pairIndexes[k]] = total > 0 ? mass * weights[k] / total : p[pairIndexes[k]];
        }

        return result;
    }

    /// <summary>The pair model's accuracy on the dev articles whose gold label is in the pair.</summary>
    private static double PairAccuracy(double[][] q, int count, int[] devYs, int[] pairIndexes, int[] pairLabelOf)
    {
        var right = 0;
        for (var n = 0; n < devYs.Length; n++)
        {
            var k = Array.IndexOf(pairIndexes, devYs[n]);
            if (k >= 0 && TopicTrainer.ArgMax(q[n]) == pairLabelOf[k])
            {
                right++;
            }
        }

        return count == 0 ? 0 : (double)right / count;
    }
}
