using Marsad.Text;

namespace Marsad.Text;

/// <summary>Scores of a segmenter on a gold set: word accuracy and precision/recall/F1 of split points.</summary>
public sealed record SegmentationScore
{
    public required string Gold { get; init; }

    public required string Format { get; init; }

    public required int Words { get; init; }

    public required int Correct { get; init; }

    public double Accuracy => Words == 0 ? 0 : (double)Correct / Words;

    /// <summary>Gold words with at least one split.</summary>
    public required int SplitWords { get; init; }

    /// <summary>Accuracy of splitting nothing: the floor to compare against.</summary>
    public required double NoSplitAccuracy { get; init; }

    public required int TruePositives { get; init; }

    public required int FalsePositives { get; init; }

    public required int FalseNegatives { get; init; }

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Gold lines left out: not Arabic words, or pieces and tags that do not match.</summary>
    public required int Skipped { get; init; }

    /// <summary>Words per second of the segmenter on this set (single thread, after warm-up).</summary>
    public double WordsPerSecond { get; init; }

    /// <summary>The most frequent errors: written word, gold pieces, predicted pieces, count.</summary>
    public IReadOnlyList<SegmentationError> Errors { get; init; } = [];
}

public sealed record SegmentationError(string Word, string Gold, string Predicted, int Count);

/// <summary>Scores <see cref="CliticSegmenter"/> against a <see cref="SegmentationGoldSet"/>.</summary>
public static class SegmentationEvaluator
{
    public static SegmentationScore Evaluate(CliticSegmenter segmenter, SegmentationGoldSet gold, string goldName, int maxErrors = 0)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(gold);
        var correct = 0;
        var splitWords = 0;
        var noSplitCorrect = 0;
        int tp = 0, fp = 0, fn = 0;
        var errors = new Dictionary<(string, string, string), int>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var word in gold.Words)
        {
            var predicted = Predict(segmenter, word.Surface, gold.Scheme);
            var goldPieces = word.Pieces;
            if (goldPieces.Count > 1)
            {
                splitWords++;
            }
            else
            {
                noSplitCorrect++;
            }

            var same = predicted.SequenceEqual(goldPieces, StringComparer.Ordinal);
            if (same)
            {
                correct++;
            }
            else if (maxErrors > 0)
            {
                var k = (word.Surface, string.Join('+', goldPieces), string.Join('+', predicted));
                errors[k] = errors.GetValueOrDefault(k) + 1;
            }

            var goldPoints = SplitPoints(goldPieces);
            var predictedPoints = SplitPoints(predicted);
            if (string.Concat(goldPieces) == string.Concat(predicted))
            {
                var matched = goldPoints.Intersect(predictedPoints).Count();
                tp += matched;
                fp += predictedPoints.Count - matched;
                fn += goldPoints.Count - matched;
            }
            else
            {
                fp += predictedPoints.Count;
                fn += goldPoints.Count;
            }
        }

        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new SegmentationScore
        {
            Gold = goldName,
            Format = gold.Format,
            Words = gold.Words.Count,
            Correct = correct,
            SplitWords = splitWords,
            NoSplitAccuracy = gold.Words.Count == 0 ? 0 : (double)noSplitCorrect / gold.Words.Count,
            TruePositives = tp,
            FalsePositives = fp,
            FalseNegatives = fn,
            Skipped = gold.Skipped,
            WordsPerSecond = seconds > 0 ? gold.Words.Count / seconds : 0,
            Errors = errors.OrderByDescending(e => e.Value).Take(maxErrors)
                .Select(e => new SegmentationError(e.Key.Item1, e.Key.Item2, e.Key.Item3, e.Value)).ToList(),
        };
    }

    /// <summary>The segmenter's pieces for a written word, in the gold scheme's conventions.</summary>
    public static IReadOnlyList<string> Predict(CliticSegmenter segmenter, string word, SegmentationScheme scheme)
    {
        var buffer = default(SegmentBuffer);
        Span<WordSegment> segments = buffer;
        var n = segmenter.Segment(word, segments);
        var pieces = new List<string>(n);
        for (var i = 0; i < n; i++)
        {
            var s = segments[i];
            var surface = word[s.Start..s.End];
            if (scheme == SegmentationScheme.Pud && s.Form == "ال")
            {
                // PUD keeps the article on its noun and writes لل as ل+لX: glue the article's surface to the stem.
                if (i + 1 < n)
                {
                    var next = segments[i + 1];
                    segments[i + 1] = next with { Start = s.Start };
                }

                continue;
            }

            pieces.Add(scheme == SegmentationScheme.Farasa && s.Form is not null ? s.Form : SegmenterLexicon.Key(surface));
        }

        return pieces;
    }

    private static List<int> SplitPoints(IReadOnlyList<string> pieces)
    {
        var points = new List<int>(pieces.Count);
        var at = 0;
        for (var i = 0; i < pieces.Count - 1; i++)
        {
            at += pieces[i].Length;
            points.Add(at);
        }

        return points;
    }
}
