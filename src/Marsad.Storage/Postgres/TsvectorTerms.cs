using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using Marsad.Storage.Search;

namespace Marsad.Storage.Postgres;

/// <summary>
/// Feeds PostgreSQL full-text search with Marsad's analyzer: the text becomes a space-separated list of
/// Marsad's terms (folded surface form and its clitic-free form) that <c>to_tsvector('simple', …)</c>
/// stores as they are, and a query becomes a tsquery over the same terms, so PostgreSQL never stems Arabic itself.
/// </summary>
public static class TsvectorTerms
{
    private static readonly MarsadAnalyzer Analyzer = new(SearchForm.Surface);

    /// <summary>The terms of a text with their UTF-16 offsets (clitic-free forms share the word's offsets).</summary>
    public static List<(string Term, int Start, int End)> Analyse(string? text)
    {
        var terms = new List<(string, int, int)>();
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        using var stream = Analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return terms;
    }

    /// <summary>The document side: Marsad's terms joined by spaces, for to_tsvector('simple', …).</summary>
    public static string Document(string? text)
    {
        var builder = new StringBuilder();
        foreach (var (term, _, _) in Analyse(text))
        {
            builder.Append(term).Append(' ');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The query side, as tsquery text: words are OR-ed (ranked, like the embedded BM25 search), a
    /// "…" phrase becomes a followed-by chain; a word with a clitic-free form matches either form.
    /// Null when the query has no searchable word.
    /// </summary>
    public static string? Query(string text)
    {
        var parts = new List<string>();
        var pieces = text.Split('"');
        for (var i = 0; i < pieces.Length; i++)
        {
            var words = Words(pieces[i]);
            if (words.Count == 0)
            {
                continue;
            }

            if (i % 2 == 1 && words.Count > 1)
            {
                parts.Add("(" + string.Join(" <-> ", words) + ")");
            }
            else
            {
                parts.AddRange(words);
            }
        }

        return parts.Count == 0 ? null : string.Join(" | ", parts);
    }

    /// <summary>Each word of a query as a tsquery operand: 'form' or ('form' | 'clitic-free form').</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var analysed = Analyse(text);
        for (var i = 0; i < analysed.Count; i++)
        {
            var (term, start, _) = analysed[i];
            var forms = new List<string> { Quote(term) };
            while (i + 1 < analysed.Count && analysed[i + 1].Start == start)
            {
                forms.Add(Quote(analysed[++i].Term));
            }

            words.Add(forms.Count == 1 ? forms[0] : "(" + string.Join(" | ", forms) + ")");
        }

        return words;
    }

    private static string Quote(string term) => "'" + term.Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal) + "'";

    /// <summary>Up to <paramref name="max"/> fragments of the text around words whose terms the query holds, matches marked.</summary>
    public static IReadOnlyList<string> Highlights(string? text, string query, int max = 2, int context = 60)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var wanted = new HashSet<string>(Analyse(query.Replace("\"", " ", StringComparison.Ordinal)).Select(t => t.Term), StringComparer.Ordinal);
        var matches = new List<(int Start, int End)>();
        foreach (var (term, start, end) in Analyse(text))
        {
            if (wanted.Contains(term) && (matches.Count == 0 || matches[^1].Start != start))
            {
                matches.Add((start, end));
            }
        }

        var fragments = new List<string>();
        var index = 0;
        while (index < matches.Count && fragments.Count < max)
        {
            var from = Math.Max(0, matches[index].Start - context);
            var to = Math.Min(text.Length, matches[index].End + context);
            var builder = new StringBuilder();
            var cursor = from;
            while (index < matches.Count && matches[index].Start < to)
            {
                var (s, e) = matches[index++];
                builder.Append(text, cursor, s - cursor).Append(HighlightMarkers.Open).Append(text, s, e - s).Append(HighlightMarkers.Close);
                cursor = e;
                to = Math.Min(text.Length, Math.Max(to, e + 10));
            }

            builder.Append(text, cursor, to - cursor);
            fragments.Add((from > 0 ? "…" : string.Empty) + builder.ToString().Replace('\n', ' ').Trim() + (to < text.Length ? "…" : string.Empty));
        }

        return fragments;
    }
}
