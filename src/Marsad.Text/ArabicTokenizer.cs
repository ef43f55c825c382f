namespace Marsad.Text;

/// <summary>
/// Splits text into tokens with exact UTF-16 offsets into the original: Arabic words (with their marks,
/// tatweel and presentation forms), Latin words, numbers (1,000.5 ٢٠٢٣ 10/13 24/7), percentages, URLs,
/// e-mail addresses, hashtags, @mentions, quote marks, punctuation, and symbols (emoji stay whole).
/// White space and stray zero-width or bidi marks between tokens are skipped. The tokenizer reads the
/// text once, with one table lookup per character, and allocates only the output list.
/// </summary>
public static class ArabicTokenizer
{
    /// <summary>Tokenises <paramref name="text"/>.</summary>
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 1);
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="output"/> (reuse the list to avoid allocation); returns how many.</summary>
    public static int Tokenize(ReadOnlySpan<char> text, List<Token> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var count = 0;
        var position = 0;
        while (TryNext(text, ref position, out var token))
        {
            output.Add(token);
            count++;
        }

        return count;
    }

    /// <summary>Enumerates tokens without any allocation: <c>foreach (var t in ArabicTokenizer.Enumerate(span))</c>.</summary>
    public static TokenEnumerator Enumerate(ReadOnlySpan<char> text) => new(text);

    /// <summary>Reads the next token at or after <paramref name="position"/>; advances the position past it.</summary>
    public static bool TryNext(ReadOnlySpan<char> text, ref int position, out Token token)
    {
        var i = position;
        while (i < text.Length)
        {
            var cls = CharClasses.Of(text[i]);
            if (cls is CharClass.Space or CharClass.Format)
            {
                i++;
                continue;
            }

            var start = i;
            var kind = Scan(text, ref i, cls);
            token = new Token(start, i, kind);
            position = i;
            return true;
        }

        position = text.Length;
        token = default;
        return false;
    }

    private static TokenKind Scan(ReadOnlySpan<char> text, ref int i, CharClass cls)
    {
        var c = text[i];
        if (cls is CharClass.Letter && (c is 'h' or 'H' or 'w' or 'W') && TryUrl(text, ref i))
        {
            return TokenKind.Url;
        }

        if ((cls is CharClass.Letter || char.IsAsciiDigit(c)) && char.IsAscii(c) && TryEmail(text, ref i))
        {
            return TokenKind.Email;
        }

        switch (cls)
        {
            case CharClass.ArabicLetter:
            case CharClass.ArabicMark:
                return ScanArabicWord(text, ref i);
            case CharClass.Letter:
            case CharClass.Mark:
                ScanLatinWord(text, ref i);
                return TokenKind.LatinWord;
            case CharClass.Digit:
                return ScanNumber(text, ref i);
            case CharClass.Quote:
                i++;
                return TokenKind.Quote;
            case CharClass.Punctuation:
                return ScanPunctuation(text, ref i);
            case CharClass.HighSurrogate:
                return ScanSupplementary(text, ref i);
            default:
                i++;
                return TokenKind.Symbol;
        }
    }

    private static TokenKind ScanArabicWord(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        var letters = 0;
        while (i < text.Length)
        {
            var cls = CharClasses.Of(text[i]);
            if (cls == CharClass.ArabicLetter)
            {
                letters++;
                i++;
            }
            else if (cls == CharClass.ArabicMark)
            {
                i++;
            }
            else if (cls == CharClass.Format && i + 1 < text.Length && i > start
                && CharClasses.Of(text[i + 1]) is CharClass.ArabicLetter or CharClass.ArabicMark)
            {
                // ZWNJ/ZWJ between letters belongs to the word (Persian spelling, joiners in names).
                i++;
            }
            else
            {
                break;
            }
        }

        // A run of marks or tatweel without a letter (e.g. a stray kashida) is a symbol, not a word.
        return letters > 0 ? TokenKind.ArabicWord : TokenKind.Symbol;
    }

    private static void ScanLatinWord(ReadOnlySpan<char> text, ref int i)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            var cls = CharClasses.Of(c);
            if (cls is CharClass.Letter or CharClass.Digit or CharClass.Mark)
            {
                i++;
            }
            else if ((c is '\'' or '\u2019') && i + 1 < text.Length && CharClasses.Of(text[i + 1]) == CharClass.Letter
                && CharClasses.Of(text[i - 1]) == CharClass.Letter)
            {
                // Apostrophe inside a word: O'Brien, don't.
                i++;
            }
            else if (cls == CharClass.HighSurrogate && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                && System.Text.Rune.IsLetter(new System.Text.Rune(text[i], text[i + 1])))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }
    }

    private static TokenKind ScanNumber(ReadOnlySpan<char> text, ref int i)
    {
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (CharClasses.Of(c) == CharClass.Digit)
            {
                i++;
            }
            else if (IsNumberSeparator(c) && i + 1 < text.Length && CharClasses.Of(text[i + 1]) == CharClass.Digit)
            {
                // 1,000.5  ٣٫٥  10/13  24/7  10:30 — a separator only counts between digits.
                i += 2;
            }
            else
            {
                break;
            }
        }

        if (i < text.Length && text[i] is '%' or ArabicLetters.PercentSign or '\u2030') // PER MILLE SIGN
        {
            i++;
            return TokenKind.Percent;
        }

        return TokenKind.Number;
    }

    private static bool IsNumberSeparator(char c) => c is '.' or ',' or '/' or ':' or ArabicLetters.DecimalSeparator
        or ArabicLetters.ThousandsSeparator or ArabicLetters.Comma;

    private static TokenKind ScanPunctuation(ReadOnlySpan<char> text, ref int i)
    {
        var c = text[i];
        var start = i;
        i++;
        if (c == '#' && i < text.Length && IsTagChar(text[i]))
        {
            while (i < text.Length && (IsTagChar(text[i]) || CharClasses.Of(text[i]) is CharClass.ArabicMark or CharClass.Mark))
            {
                i++;
            }

            return TokenKind.Hashtag;
        }

        if (c == '@' && i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
        {
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.')
                && !(text[i] == '.' && (i + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[i + 1]))))
            {
                i++;
            }

            return TokenKind.Mention;
        }

        if (IsSentencePunctuation(c))
        {
            // "..." "?!" "؟!" stay one token.
            while (i < text.Length && IsSentencePunctuation(text[i]))
            {
                i++;
            }
        }
        else if (c == '-')
        {
            while (i < text.Length && text[i] == '-')
            {
                i++;
            }
        }

        _ = start;
        return TokenKind.Punctuation;
    }

    internal static bool IsSentencePunctuation(char c) => c is '.' or '!' or '?' or ArabicLetters.QuestionMark or ArabicLetters.HorizontalEllipsis or ArabicLetters.FullStop;

    private static bool IsTagChar(char c)
    {
        var cls = CharClasses.Of(c);
        return cls is CharClass.ArabicLetter or CharClass.Letter or CharClass.Digit || c == '_';
    }

    private static TokenKind ScanSupplementary(ReadOnlySpan<char> text, ref int i)
    {
        if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
        {
            i++;
            return TokenKind.Symbol;
        }

        var cp = char.ConvertToUtf32(text[i], text[i + 1]);
        if (System.Text.Rune.IsLetter(new System.Text.Rune(cp)))
        {
            i += 2;
            ScanLatinWordTail(text, ref i);
            return TokenKind.LatinWord;
        }

        i += 2;
        // An emoji sequence: variation selectors, skin-tone modifiers, keycaps and ZWJ joins stay one symbol.
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\uFE0F' or '\uFE0E' or '\u20E3')
            {
                i++;
            }
            else if (c == ArabicLetters.ZeroWidthJoiner && i + 2 < text.Length && char.IsHighSurrogate(text[i + 1]) && char.IsLowSurrogate(text[i + 2]))
            {
                i += 3;
            }
            else if (c == '\uD83C' && i + 1 < text.Length && text[i + 1] is >= '\uDFFB' and <= '\uDFFF')
            {
                i += 2; // EMOJI MODIFIER FITZPATRICK TYPE-1-2 .. TYPE-6
            }
            else
            {
                break;
            }
        }

        return TokenKind.Symbol;
    }

    private static void ScanLatinWordTail(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && CharClasses.Of(text[i]) is CharClass.Letter or CharClass.Digit or CharClass.Mark)
        {
            i++;
        }
    }

    private static bool TryUrl(ReadOnlySpan<char> text, ref int i)
    {
        var rest = text[i..];
        int prefix;
        if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 7;
        }
        else if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 8;
        }
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 4;
        }
        else
        {
            return false;
        }

        var end = prefix;
        while (end < rest.Length && !char.IsWhiteSpace(rest[end]) && CharClasses.Of(rest[end]) is not (CharClass.Format or CharClass.Quote or CharClass.Space)
            && rest[end] is not ('<' or '>' or ArabicLetters.Comma or '(' or ')' or ArabicLetters.LeftGuillemet or ArabicLetters.RightGuillemet))
        {
            end++;
        }

        // Trailing sentence punctuation is not part of the address.
        while (end > prefix && rest[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ArabicLetters.QuestionMark or ArabicLetters.Semicolon)
        {
            end--;
        }

        if (end == prefix)
        {
            return false;
        }

        i += end;
        return true;
    }

    private static bool TryEmail(ReadOnlySpan<char> text, ref int i)
    {
        var rest = text[i..];
        var at = 0;
        while (at < rest.Length && (char.IsAsciiLetterOrDigit(rest[at]) || rest[at] is '.' or '_' or '%' or '+' or '-'))
        {
            at++;
        }

        if (at == 0 || at >= rest.Length || rest[at] != '@')
        {
            return false;
        }

        var end = at + 1;
        var lastDot = -1;
        while (end < rest.Length && (char.IsAsciiLetterOrDigit(rest[end]) || rest[end] is '.' or '-'))
        {
            if (rest[end] == '.')
            {
                lastDot = end;
            }

            end++;
        }

        while (end > at + 1 && rest[end - 1] is '.' or '-')
        {
            end--;
        }

        if (lastDot <= at + 1 || lastDot >= end - 1)
        {
            return false;
        }

        i += end;
        return true;
    }
}

/// <summary>Allocation-free enumerator over the tokens of a span (see <see cref="ArabicTokenizer.Enumerate"/>).</summary>
public ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;

    internal TokenEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        Current = default;
    }

    public Token Current { get; private set; }

    public readonly TokenEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        var ok = ArabicTokenizer.TryNext(_text, ref _position, out var token);
        Current = token;
        return ok;
    }
}
