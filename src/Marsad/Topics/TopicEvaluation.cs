using System.Diagnostics;

namespace Marsad.Topics;

/// <summary>Scores a topic classifier (or the naive Bayes baseline) on a labelled corpus.</summary>
public static class TopicEvaluation
{
    /// <summary>Keeps the records of one outlet (case-insensitive), or all when <paramref name="source"/> is null.</summary>
    public static List<TopicRecord> FilterSource(IEnumerable<TopicRecord> records, string? source, bool exclude = false) =>
        source is null
            ? records.ToList()
            : records.Where(r => string.Equals(r.Source, source, StringComparison.OrdinalIgnoreCase) != exclude).ToList();

    public static (ClassificationReport Report, double ArticlesPerSecond) Evaluate(LinearTopicModel model, IReadOnlyList<TopicRecord> gold, bool useSource = true)
    {
        var pairs = new List<(string, string)>(gold.Count);
        var clock = Stopwatch.StartNew();
        foreach (var r in gold)
        {
            var p = model.Predict(r.Title, r.Text, useSource ? r.Source : null);
            pairs.Add((r.Label, model.Labels[TopicTrainer.ArgMax(p)]));
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return (ClassificationReport.From(pairs), gold.Count / Math.Max(seconds, 1e-9));
    }

    public static ClassificationReport EvaluateBaseline(NaiveBayesBaseline baseline, IReadOnlyList<TopicRecord> gold) =>
        ClassificationReport.From(gold.Select(r => (r.Label, baseline.Predict(r.Title, r.Text))).ToList());
}
