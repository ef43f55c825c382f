using Marsad.Entities.Kb;

namespace Marsad.Entities.Resolution;

/// <summary>
/// Turns a mention's text into the bare name it refers to:
/// <list type="bullet">
/// <item>quotes and punctuation around the name are trimmed ("نيويورك تايمز"، → نيويورك تايمز);</item>
/// <item>a proclitic on the first word is removed when the bare form is confirmed — known to the
/// knowledge base, mentioned elsewhere in the article, written without it elsewhere in the text, or split
/// off by the text layer's segmenter — and the whole form is not itself a known name (لبنان stays whole):
/// لروسيا → روسيا، للولايات المتحدة → الولايات المتحدة (the lam of لل restores the article)، وموسكو → موسكو، ببوتين → بوتين;</item>
/// <item>leading person titles are removed from PER names when a name remains (الرئيس بوتين → بوتين).</item>
/// </list>
/// </summary>
public static class SurfaceCleaner
{
    /// <summary>Proclitic combinations, longest first, with what replaces them (the lam of لل is the article's).</summary>
    private static readonly (string Prefix, string Replacement)[] Proclitics =
    [
        ("وبال", "ال"), ("وكال", "ال"), ("ولل", "ال"), ("فلل", "ال"),
        ("وال", "ال"), ("فال", "ال"), ("بال", "ال"), ("كال", "ال"), ("لل", "ال"),
        ("وب", ""), ("ول", ""), ("وك", ""), ("فب", ""), ("فل", ""),
        ("و", ""), ("ف", ""), ("ب", ""), ("ل", ""), ("ك", ""),
    ];

    private static readonly char[] TrimChars =
    [
        '"', '\'', '«', '»', '“', '”', '‘', '’', '(', ')', '[', ']', '{', '}', '،', ',', '؛', ';', ':', '.', '!', '?', '؟', '-', '–', '—', ' ', '\t', '\n',
    ];

    /// <summary>Trims quotes and punctuation around a mention's text.</summary>
    public static string Trim(string text) => text.Trim(TrimChars);

    /// <summary>
    /// The bare name of a mention. <paramref name="isConfirmed"/> says whether a candidate bare name is
    /// attested (KB, other mentions, the text); <paramref name="segmentedBare"/> is the text layer's
    /// segmentation of the same text without its proclitics (null when there is none), used when nothing confirms a strip.
    /// </summary>
    public static string Bare(string text, string type, KnowledgeBase kb, Func<NameForm, bool> isConfirmed, string? segmentedBare = null)
    {
        var surface = Trim(text);
        surface = StripProclitic(surface, kb, isConfirmed, segmentedBare);
        if (type == "PER")
        {
            surface = StripTitles(surface, kb);
        }

        return surface;
    }

    /// <summary>The proclitic rule alone (see the class summary).</summary>
    public static string StripProclitic(string surface, KnowledgeBase kb, Func<NameForm, bool> isConfirmed, string? segmentedBare = null)
    {
        if (surface.Length < 3 || kb.Find(NameForms.Of(surface), null) is not null)
        {
            return surface;
        }

        var firstWordEnd = 0;
        while (firstWordEnd < surface.Length && NameNormalizer.IsNameChar(surface[firstWordEnd]))
        {
            firstWordEnd++;
        }

        foreach (var (prefix, replacement) in Proclitics)
        {
            // The bare first word keeps at least two letters: a proclitic never stands alone.
            if (firstWordEnd - prefix.Length < 2 || !surface.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var candidate = replacement + surface[prefix.Length..];
            var form = NameForms.Of(candidate);
            if (!form.IsEmpty && (kb.Find(form, null) is not null || isConfirmed(form)))
            {
                return candidate;
            }
        }

        if (segmentedBare is { Length: >= 2 } && segmentedBare != surface)
        {
            return segmentedBare;
        }

        return surface;
    }

    /// <summary>Removes leading title words (الرئيس، السيد…) while at least one word remains.</summary>
    public static string StripTitles(string surface, KnowledgeBase kb)
    {
        var count = 0;
        foreach (var _ in WordSpans(surface))
        {
            count++;
        }

        // Drop title words from the front; the cut falls after the last one dropped.
        var drop = 0;
        var at = 0;
        Span<char> buffer = stackalloc char[64];
        foreach (var (start, end) in WordSpans(surface))
        {
            if (drop >= count - 1)
            {
                break;
            }

            var word = surface.AsSpan(start, end - start);
            var form = word.Length <= buffer.Length ? buffer[..NameNormalizer.Phonetic(word, buffer)] : NameNormalizer.Phonetic(word).AsSpan();
            if (!kb.IsTitle(form))
            {
                break;
            }

            drop++;
            at = end;
        }

        return drop == 0 ? surface : Trim(surface[at..]);
    }

    /// <summary>The spans of the words of <paramref name="text"/> (maximal runs of name characters), without allocating.</summary>
    private static WordSpanEnumerator WordSpans(string text) => new(text);

    private struct WordSpanEnumerator(string text)
    {
        private int _next;

        public (int Start, int End) Current { get; private set; }

        public readonly WordSpanEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var i = _next;
            while (i < text.Length && !NameNormalizer.IsNameChar(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                _next = i;
                return false;
            }

            var start = i;
            while (i < text.Length && NameNormalizer.IsNameChar(text[i]))
            {
                i++;
            }

            Current = (start, i);
            _next = i;
            return true;
        }
    }
}
