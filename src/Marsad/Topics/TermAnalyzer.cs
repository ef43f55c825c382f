namespace Marsad.Topics;

/// <summary>One word of a text: its span [Start, End), its normalised form and its light stem.</summary>
internal readonly record struct Term(int Start, int End, string Normalized, string Stem, bool IsArabic);

/// <summary>
/// Splits text into words for the topic, keyphrase and summary features. Feature extraction must be
/// identical at training and inference time, so every model records which analyser produced it.
/// </summary>
internal interface ITermAnalyzer
{
    /// <summary>A stable name stored in model files (a model trained with one analyser refuses another).</summary>
    string Name { get; }

    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="into"/>.</summary>
    void Analyze(string text, List<Term> into);
}

/// <summary>
/// A self-contained analyser used until the shared text layer (Marsad.Text) is available: letter runs
/// as words, the usual Arabic orthographic normalisation, and a conservative light stemmer.
/// </summary>
internal sealed class FallbackTermAnalyzer : ITermAnalyzer
{
    public static FallbackTermAnalyzer Instance { get; } = new();

    // Longest first: the first prefix that leaves a long enough remainder wins.
    private static readonly string[] Prefixes =
    [
        "وبال", "وكال", "فبال", "وال", "بال", "كال", "فال", "ولل", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل",
    ];

    private static readonly string[] Suffixes =
    [
        "هما", "كما", "تها", "تهم", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "كم", "نا", "يه", "يا", "ه", "ي",
    ];

    public string Name => "fallback-1";

    public void Analyze(string text, List<Term> into)
    {
        var buffer = new char[64];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsWordChar(c))
            {
                i++;
                continue;
            }

            var start = i;
            var length = 0;
            var arabic = false;
            for (; i < text.Length && IsWordChar(text[i]); i++)
            {
                var n = ArabicNormalizer.NormalizeChar(text[i]);
                if (n == '\0')
                {
                    continue; // diacritic or tatweel
                }

                arabic |= n >= '\u0600' && n <= '\u06FF';
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                buffer[length++] = n;
            }

            if (length == 0)
            {
                continue;
            }

            var normalized = new string(buffer, 0, length);
            into.Add(new Term(start, i, normalized, arabic ? Stem(normalized) : normalized, arabic));
        }
    }

    /// <summary>Removes one proclitic group and one suffix, keeping at least three letters (two for ال words).</summary>
    internal static string Stem(string word)
    {
        var start = 0;
        foreach (var p in Prefixes)
        {
            if (word.Length - p.Length >= 3 && word.StartsWith(p, StringComparison.Ordinal))
            {
                start = p.Length;
                break;
            }
        }

        var end = word.Length;
        foreach (var s in Suffixes)
        {
            if (end - start - s.Length >= 3 && word.AsSpan(start, end - start).EndsWith(s, StringComparison.Ordinal))
            {
                end -= s.Length;
                break;
            }
        }

        return start == 0 && end == word.Length ? word : word[start..end];
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || (c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == '\u0640';
}

/// <summary>Arabic orthographic normalisation for matching (never for display).</summary>
internal static class ArabicNormalizer
{
    /// <summary>The normalised character, or '\0' when the character is dropped (diacritics, tatweel).</summary>
    public static char NormalizeChar(char c)
    {
        switch (c)
        {
            case '\u0622': // ARABIC LETTER ALEF WITH MADDA ABOVE
            case '\u0623': // ARABIC LETTER ALEF WITH HAMZA ABOVE
            case '\u0625': // ARABIC LETTER ALEF WITH HAMZA BELOW
            case '\u0671': // ARABIC LETTER ALEF WASLA
                return '\u0627'; // ARABIC LETTER ALEF
            case '\u0649': // ARABIC LETTER ALEF MAKSURA
                return '\u064A'; // ARABIC LETTER YEH
            case '\u0629': // ARABIC LETTER TEH MARBUTA
                return '\u0647'; // ARABIC LETTER HEH
            case '\u0640': // ARABIC TATWEEL
            case '\u0670': // ARABIC LETTER SUPERSCRIPT ALEF
                return '\0';
        }

        if (c >= '\u064B' && c <= '\u0652')
        {
            return '\0'; // ARABIC FATHATAN .. ARABIC SUKUN
        }

        if (c >= '\u0660' && c <= '\u0669')
        {
            return (char)('0' + (c - '\u0660')); // ARABIC-INDIC DIGIT ZERO .. NINE
        }

        if (c >= '\u06F0' && c <= '\u06F9')
        {
            return (char)('0' + (c - '\u06F0')); // EXTENDED ARABIC-INDIC DIGIT ZERO .. NINE
        }

        return c < 128 ? char.ToLowerInvariant(c) : c;
    }

    /// <summary>The normalised form of a string.</summary>
    public static string Normalize(ReadOnlySpan<char> s)
    {
        Span<char> buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        foreach (var c in s)
        {
            var m = NormalizeChar(c);
            if (m != '\0')
            {
                buffer[n++] = m;
            }
        }

        return new string(buffer[..n]);
    }
}

/// <summary>
/// The words of an article's text, analysed once and shared by the topic, keyphrase and summary
/// annotators (keyed weakly on the text string instance, so nothing outlives the document).
/// </summary>
internal static class DocumentTerms
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, List<Term>> Cache = new();

    public static List<Term> Of(string text) => Cache.GetValue(text, static t =>
    {
        var terms = new List<Term>(t.Length / 5);
        FallbackTermAnalyzer.Instance.Analyze(t, terms);
        return terms;
    });
}
