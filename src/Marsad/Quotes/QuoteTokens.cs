using Marsad.Model;

namespace Marsad.Quotes;

/// <summary>What a token of the quotation scanner is.</summary>
internal enum QTokenKind : byte
{
    Word,
    Comma,
    Colon,
    SentenceEnd,
    Break,
    QuoteOpen,
    QuoteClose,
    ParenOpen,
    ParenClose,
    Other,

    /// <summary>Markup left in the text (a BBCode or HTML tag: [b], [/b], [url=…], &lt;br&gt;) or a stray bracket: never part of a name's edge.</summary>
    Markup,
}

/// <summary>A token over the article text; <see cref="Quote"/> is the top-level quotation span holding it, or -1.</summary>
internal readonly record struct QToken(int Start, int End, QTokenKind Kind, string Norm, int Quote)
{
    public bool IsWord => Kind == QTokenKind.Word;

    /// <summary>Ends a clause for the scanner: a sentence end or a paragraph break.</summary>
    public bool IsHardStop => Kind is QTokenKind.SentenceEnd or QTokenKind.Break;
}

/// <summary>A top-level span between quotation marks: marks at <see cref="Open"/> and <see cref="Close"/> (Close may be the block end when unclosed).</summary>
internal readonly record struct QuoteMarkSpan(int Open, int Close, int OpenToken, int CloseToken)
{
    public int ContentStart => Open + 1;

    public int ContentEnd => Close;
}

/// <summary>
/// Splits the article text into the tokens the quotation rules look at and pairs quotation marks.
/// Pairing is per paragraph: « », “ ”, ‘ ’ by partner, straight quotes by alternation; only the
/// outermost pair is a span (inner marks are nested quotes). A straight quote left open that is
/// followed only by punctuation closes the previous span (a quote whose middle mark is a typo), and
/// any other unclosed opener runs to the paragraph's end.
/// </summary>
internal static class QuoteTokenizer
{
    /// <summary>
    /// Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/> (empty: a list reused from article to
    /// article) and returns the quotation spans. <paramref name="textTokens"/> (optional, in text order) lend their
    /// normalised strings to the words they cover exactly when the characters are the same, so that most word keys
    /// are not made again.
    /// </summary>
    public static List<QuoteMarkSpan> Tokenize(string text, List<QToken> tokens, IReadOnlyList<TokenAnnotation>? textTokens = null)
    {
        var spans = FindSpans(text);
        tokens.EnsureCapacity(text.Length / 5 + 8);
        var lender = new NormalizedForms(textTokens);
        var spanIndex = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            while (spanIndex < spans.Count && spans[spanIndex].Close < i)
            {
                spanIndex++;
            }

            var inside = spanIndex < spans.Count && i > spans[spanIndex].Open && i < spans[spanIndex].Close ? spanIndex : -1;
            if (QuoteText.IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && (QuoteText.IsWordChar(text[i]) || IsInnerNumberSeparator(text, i)))
                {
                    i++;
                }

                tokens.Add(new QToken(start, i, QTokenKind.Word, lender.Normalize(text, start, i), inside));
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (c == '\n' && (tokens.Count == 0 || tokens[^1].Kind != QTokenKind.Break))
                {
                    tokens.Add(new QToken(i, i + 1, QTokenKind.Break, string.Empty, -1));
                }

                i++;
                continue;
            }

            if (c is '[' or '<' && MarkupTagLength(text, i) is var tag and > 0 && !CoversQuoteMark(spans, spanIndex, i, i + tag))
            {
                // A tag from a forum or a broken page (محمد بن سلمان [/b] أن): one non-word token, so that its letters are not words.
                tokens.Add(new QToken(i, i + tag, QTokenKind.Markup, string.Empty, inside));
                i += tag;
                continue;
            }

