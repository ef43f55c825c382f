namespace Marsad.Text;

/// <summary>
/// Arabic letters, marks and format characters by their Unicode names. Tables and rules in this
/// library are written with these names, never with bare code points.
/// </summary>
public static class ArabicLetters
{
    // Punctuation
    public const char Comma = '\u060C'; // ARABIC COMMA
    public const char Semicolon = '\u061B'; // ARABIC SEMICOLON
    public const char QuestionMark = '\u061F'; // ARABIC QUESTION MARK
    public const char FullStop = '\u06D4'; // ARABIC FULL STOP
    public const char PercentSign = '\u066A'; // ARABIC PERCENT SIGN
    public const char DecimalSeparator = '\u066B'; // ARABIC DECIMAL SEPARATOR
    public const char ThousandsSeparator = '\u066C'; // ARABIC THOUSANDS SEPARATOR
    public const char FivePointedStar = '\u066D'; // ARABIC FIVE POINTED STAR
    public const char LeftGuillemet = '\u00AB'; // LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
    public const char RightGuillemet = '\u00BB'; // RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
    public const char HorizontalEllipsis = '\u2026'; // HORIZONTAL ELLIPSIS

    // Letters
    public const char Hamza = '\u0621'; // ARABIC LETTER HAMZA
    public const char AlefMadda = '\u0622'; // ARABIC LETTER ALEF WITH MADDA ABOVE
    public const char AlefHamzaAbove = '\u0623'; // ARABIC LETTER ALEF WITH HAMZA ABOVE
    public const char WawHamzaAbove = '\u0624'; // ARABIC LETTER WAW WITH HAMZA ABOVE
    public const char AlefHamzaBelow = '\u0625'; // ARABIC LETTER ALEF WITH HAMZA BELOW
    public const char YehHamzaAbove = '\u0626'; // ARABIC LETTER YEH WITH HAMZA ABOVE
    public const char Alef = '\u0627'; // ARABIC LETTER ALEF
    public const char Beh = '\u0628'; // ARABIC LETTER BEH
    public const char TehMarbuta = '\u0629'; // ARABIC LETTER TEH MARBUTA
    public const char Teh = '\u062A'; // ARABIC LETTER TEH
    public const char Theh = '\u062B'; // ARABIC LETTER THEH
    public const char Jeem = '\u062C'; // ARABIC LETTER JEEM
    public const char Hah = '\u062D'; // ARABIC LETTER HAH
    public const char Khah = '\u062E'; // ARABIC LETTER KHAH
    public const char Dal = '\u062F'; // ARABIC LETTER DAL
    public const char Thal = '\u0630'; // ARABIC LETTER THAL
    public const char Reh = '\u0631'; // ARABIC LETTER REH
    public const char Zain = '\u0632'; // ARABIC LETTER ZAIN
    public const char Seen = '\u0633'; // ARABIC LETTER SEEN
    public const char Sheen = '\u0634'; // ARABIC LETTER SHEEN
    public const char Sad = '\u0635'; // ARABIC LETTER SAD
    public const char Dad = '\u0636'; // ARABIC LETTER DAD
    public const char Tah = '\u0637'; // ARABIC LETTER TAH
    public const char Zah = '\u0638'; // ARABIC LETTER ZAH
    public const char Ain = '\u0639'; // ARABIC LETTER AIN
    public const char Ghain = '\u063A'; // ARABIC LETTER GHAIN
    public const char Tatweel = '\u0640'; // ARABIC TATWEEL
    public const char Feh = '\u0641'; // ARABIC LETTER FEH
    public const char Qaf = '\u0642'; // ARABIC LETTER QAF
    public const char Kaf = '\u0643'; // ARABIC LETTER KAF
    public const char Lam = '\u0644'; // ARABIC LETTER LAM
    public const char Meem = '\u0645'; // ARABIC LETTER MEEM
    public const char Noon = '\u0646'; // ARABIC LETTER NOON
    public const char Heh = '\u0647'; // ARABIC LETTER HEH
    public const char Waw = '\u0648'; // ARABIC LETTER WAW
    public const char AlefMaksura = '\u0649'; // ARABIC LETTER ALEF MAKSURA
    public const char Yeh = '\u064A'; // ARABIC LETTER YEH

    // Marks (harakat, tanwin, shadda, sukun): U+064B..U+065F and U+0670
    public const char Fathatan = '\u064B'; // ARABIC FATHATAN
    public const char Dammatan = '\u064C'; // ARABIC DAMMATAN
    public const char Kasratan = '\u064D'; // ARABIC KASRATAN
    public const char Fatha = '\u064E'; // ARABIC FATHA
    public const char Damma = '\u064F'; // ARABIC DAMMA
    public const char Kasra = '\u0650'; // ARABIC KASRA
    public const char Shadda = '\u0651'; // ARABIC SHADDA
    public const char Sukun = '\u0652'; // ARABIC SUKUN
    public const char LastMark = '\u065F'; // ARABIC WAVY HAMZA BELOW
    public const char SuperscriptAlef = '\u0670'; // ARABIC LETTER SUPERSCRIPT ALEF
    public const char AlefWasla = '\u0671'; // ARABIC LETTER ALEF WASLA

