namespace Marsad.Text;

/// <summary>
/// A light stemmer for search, built on clitic segmentation: the word's stem segment (clitics removed by
/// <see cref="CliticSegmenter"/>, so names such as لبنان keep their first letter), normalised with the Search profile,
/// then one inflectional suffix stripped (ها ان ات ون ين يه ية ه ة ي, longest first, keeping at least two letters),
/// after Larkey, Ballesteros and Connell (2007), "Light Stemming for Arabic Information Retrieval".
/// Latin words are lower-cased. Thread-safe; the span overload allocates nothing.
/// </summary>
public sealed class LightStemmer
{
    private static readonly Lazy<LightStemmer> DefaultInstance = new(() => new LightStemmer(CliticSegmenter.Default));

    // Search-normalised suffixes (ة is already ه), longest first.
    private static readonly string[] Prefixes = ["وال", "بال", "كال", "فال", "لل", "ال", "و"];

    private static readonly string[] Suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

    public LightStemmer(CliticSegmenter segmenter) => Segmenter = segmenter ?? throw new ArgumentNullException(nameof(segmenter));

    /// <summary>The stemmer over <see cref="CliticSegmenter.Default"/>.</summary>
    public static LightStemmer Default => DefaultInstance.Value;

    public CliticSegmenter Segmenter { get; }

    /// <summary>The stem of a word, e.g. وبالمفاوضات → مفاوض, لبنان → لبنان.</summary>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var buffer = word.Length * ArabicNormalizer.MaxExpansion <= 512 ? stackalloc char[512] : new char[word.Length * ArabicNormalizer.MaxExpansion];
        var n = Stem(word, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>Writes the stem of <paramref name="word"/> into <paramref name="destination"/> (at least word.Length × <see cref="ArabicNormalizer.MaxExpansion"/>); returns its length.</summary>
    public int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        var segments = default(SegmentBuffer);
        Span<WordSegment> span = segments;
        var count = Segmenter.Segment(word, span);
        var stem = word;
        var beforePronoun = false;
        for (var i = 0; i < count; i++)
        {
            if (span[i].Role == SegmentRole.Stem)
            {
                stem = word[span[i].Start..span[i].End];
                beforePronoun = i + 1 < count && span[i + 1].Role == SegmentRole.Enclitic;
                break;
            }
        }

        return StemSegment(stem, destination, beforePronoun);
    }

    /// <summary>
    /// Stems an already segmented stem (no clitics): Search normalisation and suffix stripping. Before a pronoun a
    /// final ت is the word's ة (حكومت+ه is حكومة), so it is read as ة.
    /// </summary>
    public static int StemSegment(ReadOnlySpan<char> stem, Span<char> destination, bool beforePronoun = false)
    {
        var n = ArabicNormalizer.Normalize(stem, destination, NormalizationProfile.Search);
        if (beforePronoun && n > 2 && destination[n - 1] == ArabicLetters.Teh)
        {
            destination[n - 1] = ArabicLetters.Heh; // ة, Search-normalised
        }

        return StripSuffix(destination[..n]);
    }

    /// <summary>
    /// Rule-only light stemming without segmentation (Larkey's light10, as in Lucene's ArabicStemmer): strips one
    /// prefix (وال بال كال فال لل ال و, keeping at least two letters) and one suffix from a Search-normalised word,
    /// in place; returns the new length. Faster than <see cref="Stem(ReadOnlySpan{char}, Span{char})"/> but blind:
    /// it cuts the و of وزير and the ال of ألمانيا spelled المانيا. Use it only where recall matters more than precision.
    /// </summary>
    public static int StripAffixes(Span<char> normalized)
    {
        if (normalized.IsEmpty || !ArabicLetters.IsArabicLetter(normalized[0]))
        {
            return normalized.Length;
        }

        var length = normalized.Length;
        foreach (var prefix in Prefixes)
        {
            if (length >= prefix.Length + 2 && normalized.StartsWith(prefix))
            {
                normalized[prefix.Length..length].CopyTo(normalized);
                length -= prefix.Length;
                break;
            }
        }

        return StripSuffix(normalized[..length]);
    }

    /// <summary>Strips one light suffix from a Search-normalised Arabic stem in place; returns the new length.</summary>
    public static int StripSuffix(Span<char> normalized)
    {
        if (normalized.IsEmpty || !ArabicLetters.IsArabicLetter(normalized[0]))
        {
            return normalized.Length;
        }

        foreach (var suffix in Suffixes)
        {
            // Keep at least two letters: shorter stems conflate unrelated words.
            if (normalized.Length >= suffix.Length + 2 && normalized.EndsWith(suffix))
            {
                return normalized.Length - suffix.Length;
            }
        }

        return normalized.Length;
    }
}
