using System.Runtime.CompilerServices;

namespace Marsad.Entities.Features;

/// <summary>
/// The word-level forms the NER features are built on: a normalised form and a coarse shape.
/// Normalisation (allocation-free, into a caller buffer):
/// <list type="bullet">
/// <item>diacritics (U+064B..U+0652, U+0670) and tatweel (U+0640) are removed;</item>
/// <item>alef with hamza above/below, alef with madda and alef wasla become bare alef;</item>
/// <item>alef maksura becomes yeh; teh marbuta becomes heh;</item>
/// <item>Arabic-Indic and extended Arabic-Indic digits become ASCII digits; Latin letters are lower-cased.</item>
/// </list>
/// The same rules are used for the corpus, the gazetteers and the cluster vocabulary, so lookups agree.
/// </summary>
public static class NerWordForms
{
    private const char Tatweel = '\u0640'; // ARABIC TATWEEL
    private const char AlefMadda = '\u0622'; // ARABIC LETTER ALEF WITH MADDA ABOVE
    private const char AlefHamzaAbove = '\u0623'; // ARABIC LETTER ALEF WITH HAMZA ABOVE
    private const char AlefHamzaBelow = '\u0625'; // ARABIC LETTER ALEF WITH HAMZA BELOW
    private const char AlefWasla = '\u0671'; // ARABIC LETTER ALEF WASLA
    private const char Alef = '\u0627'; // ARABIC LETTER ALEF
    private const char AlefMaksura = '\u0649'; // ARABIC LETTER ALEF MAKSURA
    private const char Yeh = '\u064A'; // ARABIC LETTER YEH
    private const char TehMarbuta = '\u0629'; // ARABIC LETTER TEH MARBUTA
    private const char Heh = '\u0647'; // ARABIC LETTER HEH
    private const char FathatanFirst = '\u064B'; // ARABIC FATHATAN (first harakat)
    private const char SukunLast = '\u0652'; // ARABIC SUKUN (last harakat)
    private const char SuperscriptAlef = '\u0670'; // ARABIC LETTER SUPERSCRIPT ALEF
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char RightToLeftMark = '\u200F';

    /// <summary>Writes the normalised form of <paramref name="word"/> into <paramref name="buffer"/> (at least word.Length long) and returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Normalize(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (c == Tatweel || (c >= FathatanFirst && c <= SukunLast) || c == SuperscriptAlef
                || c == ZeroWidthNonJoiner || c == RightToLeftMark)
            {
                continue;
            }

            buffer[n++] = c switch
            {
                AlefMadda or AlefHamzaAbove or AlefHamzaBelow or AlefWasla => Alef,
                AlefMaksura => Yeh,
                TehMarbuta => Heh,
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // ARABIC-INDIC DIGIT ZERO..NINE
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')), // EXTENDED ARABIC-INDIC DIGIT ZERO..NINE
                >= 'A' and <= 'Z' => (char)(c + 32),
                _ => c,
            };
        }

        return n == 0 && word.Length > 0 ? CopyRaw(word, buffer) : n;
    }

    /// <summary>The normalised form as a string (for tables and training; the tagger uses the span overload).</summary>
    public static string Normalize(string word)
    {
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        var n = Normalize(word, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>Normalises every word of a phrase and joins them with single spaces.</summary>
    public static string NormalizePhrase(string phrase) =>
        string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Normalize));

    /// <summary>True for a letter of the Arabic block (U+0621..U+064A, U+066E..U+06D3).</summary>
    public static bool IsArabicLetter(char c) => (c >= '\u0621' && c <= '\u064A') || (c >= '\u066E' && c <= '\u06D3');

    /// <summary>A coarse shape class of a token, used as a feature.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static WordShape Shape(ReadOnlySpan<char> word)
    {
        bool arabic = false, latin = false, digit = false, other = false, upper = false;
        foreach (var c in word)
        {
            if (IsArabicLetter(c) || c == Tatweel || (c >= FathatanFirst && c <= SukunLast))
            {
                arabic = true;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin = true;
                upper |= char.IsAsciiLetterUpper(c);
            }
            else if (char.IsDigit(c))
            {
                digit = true;
            }
            else
            {
                other = true;
            }
        }

        if (digit && !arabic && !latin)
        {
            return other ? WordShape.NumberWithPunctuation : WordShape.Number;
        }

        if (arabic)
        {
            return digit || latin ? WordShape.ArabicMixed : other ? WordShape.ArabicWithPunctuation : WordShape.Arabic;
        }

        if (latin)
        {
            return upper ? WordShape.LatinCapitalised : WordShape.Latin;
        }

        return word.Length == 1 ? WordShape.Punctuation : WordShape.Symbols;
    }

    private static int CopyRaw(ReadOnlySpan<char> word, Span<char> buffer)
    {
        // A token made only of removed marks (a lone tatweel): keep it as is rather than empty.
        word.CopyTo(buffer);
        return word.Length;
    }
}

/// <summary>Coarse token shapes for the NER features.</summary>
public enum WordShape : byte
{
    Arabic,
    ArabicWithPunctuation,
    ArabicMixed,
    Latin,
    LatinCapitalised,
    Number,
    NumberWithPunctuation,
    Punctuation,
    Symbols,
}