            var kind = c switch
            {
                '\u060C' or ',' or '\u061B' or ';' => QTokenKind.Comma, // ARABIC COMMA, ARABIC SEMICOLON
                ':' => QTokenKind.Colon,
                '.' or '!' or '?' or '\u061F' or '\u2026' => IsAbbreviationPeriod(text, i, tokens) ? QTokenKind.Other : QTokenKind.SentenceEnd, // ARABIC QUESTION MARK, ELLIPSIS
                '(' => QTokenKind.ParenOpen,
                ')' => QTokenKind.ParenClose,
                '[' or ']' or '{' or '}' or '<' or '>' => QTokenKind.Markup,
                _ => QTokenKind.Other,
            };
            if (spanIndex < spans.Count && i == spans[spanIndex].Open)
            {
                kind = QTokenKind.QuoteOpen;
                spans[spanIndex] = spans[spanIndex] with { OpenToken = tokens.Count };
            }
            else if (spanIndex < spans.Count && i == spans[spanIndex].Close && QuoteText.IsQuoteMark(c))
            {
                kind = QTokenKind.QuoteClose;
                spans[spanIndex] = spans[spanIndex] with { CloseToken = tokens.Count };
            }
            else if (inside >= 0 && kind == QTokenKind.SentenceEnd)
            {
                // Sentences inside a quotation belong to it: the scanner never stops there.
                kind = QTokenKind.Other;
            }

