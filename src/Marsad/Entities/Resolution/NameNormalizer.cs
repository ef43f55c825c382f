using System.Buffers;

namespace Marsad.Entities.Resolution;

/// <summary>
/// Normalises Arabic names for matching. Two forms:
/// <list type="bullet">
/// <item><see cref="Matching"/>: orthographic variants unified — harakat, tanwin, shadda, sukun, superscript
/// alef and tatweel removed; alef forms (أ إ آ ٱ) to bare alef; alef maksura to yeh; teh marbuta to heh;
/// hamza seats (ؤ ئ) to their carriers; lone hamza dropped; Persian letters (ی ک ە) mapped; Arabic-Indic
/// digits to ASCII; zero-width and bidi marks removed. Readable: it builds entity keys.</item>
/// <item><see cref="Phonetic"/>: the matching form of one name token plus transliteration variants of
/// foreign names — غ and ج (both write the foreign g: جونغ/جونج, سيرغي/سيرجي), a word-initial yeh for the
/// foreign j (يونغ/جونغ), doubled letters collapsed, a final teh marbuta (already heh) written as alef
/// (سورية/سوريا).</item>
/// </list>
/// This is the entity layer's own small normaliser; the text layer's ArabicNormalizer covers whole texts.
/// </summary>
public static class NameNormalizer
{
    private const char AlefHamzaAbove = '\u0623';   // ARABIC LETTER ALEF WITH HAMZA ABOVE
    private const char AlefHamzaBelow = '\u0625';   // ARABIC LETTER ALEF WITH HAMZA BELOW
    private const char AlefMadda = '\u0622';        // ARABIC LETTER ALEF WITH MADDA ABOVE
    private const char AlefWasla = '\u0671';        // ARABIC LETTER ALEF WASLA
    private const char Alef = '\u0627';             // ARABIC LETTER ALEF
    private const char AlefMaksura = '\u0649';      // ARABIC LETTER ALEF MAKSURA
    private const char Yeh = '\u064A';              // ARABIC LETTER YEH
    private const char TehMarbuta = '\u0629';       // ARABIC LETTER TEH MARBUTA
    private const char Heh = '\u0647';              // ARABIC LETTER HEH
    private const char WawHamza = '\u0624';         // ARABIC LETTER WAW WITH HAMZA ABOVE
    private const char Waw = '\u0648';              // ARABIC LETTER WAW
    private const char YehHamza = '\u0626';         // ARABIC LETTER YEH WITH HAMZA ABOVE
    private const char Hamza = '\u0621';            // ARABIC LETTER HAMZA
    private const char Tatweel = '\u0640';          // ARABIC TATWEEL
    private const char SuperscriptAlef = '\u0670';  // ARABIC LETTER SUPERSCRIPT ALEF
    private const char FarsiYeh = '\u06CC';         // ARABIC LETTER FARSI YEH
    private const char Keheh = '\u06A9';            // ARABIC LETTER KEHEH
    private const char Kaf = '\u0643';              // ARABIC LETTER KAF
    private const char AeHeh = '\u06D5';            // ARABIC LETTER AE
    private const char Ghain = '\u063A';            // ARABIC LETTER GHAIN
    private const char Jeem = '\u062C';             // ARABIC LETTER JEEM

    /// <summary>Names up to this many characters are normalised in a stack buffer; longer texts rent one.</summary>
    private const int StackLimit = 256;

    /// <summary>The matching form of a name (or any text): see the class summary. Spaces are collapsed to one.</summary>
    public static string Matching(ReadOnlySpan<char> text)
    {
        // The form is never longer than the text: letters map one to one or are dropped.
        char[]? rented = null;
        var buffer = text.Length <= StackLimit ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var result = new string(buffer[..Matching(text, buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Writes the matching form of <paramref name="text"/> into <paramref name="destination"/> (at least as long as the text) and returns its length.</summary>
    public static int Matching(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            var mapped = MapLetter(c);
            if (mapped == '\0')
            {
                continue;
            }

            if (char.IsWhiteSpace(mapped))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                destination[length++] = ' ';
                pendingSpace = false;
            }

            destination[length++] = mapped;
        }

        return length;
    }

    /// <summary>The phonetic form of one name token (already in matching form or not).</summary>
    public static string Phonetic(ReadOnlySpan<char> token)
    {
        char[]? rented = null;
        var buffer = token.Length <= StackLimit ? stackalloc char[token.Length] : (rented = ArrayPool<char>.Shared.Rent(token.Length));
        var result = new string(buffer[..Phonetic(token, buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Writes the phonetic form of <paramref name="token"/> into <paramref name="destination"/> (at least as long as the token) and returns its length.</summary>
    public static int Phonetic(ReadOnlySpan<char> token, Span<char> destination)
    {
        var length = 0;
        foreach (var raw in token)
        {
            var c = MapLetter(raw);
            if (c == '\0' || char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c == Ghain)
            {
                c = Jeem;
            }

            // A word-initial yeh before a long vowel writes the foreign j (يونغ، يوهان): map it to jeem.
            if (length == 0 && c == Yeh && token.Length >= 4)
            {
                c = Jeem;
            }

            // Doubled letters are a transliteration choice (كيربي/كيربّي after shadda removal, ماتيو/ماتّيو).
            if (length > 0 && destination[length - 1] == c)
            {
                continue;
            }

            destination[length++] = c;
        }

        // A final teh marbuta and a final alef write the same vowel in foreign names (سورية/سوريا، كوريه/كوريا).
        if (length >= 4 && destination[length - 1] == Heh)
        {
            destination[length - 1] = Alef;
        }

        return length;
    }

    /// <summary>True when <paramref name="c"/> is an Arabic letter (after mapping) or a digit.</summary>
    public static bool IsNameChar(char c) =>
        char.IsLetterOrDigit(c) || (c >= '\u064B' && c <= '\u065F') || c == SuperscriptAlef || c == Tatweel;

    private static char MapLetter(char c)
    {
        switch (c)
        {
            case AlefHamzaAbove or AlefHamzaBelow or AlefMadda or AlefWasla:
                return Alef;
            case AlefMaksura or FarsiYeh:
                return Yeh;
            case TehMarbuta or AeHeh:
                return Heh;
            case WawHamza:
                return Waw;
            case YehHamza:
                return Yeh;
            case Keheh:
                return Kaf;
            case Hamza or Tatweel or SuperscriptAlef:
                return '\0';
            case '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF':
                // ZERO WIDTH SPACE, ZWNJ, ZWJ, LRM, RLM, ARABIC LETTER MARK, BOM
                return '\0';
        }

        if (c >= '\u064B' && c <= '\u065F')
        {
            // Harakat, tanwin, shadda, sukun and the other combining marks of the Arabic block.
            return '\0';
        }

        if (c >= '\u0660' && c <= '\u0669')
        {
            return (char)('0' + (c - '\u0660')); // ARABIC-INDIC DIGIT ZERO..NINE
        }

        if (c >= '\u06F0' && c <= '\u06F9')
        {
            return (char)('0' + (c - '\u06F0')); // EXTENDED ARABIC-INDIC DIGIT ZERO..NINE
        }

        return char.ToLowerInvariant(c);
    }
}
