namespace Marsad.Text;

/// <summary>A sentence: [Start, End) in the original text, from its first token's start to its last token's end.</summary>
public readonly record struct SentenceRange(int Start, int End);

/// <summary>
/// Splits tokenised text into sentences. A sentence ends at . ! ? ؟ … ؛ (and runs such as "..." or "؟!"),
/// with any closing quote or bracket that follows, and at a paragraph break (a blank line). It does not end:
/// <list type="bullet">
/// <item>after an initial or a one-letter abbreviation (سيرجي ك. شويغو، د. ، م.), or inside a dotted
/// abbreviation (ق.م، أ.ف.ب، و.م.ع, U.S.);</item>
/// <item>after a listed abbreviation (Dr. Mr. No. ...);</item>
/// <item>inside a number (the tokenizer keeps 1.5 and 10/13 whole);</item>
/// <item>inside a quotation that continues: a full stop inside «...» or “...” closes nothing until the quote closes.</item>
/// </list>
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dr", "Mr", "Mrs", "Ms", "Prof", "Sr", "Jr", "St", "No", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "\u062F\u0643\u062A", // دكت (دكت. for دكتور)
        "\u0647\u0640", // هـ (hijri year)
        "\u0635\u0641\u062D", // صفح
    };

    /// <summary>Splits <paramref name="text"/> given its tokens (from <see cref="ArabicTokenizer"/>).</summary>
    public static IReadOnlyList<SentenceRange> Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var array = tokens is Token[] a ? a : tokens is List<Token> l ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(l).ToArray() : [.. tokens];
        return Split(text.AsSpan(), array.AsSpan());
    }

    /// <summary>Splits <paramref name="text"/> given its tokens.</summary>
    public static IReadOnlyList<SentenceRange> Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        var sentences = new List<SentenceRange>();
        if (tokens.IsEmpty)
        {
            return sentences;
        }

        // Scratch for the quote pairs, rented: it is dropped when the split is done.
        var rented = System.Buffers.ArrayPool<int>.Shared.Rent(tokens.Length);
        var openQuoteEnds = rented.AsSpan(0, tokens.Length);
        MatchQuotes(text, tokens, openQuoteEnds);
        var first = 0;
        var quoteDepthUntil = -1; // index of the token closing the quotation we are inside, or -1
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i > first && ParagraphBreakBefore(text, tokens[i - 1].End, tokens[i].Start))
            {
                sentences.Add(new SentenceRange(tokens[first].Start, tokens[i - 1].End));
                first = i;
                quoteDepthUntil = -1;
            }

            if (tokens[i].Kind == TokenKind.Quote && openQuoteEnds[i] > i && openQuoteEnds[i] != int.MaxValue && quoteDepthUntil < i)
            {
                quoteDepthUntil = openQuoteEnds[i];
            }

            var token = tokens[i];
            if (!IsTerminal(text, tokens, i))
            {
                continue;
            }

            var end = i;
            // Closing quotes and brackets right after the terminal belong to this sentence.
            while (end + 1 < tokens.Length && IsCloser(text, tokens, end + 1, openQuoteEnds) && tokens[end + 1].Start == tokens[end].End)
            {
                end++;
            }

            if (quoteDepthUntil > end)
            {
                continue; // inside a quotation that goes on
            }

            if (end + 1 < tokens.Length && !StartsSentence(text, tokens[end + 1]))
            {
                continue;
            }

            sentences.Add(new SentenceRange(tokens[first].Start, tokens[end].End));
            first = end + 1;
            i = end;
            _ = token;
        }

        if (first < tokens.Length)
        {
            sentences.Add(new SentenceRange(tokens[first].Start, tokens[^1].End));
        }

        System.Buffers.ArrayPool<int>.Shared.Return(rented);
        return sentences;
    }

    private static bool ParagraphBreakBefore(ReadOnlySpan<char> text, int gapStart, int gapEnd)
    {
        var newlines = 0;
        for (var k = gapStart; k < gapEnd; k++)
        {
            if (text[k] == '\n')
            {
                newlines++;
                if (newlines >= 2)
                {
                    return true;
                }
            }
            else if (text[k] == '\u2029') // PARAGRAPH SEPARATOR
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTerminal(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i)
    {
        var token = tokens[i];
        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        var surface = token.Slice(text);
        var c = surface[0];
        if (c == ArabicLetters.Semicolon)
        {
            return true;
        }

        if (!ArabicTokenizer.IsSentencePunctuation(c))
        {
            return false;
        }

        if (surface.Length > 1 || c != '.')
        {
            return true;
        }

        // A single full stop: not after an initial, an abbreviation or inside a dotted abbreviation.
        if (i > 0 && tokens[i - 1].End == token.Start && tokens[i - 1].IsWord)
        {
            var previous = tokens[i - 1].Slice(text);
            if (LetterCount(previous) == 1)
            {
                return false;
            }

            if (Abbreviations.Contains(previous.ToString()))
            {
                return false;
            }
        }

        // ق.م أ.ف.ب : a one-letter word glued after the dot continues a dotted abbreviation.
        if (i + 1 < tokens.Length && tokens[i + 1].Start == token.End && tokens[i + 1].IsWord && LetterCount(tokens[i + 1].Slice(text)) == 1)
        {
            return false;
        }

        return true;
    }

    private static int LetterCount(ReadOnlySpan<char> word)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (CharClasses.Of(c) is CharClass.ArabicLetter or CharClass.Letter)
            {
                n++;
            }
        }

        return n;
    }

    private static bool StartsSentence(ReadOnlySpan<char> text, Token next)
    {
        // A lower-case Latin word after a full stop continues the sentence (e.g. "approx. ten").
        if (next.Kind == TokenKind.LatinWord && char.IsLower(text[next.Start]))
        {
            return false;
        }

        return true;
    }

    private static bool IsCloser(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<int> openQuoteEnds)
    {
        var t = tokens[i];
        if (t.Kind == TokenKind.Quote)
        {
            // A quote mark that closes a quotation, or an unmatched closing mark; never one that opens a new one.
            var match = openQuoteEnds[i];
            return match < i || (match == int.MaxValue && text[t.Start] is ArabicLetters.RightGuillemet or '\u201D' or '\u2019' or '"');
        }

        return t.Kind == TokenKind.Punctuation && text[t.Start] is ')' or ']' or '}';
    }

    /// <summary>
    /// For each opening quote token, the index of its closing quote in the same paragraph; for a closing
    /// quote, its opener's index (less than itself); int.MaxValue for quotes that match nothing.
    /// </summary>
    private static void MatchQuotes(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<int> result)
    {
        result.Fill(int.MaxValue);
        var stack = new Stack<int>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i > 0 && ParagraphBreakBefore(text, tokens[i - 1].End, tokens[i].Start))
            {
                stack.Clear();
            }

            if (tokens[i].Kind != TokenKind.Quote)
            {
                continue;
            }

            var c = text[tokens[i].Start];
            if (stack.Count > 0 && Closes(text[tokens[stack.Peek()].Start], c))
            {
                var open = stack.Pop();
                result[open] = i;
                result[i] = open;
            }
            else if (Opens(c))
            {
                stack.Push(i);
            }
        }

    }

    private static bool Opens(char c) => c is ArabicLetters.LeftGuillemet or '\u201C' or '\u201E' or '"' or '\u2018' or '\u2039' or '\u300C' or '\u300E'
        or ArabicLetters.RightGuillemet; // some outlets write »...« in right-to-left text

    private static bool Closes(char open, char c) => open switch
    {
        ArabicLetters.LeftGuillemet => c == ArabicLetters.RightGuillemet,
        ArabicLetters.RightGuillemet => c == ArabicLetters.LeftGuillemet,
        '\u201C' => c is '\u201D' or '\u201C',
        '\u201E' => c is '\u201C' or '\u201D',
        '"' => c == '"',
        '\u2018' => c == '\u2019',
        '\u2039' => c == '\u203A',
        '\u300C' => c == '\u300D',
        '\u300E' => c == '\u300F',
        _ => false,
    };
}