    // Digits
    public const char ArabicIndicDigitZero = '\u0660'; // ARABIC-INDIC DIGIT ZERO
    public const char ArabicIndicDigitNine = '\u0669'; // ARABIC-INDIC DIGIT NINE
    public const char PersianDigitZero = '\u06F0'; // EXTENDED ARABIC-INDIC DIGIT ZERO
    public const char PersianDigitNine = '\u06F9'; // EXTENDED ARABIC-INDIC DIGIT NINE

    // Persian and Urdu letters
    public const char Peh = '\u067E'; // ARABIC LETTER PEH
    public const char Tcheh = '\u0686'; // ARABIC LETTER TCHEH
    public const char Jeh = '\u0698'; // ARABIC LETTER JEH
    public const char Veh = '\u06A4'; // ARABIC LETTER VEH
    public const char KeheH = '\u06A9'; // ARABIC LETTER KEHEH
    public const char Gaf = '\u06AF'; // ARABIC LETTER GAF
    public const char HehGoal = '\u06C1'; // ARABIC LETTER HEH GOAL
    public const char HehDoachashmee = '\u06BE'; // ARABIC LETTER HEH DOACHASHMEE
    public const char TehMarbutaGoal = '\u06C3'; // ARABIC LETTER TEH MARBUTA GOAL
    public const char FarsiYeh = '\u06CC'; // ARABIC LETTER FARSI YEH
    public const char YehBarree = '\u06D2'; // ARABIC LETTER YEH BARREE
    public const char Ae = '\u06D5'; // ARABIC LETTER AE

    // Zero-width and bidirectional format characters
    public const char ZeroWidthSpace = '\u200B'; // ZERO WIDTH SPACE
    public const char ZeroWidthNonJoiner = '\u200C'; // ZERO WIDTH NON-JOINER
    public const char ZeroWidthJoiner = '\u200D'; // ZERO WIDTH JOINER
    public const char LeftToRightMark = '\u200E'; // LEFT-TO-RIGHT MARK
    public const char RightToLeftMark = '\u200F'; // RIGHT-TO-LEFT MARK
    public const char ArabicLetterMark = '\u061C'; // ARABIC LETTER MARK
    public const char ByteOrderMark = '\uFEFF'; // ZERO WIDTH NO-BREAK SPACE (BOM)
    public const char WordJoiner = '\u2060'; // WORD JOINER

    /// <summary>A harakah, tanwin, shadda, sukun or other mark of U+064B..U+065F, or superscript alef.</summary>
    public static bool IsMark(char c) => (c >= Fathatan && c <= LastMark) || c == SuperscriptAlef
        || (c >= '\u06D6' && c <= '\u06ED' && c != '\u06DD' && c != '\u06DE' && c != '\u06E9'); // Quranic annotation marks

    /// <summary>Zero-width and bidirectional format characters that carry no text.</summary>
    public static bool IsInvisibleFormat(char c) => c is ZeroWidthSpace or ZeroWidthNonJoiner or ZeroWidthJoiner
        or LeftToRightMark or RightToLeftMark or ArabicLetterMark or ByteOrderMark or WordJoiner
        or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>A letter of the Arabic script (base block, supplement, extended-A, or presentation forms).</summary>
    public static bool IsArabicLetter(char c) =>
        (c >= '\u0620' && c <= '\u064A' && c != Tatweel)
        || (c >= '\u066E' && c <= '\u06D3' && c != '\u06D4')
        || c == Ae || c == '\u06EE' || c == '\u06EF' || (c >= '\u06FA' && c <= '\u06FC') || c == '\u06FF'
        || (c >= '\u0750' && c <= '\u077F') || (c >= '\u08A0' && c <= '\u08C9')
        || (c >= '\uFB50' && c <= '\uFDFF' && IsPresentationLetter(c))
        || (c >= '\uFE70' && c <= '\uFEFC' && IsPresentationLetter(c));

    /// <summary>An Arabic-Indic (٠-٩) or Extended Arabic-Indic / Persian (۰-۹) digit.</summary>
    public static bool IsArabicDigit(char c) =>
        (c >= ArabicIndicDigitZero && c <= ArabicIndicDigitNine) || (c >= PersianDigitZero && c <= PersianDigitNine);

    /// <summary>Any decimal digit this library reads: ASCII, Arabic-Indic or Persian.</summary>
    public static bool IsDigit(char c) => char.IsAsciiDigit(c) || IsArabicDigit(c);

    /// <summary>The value 0-9 of a digit accepted by <see cref="IsDigit"/>.</summary>
    public static int DigitValue(char c) => c <= '9' ? c - '0' : c <= ArabicIndicDigitNine ? c - ArabicIndicDigitZero : c - PersianDigitZero;

    // FE70..FE7F are spacing forms of marks (and tatweel with a mark): marks, not letters.
    private static bool IsPresentationLetter(char c) =>
        !(c >= '\uFE70' && c <= '\uFE7F')
        && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherLetter;

    /// <summary>A spacing presentation form of a mark (U+FE70..U+FE7F): part of a word, but not a letter.</summary>
    public static bool IsPresentationMark(char c) => c >= '\uFE70' && c <= '\uFE7F';
}
