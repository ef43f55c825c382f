using Marsad.Keyphrases;
using Marsad.Model;
using Marsad.Topics;

namespace Marsad.Summaries;

/// <summary>The weights of the sentence score; defaults chosen on the summarisation train/dev splits (docs/evaluation.md).</summary>
public sealed record SummaryWeights(double Position, double Headline, double Centrality, double EntityDensity, int MinWords)
{
    public static SummaryWeights Default { get; } = new(1.0, 1.0, 0.3, 0.0, 12);

    /// <summary>Parses "position,headline,centrality,entity,minWords".</summary>
    public static SummaryWeights? TryParse(string value)
    {
        var p = value.Split(',');
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return p.Length == 5 && double.TryParse(p[0], c, out var a) && double.TryParse(p[1], c, out var b)
            && double.TryParse(p[2], c, out var d) && double.TryParse(p[3], c, out var e) && int.TryParse(p[4], c, out var m)
            ? new SummaryWeights(a, b, d, e, m)
            : null;
    }
}

/// <summary>
/// Picks 1–3 body sentences as the summary. Each sentence scores by its position (news leads first),
/// its centrality (cosine of its tf-idf stems to the whole body), its similarity to the headline and
/// its entity density (entity mentions per word when the entity layer ran, else the share of rare
/// words). Sentences are added best first until the summary reaches a minimum length; a sentence
/// that nearly repeats a chosen one, or that opens or closes a quotation without the other half, is skipped.
/// </summary>
public sealed class ExtractiveSummarizer(KeyphraseStatistics statistics, SummaryWeights? weights = null)
{
    private const int MaxSentences = 3;
    private const int MinSentenceWords = 4;
    private const int MaxSentenceWords = 90;
    private const double DuplicateJaccard = 0.5;

    public SummaryWeights Weights { get; } = weights ?? SummaryWeights.Default;

    /// <summary>Indexes into doc.Sentences of the summary, in text order (empty when no sentence qualifies).</summary>
    public List<int> Summarize(AnalyzedArticle doc)
    {
        var body = BodySentences(doc);
        if (body.Count == 0)
        {
            return [];
        }

        var text = doc.Text;
        var all = DocumentTerms.Of(text);
        var terms = new List<Term>();
        var vectors = new List<Dictionary<string, double>>(body.Count);
        var lengths = new List<int>(body.Count);
        var rare = new List<double>(body.Count);
        var centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in body)
        {
            Slice(all, s.Start, s.End, terms);
            var v = Vector(terms, out var rareShare);
            vectors.Add(v);
            lengths.Add(terms.Count);
            rare.Add(rareShare);
            foreach (var (k, x) in v)
            {
                centroid[k] = centroid.GetValueOrDefault(k) + x;
            }
        }

        Dictionary<string, double>? headline = null;
        if (doc.Blocks.Count > 0 && doc.Blocks[0].Kind == BlockKind.Headline)
        {
            Slice(all, doc.Blocks[0].Start, doc.Blocks[0].End, terms);
            headline = Vector(terms, out _);
        }

        var scores = new double[body.Count];
        for (var i = 0; i < body.Count; i++)
        {
            if (!Eligible(text, body[i], lengths[i]))
            {
                scores[i] = double.NegativeInfinity;
                continue;
            }

            var density = doc.Mentions.Count > 0
                ? Math.Min(1.0, doc.Mentions.Count(m => m.Start >= body[i].Start && m.End <= body[i].End) / (double)Math.Max(1, lengths[i]) * 3)
                : rare[i];
            scores[i] = (Weights.Position / (1.0 + i))
                + (Weights.Centrality * Cosine(vectors[i], centroid))
                + (headline is null ? 0 : Weights.Headline * Cosine(vectors[i], headline))
                + (Weights.EntityDensity * density);
        }

        var order = Enumerable.Range(0, body.Count).Where(i => !double.IsNegativeInfinity(scores[i])).OrderByDescending(i => scores[i]).ThenBy(i => i).ToList();
        var chosen = new List<int>();
        var words = 0;
        foreach (var i in order)
        {
            if (chosen.Count == MaxSentences || (chosen.Count > 0 && words >= Weights.MinWords))
            {
                break;
            }

            if (chosen.Any(j => Jaccard(vectors[i], vectors[j]) >= DuplicateJaccard))
            {
                continue;
            }

            chosen.Add(i);
            words += lengths[i];
        }

        return chosen.Select(i => body[i].Index).Order().ToList();
    }

    /// <summary>The sentences of paragraph blocks (not the headline or captions), in text order.</summary>
    public static List<SentenceSpan> BodySentences(AnalyzedArticle doc)
    {
        var result = new List<SentenceSpan>();
        foreach (var s in doc.Sentences)
        {
            if (doc.BlockAt(s.Start) is { Kind: BlockKind.Paragraph })
            {
                result.Add(s);
            }
        }

        return result;
    }

    /// <summary>The words inside [start, end), found by binary search in the document's words.</summary>
    private static void Slice(List<Term> all, int start, int end, List<Term> into)
    {
        into.Clear();
        int lo = 0, hi = all.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (all[mid].Start < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < all.Count && all[i].End <= end; i++)
        {
            into.Add(all[i]);
        }
    }

    private static bool Eligible(string text, SentenceSpan s, int words)
    {
        if (words < MinSentenceWords || words > MaxSentenceWords)
        {
            return false;
        }

        // A quotation cut in half: an opening mark without its closing one (or the reverse).
        int open = 0, close = 0, straight = 0, curly = 0;
        for (var k = s.Start; k < s.End; k++)
        {
            switch (text[k])
            {
                case '«':
                    open++;
                    break;
                case '»':
                    close++;
                    break;
                case '"':
                    straight++;
                    break;
                case '“' or '”':
                    curly++;
                    break;
            }
        }

        return open == close && straight % 2 == 0 && curly % 2 == 0 && text[s.End - 1] != ':';
    }

    private Dictionary<string, double> Vector(List<Term> terms, out double rareShare)
    {
        var v = new Dictionary<string, double>(StringComparer.Ordinal);
        var rareCount = 0;
        foreach (var t in terms)
        {
            if (statistics.IsStopWord(t.Normalized))
            {
                continue;
            }

            var idf = statistics.Idf(t.Normalized);
            if (idf > 6)
            {
                rareCount++;
            }

            v[t.Stem] = v.GetValueOrDefault(t.Stem) + idf;
        }

        rareShare = terms.Count == 0 ? 0 : (double)rareCount / terms.Count;
        return v;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        double dot = 0;
        foreach (var (k, x) in small)
        {
            if (large.TryGetValue(k, out var y))
            {
                dot += x * y;
            }
        }

        return dot / (Norm(a) * Norm(b));
    }

    private static double Norm(Dictionary<string, double> v)
    {
        double s = 0;
        foreach (var x in v.Values)
        {
            s += x * x;
        }

        return Math.Sqrt(s);
    }

    private static double Jaccard(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var shared = a.Keys.Count(b.ContainsKey);
        var union = a.Count + b.Count - shared;
        return union == 0 ? 0 : (double)shared / union;
    }
}
