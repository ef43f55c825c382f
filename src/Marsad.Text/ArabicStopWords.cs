namespace Marsad.Text;

/// <summary>
/// Arabic stop words for search (Resources/stopwords.tsv: mohataher/arabic-stop-words, MIT, and goose3, Apache-2.0).
/// Entries are stored Search-normalised; <see cref="Contains(ReadOnlySpan{char})"/> normalises its argument the same way.
/// </summary>
public static class ArabicStopWords
{
    private static readonly HashSet<string> Words = Load();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BySpan = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many distinct normalised stop words.</summary>
    public static int Count => Words.Count;

    /// <summary>True when the word (any spelling: diacritics, alef forms and ة/ه do not matter) is a stop word.</summary>
    public static bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > 32)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[32 * ArabicNormalizer.MaxExpansion];
        var n = ArabicNormalizer.Normalize(word, buffer, NormalizationProfile.Search);
        return BySpan.Contains(buffer[..n]);
    }

    /// <summary>True when an already Search-normalised word is a stop word (no normalisation work).</summary>
    public static bool ContainsNormalized(ReadOnlySpan<char> normalized) => BySpan.Contains(normalized);

    private static HashSet<string> Load()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in ArabicNormalizer.ReadResource("stopwords.tsv"))
        {
            var word = ArabicNormalizer.Normalize(line.Trim(), NormalizationProfile.Search);
            if (word.Length > 0)
            {
                set.Add(word);
            }
        }

        return set;
    }
}
