namespace Marsad.Search;

/// <summary>
/// The word-level operations search, near-duplicate detection and story clustering need from the
/// Arabic text layer: fold a word's spelling variants, find its proclitics, find its light stem.
/// Every method works in place on a char buffer and allocates nothing, because the Lucene analyzer
/// calls them once per token. <see cref="SearchFolding.Current"/> is the implementation in use.
/// </summary>
public interface ISearchFolding
{
    /// <summary>Folds the word in place (diacritics, tatweel, alef/yeh/teh-marbuta variants, digits, case) and returns its new length.</summary>
    int Fold(Span<char> word);

    /// <summary>The length of the proclitics (و ف ب ل ك ال لل and their combinations) at the start of a folded word; 0 when none.</summary>
    int ProcliticLength(ReadOnlySpan<char> folded);

    /// <summary>The length of a folded, clitic-free word once its light suffixes (ها ات ون ين يه ه ي…) are removed.</summary>
    int StemLength(ReadOnlySpan<char> word);
}

/// <summary>The folding Marsad uses, in one place so that the index, the queries and the fingerprints agree.</summary>
public static class SearchFolding
{
    /// <summary>The implementation in use: a light, rule-based folding (see <see cref="LightSearchFolding"/>).</summary>
    public static ISearchFolding Current { get; } = new LightSearchFolding();

    /// <summary>Folds one word and returns its clitic-free form (e.g. لروسيا → روسيا, والشمالية → شماليه).</summary>
    public static string Term(string word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.AsSpan().CopyTo(buffer);
        var length = Current.Fold(buffer);
        var start = Current.ProcliticLength(buffer[..length]);
        return new string(buffer[start..length]);
    }

    /// <summary>Folds one word and returns its light stem (e.g. والمفاوضات → مفاوض).</summary>
    public static string Stem(string word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.AsSpan().CopyTo(buffer);
        var length = Current.Fold(buffer);
        var start = Current.ProcliticLength(buffer[..length]);
        var stem = Current.StemLength(buffer[start..length]);
        return new string(buffer.Slice(start, stem));
    }

    /// <summary>Splits text into words (letters and digits, marks kept inside words) and calls <paramref name="onWord"/> with each.</summary>
    public static void ForEachWord(string text, Action<string> onWord)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark || text[i] == '\u0640');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                onWord(text[start..i]);
                start = -1;
            }
        }
    }
}

/// <summary>
/// A light, rule-based folding in the spirit of Larkey et al.'s light10 stemmer (SIGIR 2002) and
/// Lucene's ArabicNormalizer:
/// <list type="bullet">
/// <item>remove harakat (U+064B–U+065F), superscript alef (U+0670) and tatweel (U+0640);</item>
/// <item>map أ إ آ ٱ to ا, ى and Persian yeh to ي, ة to ه, keheh to ك, Arabic-Indic digits to ASCII, Latin to lower case;</item>
/// <item>proclitics: وال بال كال فال ولل فلل لل ال when two letters stay, و ف ب ل (and وب ول فب فل) when three letters stay (so بلد and ولد stay whole);</item>
/// <item>suffixes: ها ان ات ون ين يه ه ي, each removed once when two letters stay.</item>
/// </list>
/// </summary>
public sealed class LightSearchFolding : ISearchFolding
{
    private const char Alef = '\u0627'; // ARABIC LETTER ALEF
    private const char AlefMadda = '\u0622'; // ARABIC LETTER ALEF WITH MADDA ABOVE
    private const char AlefHamzaAbove = '\u0623'; // ARABIC LETTER ALEF WITH HAMZA ABOVE
    private const char AlefHamzaBelow = '\u0625'; // ARABIC LETTER ALEF WITH HAMZA BELOW
    private const char AlefWasla = '\u0671'; // ARABIC LETTER ALEF WASLA
    private const char TehMarbuta = '\u0629'; // ARABIC LETTER TEH MARBUTA
    private const char Heh = '\u0647'; // ARABIC LETTER HEH
    private const char AlefMaksura = '\u0649'; // ARABIC LETTER ALEF MAKSURA
    private const char Yeh = '\u064A'; // ARABIC LETTER YEH
    private const char FarsiYeh = '\u06CC'; // ARABIC LETTER FARSI YEH
    private const char Keheh = '\u06A9'; // ARABIC LETTER KEHEH
    private const char Kaf = '\u0643'; // ARABIC LETTER KAF
    private const char Tatweel = '\u0640'; // ARABIC TATWEEL
    private const char SuperscriptAlef = '\u0670'; // ARABIC LETTER SUPERSCRIPT ALEF
    private const char Waw = '\u0648'; // ARABIC LETTER WAW
    private const char Feh = '\u0641'; // ARABIC LETTER FEH
    private const char Beh = '\u0628'; // ARABIC LETTER BEH
    private const char Lam = '\u0644'; // ARABIC LETTER LAM

    // Proclitic strings after folding, longest first.
    private static readonly string[] ArticlePrefixes = ["\u0648\u0627\u0644" /* وال */, "\u0628\u0627\u0644" /* بال */, "\u0643\u0627\u0644" /* كال */, "\u0641\u0627\u0644" /* فال */, "\u0648\u0644\u0644" /* ولل */, "\u0641\u0644\u0644" /* فلل */, "\u0644\u0644" /* لل */, "\u0627\u0644" /* ال */];

    private static readonly string[] Suffixes = ["\u0647\u0627" /* ها */, "\u0627\u0646" /* ان */, "\u0627\u062A" /* ات */, "\u0648\u0646" /* ون */, "\u064A\u0646" /* ين */, "\u064A\u0647" /* يه */, "\u0647" /* ه */, "\u064A" /* ي */];

    public int Fold(Span<char> word)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (c is (>= '\u064B' and <= '\u065F') or SuperscriptAlef or Tatweel)
            {
                continue;
            }

            word[n++] = c switch
            {
                AlefHamzaAbove or AlefHamzaBelow or AlefMadda or AlefWasla => Alef,
                AlefMaksura or FarsiYeh => Yeh,
                TehMarbuta => Heh,
                Keheh => Kaf,
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                _ => char.ToLowerInvariant(c),
            };
        }

        return n;
    }

    public int ProcliticLength(ReadOnlySpan<char> folded)
    {
        foreach (var prefix in ArticlePrefixes)
        {
            // Two letters must stay: الم is a word, not ال + م.
            if (folded.Length >= prefix.Length + 2 && folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix.Length;
            }
        }

        if (folded.Length >= 4 && folded[0] is Waw or Feh)
        {
            // و/ف then ب/ل: وبروسيا, فلروسيا.
            if (folded.Length >= 5 && folded[1] is Beh or Lam)
            {
                return 2;
            }

            return 1;
        }

        // Three letters must stay, so that بلد and لبن are not cut; ك alone is left (كوريا, كبير).
        if (folded.Length >= 4 && folded[0] is Beh or Lam)
        {
            return 1;
        }

        return 0;
    }

    public int StemLength(ReadOnlySpan<char> word)
    {
        var length = word.Length;
        foreach (var suffix in Suffixes)
        {
            if (length >= suffix.Length + 2 && word[..length].EndsWith(suffix, StringComparison.Ordinal))
            {
                length -= suffix.Length;
            }
        }

        return length;
    }
}
