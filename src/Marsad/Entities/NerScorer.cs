namespace Marsad.Entities;

/// <summary>
/// Exact-match entity scoring as conlleval and seqeval (default mode) compute it: a predicted span
/// counts when its start, end and type equal a gold span's. Precision, recall and F1 are
/// micro-averaged over all entities and also given per type. Spans are read with
/// <see cref="NerSpan.FromTags"/>.
/// </summary>
public sealed class NerScorer
{
    private readonly Dictionary<string, (int Gold, int Predicted, int Correct)> _byType = new(StringComparer.Ordinal);

    /// <summary>Adds one sentence: gold and predicted tags of the same tokens.</summary>
    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"gold has {gold.Count} tags, prediction {predicted.Count}");
        }

        var goldSpans = NerSpan.FromTags(gold);
        var predictedSpans = NerSpan.FromTags(predicted);
        var goldSet = new HashSet<NerSpan>(goldSpans);
        foreach (var span in goldSpans)
        {
            Bump(span.Type, gold: 1);
        }

        foreach (var span in predictedSpans)
        {
            Bump(span.Type, predicted: 1, correct: goldSet.Contains(span) ? 1 : 0);
        }
    }

    public NerScores Result()
    {
        var perType = _byType.OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => NerTypeScore.From(p.Value.Gold, p.Value.Predicted, p.Value.Correct), StringComparer.Ordinal);
        var gold = _byType.Values.Sum(v => v.Gold);
        var predicted = _byType.Values.Sum(v => v.Predicted);
        var correct = _byType.Values.Sum(v => v.Correct);
        var overall = NerTypeScore.From(gold, predicted, correct);
        return new NerScores(overall, perType);
    }

    private void Bump(string type, int gold = 0, int predicted = 0, int correct = 0)
    {
        var v = _byType.GetValueOrDefault(type);
        _byType[type] = (v.Gold + gold, v.Predicted + predicted, v.Correct + correct);
    }
}

/// <summary>Overall and per-type entity scores (percent).</summary>
public sealed record NerScores(NerTypeScore Overall, IReadOnlyDictionary<string, NerTypeScore> PerType);

/// <summary>Precision, recall and F1 in percent, with the counts they come from.</summary>
public sealed record NerTypeScore(double Precision, double Recall, double F1, int Gold, int Predicted, int Correct)
{
    public static NerTypeScore From(int gold, int predicted, int correct)
    {
        var p = predicted == 0 ? 0 : 100.0 * correct / predicted;
        var r = gold == 0 ? 0 : 100.0 * correct / gold;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new NerTypeScore(p, r, f, gold, predicted, correct);
    }
}
