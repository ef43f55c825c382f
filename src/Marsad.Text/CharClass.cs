namespace Marsad.Text;

/// <summary>What role a UTF-16 code unit plays for the tokenizer; one table read per character.</summary>
internal enum CharClass : byte
{
    Other,
    Space,
    ArabicLetter,
    /// <summary>Arabic marks and tatweel: inside a word, never a word on their own.</summary>
    ArabicMark,
    Letter,
    /// <summary>Non-Arabic combining marks (Latin accents written as separate marks).</summary>
    Mark,
    Digit,
    Quote,
    Punctuation,
    /// <summary>ZWJ, ZWNJ, bidi marks, BOM: joined into a word when between letters, else skipped like space.</summary>
    Format,
    HighSurrogate,
    LowSurrogate,
}

/// <summary>The character-class table.</summary>
internal static class CharClasses
{
    private static readonly CharClass[] Table = Build();

    public static CharClass Of(char c) => Table[c];

    public static bool IsQuote(char c) => c is '"' or '\'' or ArabicLetters.LeftGuillemet or ArabicLetters.RightGuillemet
        or '\u201C' or '\u201D' or '\u201E' or '\u201F' // LEFT/RIGHT DOUBLE, DOUBLE LOW-9, DOUBLE HIGH-REVERSED-9 QUOTATION MARK
        or '\u2018' or '\u2019' or '\u201A' or '\u201B' // LEFT/RIGHT SINGLE, SINGLE LOW-9, SINGLE HIGH-REVERSED-9 QUOTATION MARK
        or '\u2039' or '\u203A' // SINGLE LEFT/RIGHT-POINTING ANGLE QUOTATION MARK
        or '\u300C' or '\u300D' or '\u300E' or '\u300F' // CORNER BRACKETS
        or '\uFF02' or '\u301D' or '\u301E'; // FULLWIDTH QUOTATION MARK, REVERSED/DOUBLE PRIME QUOTATION MARK

    private static CharClass[] Build()
    {
        var table = new CharClass[65536];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = Classify(c);
        }

        return table;
    }

    private static CharClass Classify(char c)
    {
        if (char.IsHighSurrogate(c))
        {
            return CharClass.HighSurrogate;
        }

        if (char.IsLowSurrogate(c))
        {
            return CharClass.LowSurrogate;
        }

        if (ArabicLetters.IsInvisibleFormat(c) || c == '\u00AD') // SOFT HYPHEN
        {
            return CharClass.Format;
        }

        if (char.IsWhiteSpace(c) || char.IsControl(c))
        {
            return CharClass.Space;
        }

        if (ArabicLetters.IsMark(c) || c == ArabicLetters.Tatweel || ArabicLetters.IsPresentationMark(c))
        {
            return CharClass.ArabicMark;
        }

        if (ArabicLetters.IsArabicLetter(c))
        {
            return CharClass.ArabicLetter;
        }

        if (ArabicLetters.IsDigit(c) || char.IsDigit(c))
        {
            return CharClass.Digit;
        }

        if (IsQuote(c))
        {
            return CharClass.Quote;
        }

        if (char.IsLetter(c))
        {
            return CharClass.Letter;
        }

        var category = char.GetUnicodeCategory(c);
        if (category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.EnclosingMark)
        {
            return CharClass.Mark;
        }

        if (char.IsPunctuation(c) || c is ArabicLetters.Comma or ArabicLetters.Semicolon or ArabicLetters.QuestionMark or ArabicLetters.FullStop
            or ArabicLetters.DecimalSeparator or ArabicLetters.ThousandsSeparator or ArabicLetters.FivePointedStar)
        {
            return CharClass.Punctuation;
        }

        return CharClass.Other;
    }
}
