using Marsad.Model;

namespace Marsad.Time;

/// <summary>Scores of the time recogniser against a gold set.</summary>
public sealed record TimeScores
{
    public required string Split { get; init; }
    public int Sentences { get; init; }
    public int Gold { get; init; }
    public int Predicted { get; init; }
    public required SpanScore Exact { get; init; }
    public required SpanScore Overlap { get; init; }

    /// <summary>Correct type over exactly spanned gold expressions.</summary>
    public double TypeAccuracy { get; init; }

    /// <summary>Correct value over exactly spanned gold expressions.</summary>
    public double ValueAccuracy { get; init; }

    /// <summary>Correct value over overlapping gold expressions.</summary>
    public double ValueAccuracyOverlap { get; init; }

    /// <summary>Exact span and correct value, over all gold expressions (end to end).</summary>
    public double StrictValueAccuracy { get; init; }

    public IReadOnlyList<TimeError> Errors { get; init; } = [];
}

/// <summary>Precision, recall and F1 of spans, with the counts they come from.</summary>
public sealed record SpanScore(int Matched, double Precision, double Recall, double F1);

/// <summary>One disagreement: a missed or spurious span, or a wrong value.</summary>
public sealed record TimeError(string Id, string Kind, string Surface, string? Expected, string? Got);

/// <summary>
/// Scores <see cref="TimeRecognizer"/> on gold sentences. Exact: same [start, end). Overlap: spans
/// share at least one character (each gold and predicted expression matched at most once). Value
/// accuracy is over the gold expressions matched exactly; strict accuracy is over all gold.
/// </summary>
public static class TimeEvaluator
{
    public static TimeScores Evaluate(IEnumerable<TimeGoldRecord> records, string split, TimeRecognizer? recognizer = null)
    {
        recognizer ??= new TimeRecognizer();
        int sentences = 0, gold = 0, predicted = 0, exact = 0, overlap = 0, typeOk = 0, valueOk = 0, valueOkOverlap = 0;
        var errors = new List<TimeError>();
        foreach (var record in records)
        {
            sentences++;
            var got = recognizer.Recognize(record.Text, record.Anchor);
            gold += record.Expressions.Count;
            predicted += got.Count;
            var usedExact = new bool[got.Count];
            var usedOverlap = new bool[got.Count];
            foreach (var g in record.Expressions)
            {
                var e = IndexOf(got, usedExact, p => p.Start == g.Start && p.End == g.End);
                if (e >= 0)
                {
                    usedExact[e] = true;
                    exact++;
                    typeOk += got[e].Type == g.Type ? 1 : 0;
                    if (got[e].Value == g.Value)
                    {
                        valueOk++;
                    }
                    else
                    {
                        errors.Add(new TimeError(record.Id, "value", g.Surface, g.Value, got[e].Value));
                    }
                }

                var o = IndexOf(got, usedOverlap, p => p.Start < g.End && g.Start < p.End);
                if (o >= 0)
                {
                    usedOverlap[o] = true;
                    overlap++;
                    valueOkOverlap += got[o].Value == g.Value ? 1 : 0;
                    if (e < 0)
                    {
                        errors.Add(new TimeError(record.Id, "span", g.Surface, g.Value, $"{got[o].Text} = {got[o].Value}"));
                    }
                }
                else
                {
                    errors.Add(new TimeError(record.Id, "missed", g.Surface, g.Value, null));
                }
            }

            for (var k = 0; k < got.Count; k++)
            {
                if (!usedOverlap[k])
                {
                    errors.Add(new TimeError(record.Id, "spurious", got[k].Text, null, got[k].Value));
                }
            }
        }

        return new TimeScores
        {
            Split = split,
            Sentences = sentences,
            Gold = gold,
            Predicted = predicted,
            Exact = Score(exact, predicted, gold),
            Overlap = Score(overlap, predicted, gold),
            TypeAccuracy = Ratio(typeOk, exact),
            ValueAccuracy = Ratio(valueOk, exact),
            ValueAccuracyOverlap = Ratio(valueOkOverlap, overlap),
            StrictValueAccuracy = Ratio(valueOk, gold),
            Errors = errors,
        };
    }

    private static int IndexOf(IReadOnlyList<TimeExpression> got, bool[] used, Func<TimeExpression, bool> predicate)
    {
        for (var k = 0; k < got.Count; k++)
        {
            if (!used[k] && predicate(got[k]))
            {
                return k;
            }
        }

        return -1;
    }

    private static SpanScore Score(int matched, int predicted, int gold)
    {
        var p = Ratio(matched, predicted);
        var r = Ratio(matched, gold);
        return new SpanScore(matched, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : Math.Round((double)a / b, 4);
}
