using Marsad.Topics;

namespace Marsad.Summaries;

/// <summary>Precision, recall and F1 of one ROUGE measure.</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    public static RougeScore From(double overlap, int candidateCount, int referenceCount)
    {
        var p = candidateCount == 0 ? 0 : overlap / candidateCount;
        var r = referenceCount == 0 ? 0 : overlap / referenceCount;
        return new RougeScore(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L of a candidate summary against one reference.</summary>
public readonly record struct RougeResult(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeL);

/// <summary>
/// ROUGE (Lin 2004) over Arabic words: tokens are normalised (alef, yeh, teh marbuta, diacritics) and,
/// by default, light-stemmed, as the summarisation README recommends. ROUGE-N counts clipped n-gram
/// matches; ROUGE-L uses the longest common subsequence of the two token sequences.
/// </summary>
public static class Rouge
{
    public static IReadOnlyList<string> Tokens(string text, bool stem = true)
    {
        var terms = new List<Term>();
        FallbackTermAnalyzer.Instance.Analyze(text, terms);
        return terms.Select(t => stem ? t.Stem : t.Normalized).ToList();
    }

    public static RougeResult Score(string candidate, string reference, bool stem = true) =>
        Score(Tokens(candidate, stem), Tokens(reference, stem));

    public static RougeResult Score(IReadOnlyList<string> candidate, IReadOnlyList<string> reference) =>
        new(RougeN(candidate, reference, 1), RougeN(candidate, reference, 2), RougeL(candidate, reference));

    public static RougeScore RougeN(IReadOnlyList<string> candidate, IReadOnlyList<string> reference, int n)
    {
        var cand = NGrams(candidate, n);
        var refs = NGrams(reference, n);
        var overlap = 0;
        foreach (var (gram, count) in cand)
        {
            overlap += Math.Min(count, refs.GetValueOrDefault(gram));
        }

        return RougeScore.From(overlap, Math.Max(0, candidate.Count - n + 1), Math.Max(0, reference.Count - n + 1));
    }

    public static RougeScore RougeL(IReadOnlyList<string> candidate, IReadOnlyList<string> reference) =>
        RougeScore.From(Lcs(candidate, reference), candidate.Count, reference.Count);

    /// <summary>Length of the longest common subsequence (two-row dynamic programme).</summary>
    public static int Lcs(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join(' ', Enumerable.Range(i, n).Select(k => tokens[k]));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }
}