            tokens.Add(new QToken(i, i + 1, kind, string.Empty, kind is QTokenKind.QuoteOpen or QTokenKind.QuoteClose ? -1 : inside));
            i++;
        }

        return spans;
    }

    /// <summary>
    /// The length of a markup tag opening at <paramref name="i"/>, or 0: BBCode <c>[b]</c>, <c>[/quote]</c>, <c>[url=…]</c>
    /// (a value with no bracket, quote mark or line break) and HTML <c>&lt;b&gt;</c>, <c>&lt;/span&gt;</c>, <c>&lt;br/&gt;</c> (no attributes).
    /// The tag's name is Latin letters and digits, at most 16: an Arabic word in brackets is text, not markup.
    /// </summary>
    internal static int MarkupTagLength(string text, int i)
    {
        var close = text[i] == '[' ? ']' : '>';
        var k = i + 1;
        if (k < text.Length && text[k] == '/')
        {
            k++;
        }

        var nameStart = k;
        while (k < text.Length && k - nameStart < 16 && (char.IsAsciiLetter(text[k]) || (k > nameStart && char.IsAsciiDigit(text[k]))))
        {
            k++;
        }

        if (k == nameStart || k >= text.Length)
        {
            return 0;
        }

        if (close == ']' && text[k] == '=')
        {
            while (k < text.Length && k - i < 200 && text[k] is not (']' or '[' or '\n') && !QuoteText.IsQuoteMark(text[k]))
            {
                k++;
            }
        }
        else if (close == '>' && text[k] == '/')
        {
            k++;
        }

        return k < text.Length && text[k] == close ? k + 1 - i : 0;
    }

    /// <summary>Whether [from, to) holds the open or close mark of a quotation span (such a tag is left to the mark's rules).</summary>
    private static bool CoversQuoteMark(List<QuoteMarkSpan> spans, int spanIndex, int from, int to)
    {
        for (var s = spanIndex; s < spans.Count && spans[s].Open < to; s++)
        {
            if ((spans[s].Open >= from && spans[s].Open < to) || (spans[s].Close >= from && spans[s].Close < to))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Word keys (<see cref="QuoteText.Normalize(ReadOnlySpan{char})"/>) that reuse the text layer's normalised form of
    /// the same span when it has the same characters (it differs only for ة ؤ ئ and Arabic-Indic digits). Words come in
    /// text order, so one cursor walks the text tokens once.
    /// </summary>
    private struct NormalizedForms(IReadOnlyList<TokenAnnotation>? textTokens)
    {
        private int _next;

        public string Normalize(string text, int start, int end)
        {
            var word = text.AsSpan(start, end - start);
            if (textTokens is null || word.Length <= Marsad.Text.TokenStrings.MaxLength || word.Length > 64)
            {
                return QuoteText.Normalize(word);
            }

            while (_next < textTokens.Count && textTokens[_next].End <= start)
            {
                _next++;
            }

            Span<char> key = stackalloc char[word.Length];
            key = key[..QuoteText.Normalize(word, key)];
            if (_next < textTokens.Count && textTokens[_next] is { } token && token.Start == start && token.End == end
                && key.SequenceEqual(token.Normalized))
            {
                return token.Normalized;
            }

            return Marsad.Text.TokenStrings.Get(key);
        }
    }

    // 4.8 and 10,000: a separator between digits stays inside the number.
    private static bool IsInnerNumberSeparator(string text, int i) =>
        (text[i] is '.' or ',' or '\u066B' or '\u066C') && i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);

    // سيرجي ك. شويغو, د. أحمد: a period after a one-letter word is an initial, not a sentence end.
    private static bool IsAbbreviationPeriod(string text, int i, List<QToken> tokens) =>
        text[i] == '.' && tokens.Count > 0 && tokens[^1].Kind == QTokenKind.Word && tokens[^1].End == i
        && tokens[^1].End - tokens[^1].Start == 1 && !char.IsDigit(text[i - 1]);

    private static List<QuoteMarkSpan> FindSpans(string text)
    {
        var spans = new List<QuoteMarkSpan>();
        var stack = new List<(char Mark, int Position)>();
        var blockFirstSpan = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                CloseBlock(text, i, stack, spans, blockFirstSpan);
                stack.Clear();
                blockFirstSpan = spans.Count;
                continue;
            }

            var c = text[i];
            if (c == QuoteText.StraightQuote)
            {
                if (stack.Count > 0 && stack[^1].Mark == QuoteText.StraightQuote)
                {
                    Pop(stack, stack.Count - 1, i, spans);
                }
                else
                {
                    stack.Add((c, i));
                }
            }
            else if (QuoteText.ClosingPartner(c) is not null)
            {
                stack.Add((c, i));
            }
            else if (QuoteText.IsClosingMark(c))
            {
                for (var k = stack.Count - 1; k >= 0; k--)
                {
                    if (QuoteText.ClosingPartner(stack[k].Mark) == c)
                    {
                        Pop(stack, k, i, spans);
                        break;
                    }
                }
            }
        }

        spans.Sort((a, b) => a.Open.CompareTo(b.Open));
        return spans;
    }

    private static void Pop(List<(char Mark, int Position)> stack, int k, int close, List<QuoteMarkSpan> spans)
    {
        var open = stack[k].Position;
        stack.RemoveRange(k, stack.Count - k);
        if (stack.Count == 0)
        {
            spans.Add(new QuoteMarkSpan(open, close, -1, -1));
        }
    }

    private static void CloseBlock(string text, int blockEnd, List<(char Mark, int Position)> stack, List<QuoteMarkSpan> spans, int blockFirstSpan)
    {
        if (stack.Count == 0)
        {
            return;
        }

        var (mark, open) = stack[0];
        if (mark == QuoteText.StraightQuote && OnlyPunctuationAfter(text, open + 1, blockEnd) && spans.Count > blockFirstSpan)
        {
            // "A". B". — the middle mark was a typo: the previous span runs to this closing mark.
            spans[^1] = spans[^1] with { Close = open };
            return;
        }

        var end = blockEnd;
        while (end > open + 1 && (char.IsWhiteSpace(text[end - 1]) || char.IsPunctuation(text[end - 1])))
        {
            end--;
        }

        if (end > open + 1)
        {
            spans.Add(new QuoteMarkSpan(open, end, -1, -1));
        }

    }

    private static bool OnlyPunctuationAfter(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && !char.IsPunctuation(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
