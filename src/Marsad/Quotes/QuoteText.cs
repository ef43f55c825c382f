namespace Marsad.Quotes;

/// <summary>
/// The character rules the quotation extractor needs, kept local until the shared text layer lands:
/// what a word character is, which marks open and close quotations, and a light normaliser for
/// lexicon look-ups. The normaliser only produces keys; the article text is never rewritten.
/// </summary>
/// <remarks>
/// Normalisation rules (applied to a copy): harakat, tanween, superscript alef and tatweel dropped;
/// alef with hamza above/below, alef with madda and alef wasla → bare alef; waw with hamza → waw;
/// yeh with hamza and alef maksura → yeh; teh marbuta → heh.
/// </remarks>
internal static class QuoteText
{
    private const char Tatweel = '\u0640'; // ARABIC TATWEEL
    private const char AlefMadda = '\u0622'; // ARABIC LETTER ALEF WITH MADDA ABOVE
    private const char AlefHamzaAbove = '\u0623'; // ARABIC LETTER ALEF WITH HAMZA ABOVE
    private const char WawHamza = '\u0624'; // ARABIC LETTER WAW WITH HAMZA ABOVE
    private const char AlefHamzaBelow = '\u0625'; // ARABIC LETTER ALEF WITH HAMZA BELOW
    private const char YehHamza = '\u0626'; // ARABIC LETTER YEH WITH HAMZA ABOVE
    private const char Alef = '\u0627'; // ARABIC LETTER ALEF
    private const char TehMarbuta = '\u0629'; // ARABIC LETTER TEH MARBUTA
    private const char Heh = '\u0647'; // ARABIC LETTER HEH
    private const char Waw = '\u0648'; // ARABIC LETTER WAW
    private const char AlefMaksura = '\u0649'; // ARABIC LETTER ALEF MAKSURA
    private const char Yeh = '\u064A'; // ARABIC LETTER YEH
    private const char AlefWasla = '\u0671'; // ARABIC LETTER ALEF WASLA
    private const char SuperscriptAlef = '\u0670'; // ARABIC LETTER SUPERSCRIPT ALEF

    /// <summary>True for letters, digits and the marks that stay inside a word (harakat, tatweel).</summary>
    public static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || IsDiacritic(c) || c == Tatweel || c == SuperscriptAlef;

    /// <summary>Fathatan through sukun (U+064B–U+0652): short vowels, tanween, shadda, sukun.</summary>
    public static bool IsDiacritic(char c) => c is >= '\u064B' and <= '\u0652';

    /// <summary>Opening marks and their closing partners: guillemets, curly double and single quotes.</summary>
    public static char? ClosingPartner(char c) => c switch
    {
        '\u00AB' => '\u00BB', // LEFT/RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK « »
        '\u201C' => '\u201D', // LEFT/RIGHT DOUBLE QUOTATION MARK “ ”
        '\u2018' => '\u2019', // LEFT/RIGHT SINGLE QUOTATION MARK ‘ ’
        _ => null,
    };

    public static bool IsClosingMark(char c) => c is '\u00BB' or '\u201D' or '\u2019';

    /// <summary>The straight double quote, which opens and closes alike.</summary>
    public const char StraightQuote = '"';

    public static bool IsQuoteMark(char c) => c == StraightQuote || ClosingPartner(c) is not null || IsClosingMark(c);

    /// <summary>The lexicon key of a span of text (see the class remarks); a pooled string for words of up to <see cref="Marsad.Text.TokenStrings.MaxLength"/> characters.</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        var n = Normalize(word, buffer);

        // Keys of frequent words are shared strings (the same characters either way).
        return Marsad.Text.TokenStrings.Get(buffer[..n]);
    }

    /// <summary>Normalises every word of a phrase and joins them with single spaces (for lexicon tables).</summary>
    public static string NormalizePhrase(string phrase)
    {
        // The key is never longer than the phrase: characters are mapped one to one or dropped, spaces only collapse.
        Span<char> buffer = phrase.Length <= 256 ? stackalloc char[phrase.Length] : new char[phrase.Length];
        var n = 0;
        foreach (var range in phrase.AsSpan().Split(' '))
        {
            var word = phrase.AsSpan(range);
            if (word.IsEmpty)
            {
                continue;
            }

            if (n > 0)
            {
                buffer[n++] = ' ';
            }

            n += Normalize(word, buffer[n..]);
        }

        return Marsad.Text.TokenStrings.Get(buffer[..n]);
    }

    /// <summary>Writes the lexicon key of <paramref name="word"/> into <paramref name="destination"/> (at most as long as the word); returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> word, Span<char> destination)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (IsDiacritic(c) || c == Tatweel || c == SuperscriptAlef)
            {
                continue;
            }

            destination[n++] = c switch
            {
                AlefMadda or AlefHamzaAbove or AlefHamzaBelow or AlefWasla => Alef,
                WawHamza => Waw,
                YehHamza or AlefMaksura => Yeh,
                TehMarbuta => Heh,
                _ => c,
            };
        }

        return n;
    }
}
