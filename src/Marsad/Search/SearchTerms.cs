using Marsad.Model;
using Marsad.Text;

namespace Marsad.Search;

/// <summary>
/// What search, near-duplicate detection and story clustering index of a word, built on the text layer
/// (<see cref="ArabicTokenizer"/>, <see cref="ArabicNormalizer"/> with the Search profile, <see cref="CliticSegmenter"/>,
/// <see cref="LightStemmer"/>):
/// <list type="bullet">
/// <item>surface terms: the Search-normalised word (diacritics and tatweel gone; أ إ آ ٱ → ا, ى → ي, ة → ه,
/// Latin lower-cased), and stacked at the same position its clitic-free form when it has proclitics
/// (لروسيا → لروسيا + روسيا, للولايات → للولايات + ولايات), so روسيا finds لروسيا and وروسيا;</item>
/// <item>stem terms: the light stem (والمفاوضات → مفاوض), the same as the text layer's token stem.</item>
/// </list>
/// A document's terms come either from its token layer (<see cref="FromTokens"/>: no second segmentation at
/// ingest) or from its text (<see cref="Analyse"/>: queries, re-indexing); both run the same word rule, so the
/// index and the queries agree.
/// </summary>
public static class SearchTerms
{
    /// <summary>Tokens longer than this are not indexed (Lucene's own tokenizer default).</summary>
    public const int MaxTokenLength = 255;

    private const int BufferLength = CliticSegmenter.MaxWordLength * ArabicNormalizer.MaxExpansion;

    /// <summary>Analyses <paramref name="text"/>[from, to) with the text layer and appends its terms (either list may be null).</summary>
    public static void Analyse(string text, int from, int to, SearchTermList? surface, SearchTermList? stems, CliticSegmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        segmenter ??= CliticSegmenter.Default;
        var span = text.AsSpan(from, to - from);
        var position = 0;
        var segments = default(SegmentBuffer);
        while (ArabicTokenizer.TryNext(span, ref position, out var token))
        {
            AddToken(text, from + token.Start, from + token.End, token.Kind, segmenter, segments, surface, stems);
        }
    }

    /// <summary>Appends the terms of the tokens lying within [from, to), reusing their clitic segments (the text layer's output).</summary>
    public static void FromTokens(string text, IReadOnlyList<TokenAnnotation> tokens, int from, int to, SearchTermList? surface, SearchTermList? stems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var buffer = default(SegmentBuffer);
        Span<WordSegment> relative = buffer;
        foreach (var token in tokens)
        {
            if (token.Start < from || token.End > to)
            {
                continue;
            }

            // Segments is a view built on each read: read it once per token.
            var segments = token.Segments;
            if (token.Kind == TokenKind.ArabicWord && token.End - token.Start <= CliticSegmenter.MaxWordLength && segments.Count is > 0 and <= CliticSegmenter.MaxSegments)
            {
                for (var i = 0; i < segments.Count; i++)
                {
                    var s = segments[i];
                    relative[i] = new WordSegment(s.Start - token.Start, s.End - token.Start, s.Role, null);
                }

                AddWord(text.AsSpan(token.Start, token.End - token.Start), token.Start, relative[..segments.Count], surface, stems);
            }
            else
            {
                AddToken(text, token.Start, token.End, token.Kind, CliticSegmenter.Default, default, surface, stems);
            }
        }
    }

    /// <summary>The light stem of one word (e.g. والمفاوضات → مفاوض), as the stem terms hold it.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var list = new SearchTermList();
        Analyse(word, 0, word.Length, null, list);
        return list.Count > 0 ? list.TermString(0) : string.Empty;
    }

    /// <summary>The clitic-free surface form of one word (e.g. لروسيا → روسيا, والشمالية → شماليه).</summary>
    public static string Term(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var list = new SearchTermList();
        Analyse(word, 0, word.Length, list, null);
        return list.Count == 0 ? string.Empty : list.TermString(list.Count > 1 && list[1].PositionIncrement == 0 ? 1 : 0);
    }

    private static void AddToken(string text, int start, int end, TokenKind kind, CliticSegmenter segmenter, SegmentBuffer segments, SearchTermList? surface, SearchTermList? stems)
    {
        switch (kind)
        {
            case TokenKind.ArabicWord:
            case TokenKind.Hashtag or TokenKind.Mention when end - start > 1:
            {
                if (kind != TokenKind.ArabicWord)
                {
                    start++; // the # or @ is not part of the word
                }

                var word = text.AsSpan(start, end - start);
                if (word.Length > CliticSegmenter.MaxWordLength || !ArabicLetters.IsArabicLetter(word[0]))
                {
                    AddWhole(word, start, surface, stems);
                    break;
                }

                Span<WordSegment> span = segments;
                var count = segmenter.Segment(word, span);
                AddWord(word, start, span[..count], surface, stems);
                break;
            }

            case TokenKind.LatinWord or TokenKind.Number or TokenKind.Percent:
                AddWhole(text.AsSpan(start, end - start), start, surface, stems);
                break;
        }
    }

    /// <summary>A word left whole: its Search-normalised form is both its surface and its stem term.</summary>
    private static void AddWhole(ReadOnlySpan<char> word, int start, SearchTermList? surface, SearchTermList? stems)
    {
        if (word.Length > MaxTokenLength)
        {
            return;
        }

        var buffer = word.Length <= CliticSegmenter.MaxWordLength ? stackalloc char[BufferLength] : new char[word.Length * ArabicNormalizer.MaxExpansion];
        var n = ArabicNormalizer.Normalize(word, buffer, NormalizationProfile.Search);
        if (n == 0)
        {
            return;
        }

        surface?.Add(start, start + word.Length, buffer[..n], 1);
        stems?.Add(start, start + word.Length, buffer[..n], 1);
    }

    /// <summary>The word rule: surface form (+ clitic-free form when there are proclitics) and light stem.</summary>
    private static void AddWord(ReadOnlySpan<char> word, int start, ReadOnlySpan<WordSegment> segments, SearchTermList? surface, SearchTermList? stems)
    {
        Span<char> buffer = stackalloc char[BufferLength];
        var end = start + word.Length;
        var stemIndex = -1;
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Role != SegmentRole.Proclitic)
            {
                stemIndex = i;
                break;
            }
        }

        if (surface is not null)
        {
            var n = ArabicNormalizer.Normalize(word, buffer, NormalizationProfile.Search);
            if (n == 0)
            {
                // Diacritics or tatweel only: nothing to search for.
                return;
            }

            surface.Add(start, end, buffer[..n], 1);
            if (stemIndex > 0)
            {
                var m = ArabicNormalizer.Normalize(word[segments[stemIndex].Start..], buffer, NormalizationProfile.Search);
                // Two letters at least: a lone letter would match every one-letter clitic split.
                if (m >= 2)
                {
                    surface.Add(start, end, buffer[..m], 0);
                }
            }
        }

        if (stems is not null)
        {
            var s = stemIndex >= 0 ? segments[stemIndex] : new WordSegment(0, word.Length, SegmentRole.Stem, null);
            var beforePronoun = stemIndex >= 0 && stemIndex + 1 < segments.Length && segments[stemIndex + 1].Role == SegmentRole.Enclitic;
            var n = LightStemmer.StemSegment(word[s.Start..s.End], buffer, beforePronoun);
            if (n > 0)
            {
                stems.Add(start, end, buffer[..n], 1);
            }
        }
    }
}
