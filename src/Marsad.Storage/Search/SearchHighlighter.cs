using System.Text;
using Marsad.Search;
using Marsad.Text;

namespace Marsad.Storage.Search;

/// <summary>
/// Highlights a hit without Lucene's token-stream highlighter: the hit's stored text is analysed once with
/// <see cref="SearchTerms"/> (the index's own rule, so every word the index matched is found again), words
/// whose surface, clitic-free or stem term is one of the query's terms are marked with
/// <see cref="HighlightMarkers"/>, and the windows of about <see cref="FragmentLength"/> characters holding
/// the most distinct query terms are returned, best first.
/// </summary>
internal sealed class SearchHighlighter
{
    public const int FragmentLength = 120;

    private const int CandidateBuffer = CliticSegmenter.MaxWordLength * ArabicNormalizer.MaxExpansion;

    // Characters of context kept before the first match of a window.
    private const int Lead = 20;

    private readonly Dictionary<string, int> _surface;
    private readonly Dictionary<string, int> _stems;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _surfaceBySpan;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _stemsBySpan;
    private readonly SearchTermList _surfaceTerms = new();
    private readonly SearchTermList _stemTerms = new();
    private readonly string[] _needles;

    /// <param name="surfaceTerms">The query's terms in the surface fields.</param>
    /// <param name="stemTerms">The query's terms in the stem fields.</param>
    public SearchHighlighter(IEnumerable<string> surfaceTerms, IEnumerable<string> stemTerms)
    {
        // A term id per distinct query word, so that a window is scored by how many different words it holds.
        _surface = new Dictionary<string, int>(StringComparer.Ordinal);
        _stems = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in surfaceTerms)
        {
            _surface.TryAdd(t, _surface.Count);
        }

        foreach (var t in stemTerms)
        {
            _stems.TryAdd(t, _surface.Count + _stems.Count);
        }

        _needles = [.. _surface.Keys.Concat(_stems.Keys).Distinct(StringComparer.Ordinal)];
        _surfaceBySpan = _surface.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemsBySpan = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsEmpty => _surface.Count == 0 && _stems.Count == 0;

    /// <summary>Up to <paramref name="maxFragments"/> marked fragments of <paramref name="text"/>, best first; line breaks become spaces.</summary>
    public IReadOnlyList<string> Fragments(string text, int maxFragments)
    {
        if (IsEmpty || string.IsNullOrEmpty(text))
        {
            return [];
        }

        _surfaceTerms.Clear();
        _stemTerms.Clear();
        AnalyseCandidates(text);
        var matches = new List<(int Start, int End, int Term)>();
        Collect(_surfaceTerms, _surfaceBySpan, matches);
        Collect(_stemTerms, _stemsBySpan, matches);
        if (matches.Count == 0)
        {
            return [];
        }

        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        // Stacked forms and the stem of one word mark the same span once.
        var words = new List<(int Start, int End, int Term)>(matches.Count);
        foreach (var m in matches)
        {
            if (words.Count == 0 || words[^1].Start != m.Start)
            {
                words.Add(m);
            }
        }

        var windows = new List<(int Start, int End, int Score)>();
        for (var i = 0; i < words.Count; i++)
        {
            var start = SnapBack(text, Math.Max(0, words[i].Start - Lead));
            var end = SnapForward(text, Math.Min(text.Length, start + FragmentLength));
            end = Math.Max(end, words[i].End);
            var distinct = new HashSet<int>();
            var count = 0;
            for (var j = i; j < words.Count && words[j].End <= end; j++)
            {
                distinct.Add(words[j].Term);
                count++;
            }

            windows.Add((start, end, (distinct.Count * 1000) + count));
        }

        var chosen = new List<(int Start, int End, int Score)>();
        foreach (var w in windows.OrderByDescending(w => w.Score).ThenBy(w => w.Start))
        {
            if (chosen.Count == maxFragments)
            {
                break;
            }

            if (chosen.All(c => w.End <= c.Start || w.Start >= c.End))
            {
                chosen.Add(w);
            }
        }

        return chosen.Select(w => Mark(text, w.Start, w.End, words)).ToList();
    }

    /// <summary>
    /// Analyses only the words that can match: every term of a word (its surface form, clitic-free form and stem)
    /// is a substring of the word's Search-normalised form, so a word containing none of the query's terms is
    /// skipped before the costlier segmentation.
    /// </summary>
    private void AnalyseCandidates(string text)
    {
        Span<char> buffer = stackalloc char[CandidateBuffer];
        var span = text.AsSpan();
        var position = 0;
        while (ArabicTokenizer.TryNext(span, ref position, out var token))
        {
            if (token.Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Symbol || token.Length > CliticSegmenter.MaxWordLength)
            {
                continue;
            }

            var n = ArabicNormalizer.Normalize(span[token.Start..token.End], buffer, NormalizationProfile.Search);
            if (n > 0 && ContainsQueryTerm(buffer[..n]))
            {
                SearchTerms.Analyse(text, token.Start, token.End, _surface.Count > 0 ? _surfaceTerms : null, _stems.Count > 0 ? _stemTerms : null);
            }
        }
    }

    private bool ContainsQueryTerm(ReadOnlySpan<char> word)
    {
        foreach (var term in _needles)
        {
            if (word.Contains(term, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void Collect(SearchTermList terms, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> query, List<(int, int, int)> matches)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (query.TryGetValue(terms.Term(i), out var id))
            {
                var e = terms[i];
                matches.Add((e.Start, e.End, id));
            }
        }
    }

    private static string Mark(string text, int start, int end, List<(int Start, int End, int Term)> words)
    {
        var sb = new StringBuilder(end - start + 16);
        var at = start;
        foreach (var w in words)
        {
            if (w.Start < start || w.End > end || w.Start < at)
            {
                continue;
            }

            sb.Append(text, at, w.Start - at).Append(HighlightMarkers.Open).Append(text, w.Start, w.End - w.Start).Append(HighlightMarkers.Close);
            at = w.End;
        }

        sb.Append(text, at, end - at);
        sb.Replace('\n', ' ').Replace('\r', ' ');
        return sb.ToString().Trim();
    }

    // Windows start and end at white space, so that no word is cut.
    private static int SnapBack(string text, int i)
    {
        while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return i;
    }

    private static int SnapForward(string text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
