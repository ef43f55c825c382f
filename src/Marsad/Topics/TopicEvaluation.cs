using System.Diagnostics;
using Marsad.Model;

namespace Marsad.Topics;

/// <summary>The classifier's own cost on prepared articles (text layer already run): CPU time and allocation per article.</summary>
public sealed record ClassifierCost(int Articles, double MicrosecondsPerArticle, double CpuMicrosecondsPerArticle, double BytesPerArticle);

/// <summary>One bin of a reliability diagram: articles whose top probability falls in [Low, High).</summary>
public sealed record CalibrationBin(double Low, double High, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// How well the top label's probability matches how often it is right: the expected calibration error
/// (the articles-weighted mean gap between confidence and accuracy over ten equal-width bins) and the bins.
/// </summary>
public sealed record CalibrationReport(double ExpectedCalibrationError, IReadOnlyList<CalibrationBin> Bins)
{
    public static CalibrationReport From(IReadOnlyList<(double Confidence, bool Correct)> predictions, int bins = 10)
    {
        var result = new List<CalibrationBin>(bins);
        var error = 0.0;
        for (var b = 0; b < bins; b++)
        {
            var low = (double)b / bins;
            var high = (double)(b + 1) / bins;
            var inBin = predictions.Where(p => p.Confidence >= low && (p.Confidence < high || (b == bins - 1 && p.Confidence <= high))).ToList();
            if (inBin.Count == 0)
            {
                continue;
            }

            var confidence = inBin.Average(p => p.Confidence);
            var accuracy = inBin.Count(p => p.Correct) / (double)inBin.Count;
            error += Math.Abs(confidence - accuracy) * inBin.Count / predictions.Count;
            result.Add(new CalibrationBin(low, high, inBin.Count, confidence, accuracy));
        }

        return new CalibrationReport(error, result);
    }
}

/// <summary>Scores a topic classifier (or the naive Bayes baseline) on a labelled corpus.</summary>
public static class TopicEvaluation
{
    private const int Chunk = 500;

    /// <summary>Keeps the records of one outlet (case-insensitive), or all when <paramref name="source"/> is null.</summary>
    public static List<TopicRecord> FilterSource(IEnumerable<TopicRecord> records, string? source, bool exclude = false) =>
        source is null
            ? records.ToList()
            : records.Where(r => string.Equals(r.Source, source, StringComparison.OrdinalIgnoreCase) != exclude).ToList();

    /// <summary>
    /// Classifies every record through the annotator (text layer first, outside the timed part) and reports
    /// the scores and the annotator's cost per article on this thread.
    /// </summary>
    public static (ClassificationReport Report, ClassifierCost Cost, CalibrationReport Calibration) Evaluate(LinearTopicModel model, IReadOnlyList<TopicRecord> gold, bool useSource = true, Action<TopicRecord, IReadOnlyList<TopicScore>>? onPrediction = null)
    {
        var annotator = new TopicAnnotator(model);
        var pairs = new List<(string, string)>(gold.Count);
        var confidences = new List<(double, bool)>(gold.Count);
        long ticks = 0, bytes = 0;
        var cpu = TimeSpan.Zero;

        // Warm-up (JIT) on a few articles, untimed.
        foreach (var r in gold.Take(20))
        {
            annotator.Annotate(Prepare(model, r, useSource));
        }

        for (var start = 0; start < gold.Count; start += Chunk)
        {
            var records = gold.Skip(start).Take(Chunk).ToList();
            var docs = TopicDocuments.PrepareAll(records.Select(r => useSource ? r : r with { Source = null }).ToList(), TopicStandfirst.IsReadBy(model.Options));
            GC.Collect(); // the text layer's garbage is not the classifier's
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.GetTimestamp();
            foreach (var doc in docs)
            {
                annotator.Annotate(doc);
            }

            ticks += Stopwatch.GetTimestamp() - clock;
            bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            for (var i = 0; i < docs.Length; i++)
            {
                pairs.Add((records[i].Label, docs[i].Topics[0].Label));
                confidences.Add((docs[i].Topics[0].Score, records[i].Label == docs[i].Topics[0].Label));
                onPrediction?.Invoke(records[i], docs[i].Topics);
            }
        }

        var n = Math.Max(gold.Count, 1);
        var cost = new ClassifierCost(gold.Count, ticks * 1e6 / Stopwatch.Frequency / n, cpu.TotalMicroseconds / n, (double)bytes / n);
        return (ClassificationReport.From(pairs), cost, CalibrationReport.From(confidences));
    }

    public static ClassificationReport EvaluateBaseline(NaiveBayesBaseline baseline, IReadOnlyList<TopicRecord> gold) =>
        ClassificationReport.From(gold.Select(r => (r.Label, baseline.Predict(r.Title, r.Text))).ToList());

    private static AnalyzedArticle Prepare(LinearTopicModel model, TopicRecord record, bool useSource) =>
        TopicDocuments.Prepare(useSource ? record : record with { Source = null }, TopicStandfirst.IsReadBy(model.Options));
}
