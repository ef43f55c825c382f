using CsCheck;
using Marsad.Text;

namespace Marsad.Text.Tests;

public sealed class ArabicTokenizerTests
{
    private static (string Surface, TokenKind Kind)[] Tokens(string text) =>
        ArabicTokenizer.Tokenize(text).Select(t => (text[t.Start..t.End], t.Kind)).ToArray();

    [Fact]
    public void TestEmptyInput()
    {
        Assert.Empty(ArabicTokenizer.Tokenize(string.Empty));
        Assert.Empty(ArabicTokenizer.Tokenize(" \n\u200F "));
    }

    [Fact]
    public void TestArabicAndLatinWords()
    {
        Assert.Equal(
            [("قال", TokenKind.ArabicWord), ("المتحدث", TokenKind.ArabicWord), ("John", TokenKind.LatinWord), ("Kirby", TokenKind.LatinWord)],
            Tokens("قال المتحدث John Kirby"));
    }

    [Fact]
    public void TestDiacriticsTatweelAndJoinersStayInTheWord()
    {
        Assert.Equal([("وَبِحَسَبِ", TokenKind.ArabicWord), ("بـ", TokenKind.ArabicWord), ("مي\u200Cخواهم", TokenKind.ArabicWord)], Tokens("وَبِحَسَبِ بـ مي\u200Cخواهم"));
    }

    [Fact]
    public void TestPresentationFormsAreArabicWords() => Assert.Equal([("\uFEDF\uFEE8\uFE92\uFE8E\uFEE5", TokenKind.ArabicWord)], Tokens("\uFEDF\uFEE8\uFE92\uFE8E\uFEE5"));

    [Theory]
    [InlineData("1,000.5")]
    [InlineData("٢٠٢٣")]
    [InlineData("10/13")]
    [InlineData("24/7")]
    [InlineData("۱۴۰۲")]
    [InlineData("3٫5")]
    [InlineData("10:30")]
    public void TestNumbers(string number) => Assert.Equal([(number, TokenKind.Number)], Tokens(number));

    [Fact]
    public void TestNumberFollowedByPunctuation() =>
        Assert.Equal([("في", TokenKind.ArabicWord), ("2023", TokenKind.Number), (".", TokenKind.Punctuation)], Tokens("في 2023."));

    [Theory]
    [InlineData("15%")]
    [InlineData("١٥٪")]
    [InlineData("2.5%")]
    public void TestPercentages(string percent) => Assert.Equal([(percent, TokenKind.Percent)], Tokens(percent));

    [Fact]
    public void TestUrlsWithoutTrailingPunctuation()
    {
        Assert.Equal([("انظر", TokenKind.ArabicWord), ("https://www.example.com/news?id=5", TokenKind.Url), (".", TokenKind.Punctuation)],
            Tokens("انظر https://www.example.com/news?id=5."));
        Assert.Equal([("www.lbci.com", TokenKind.Url)], Tokens("www.lbci.com"));
    }

    [Fact]
    public void TestEmails() => Assert.Equal([("راسلونا", TokenKind.ArabicWord), ("news.desk@example.org", TokenKind.Email)], Tokens("راسلونا news.desk@example.org"));

    [Fact]
    public void TestHashtagsAndMentions()
    {
        Assert.Equal([("#حمزة_لبيض", TokenKind.Hashtag), ("#COP28", TokenKind.Hashtag), ("@UN_News", TokenKind.Mention)], Tokens("#حمزة_لبيض #COP28 @UN_News"));
    }

    [Fact]
    public void TestEveryQuoteMark()
    {
        var marks = "«»“”„‘’‹›\"'";
        var tokens = Tokens(string.Join(' ', marks.ToCharArray()));
        Assert.Equal(marks.Length, tokens.Length);
        Assert.All(tokens, t => Assert.Equal(TokenKind.Quote, t.Kind));
    }

    [Fact]
    public void TestQuotesAroundArabicWords() =>
        Assert.Equal([("«", TokenKind.Quote), ("نحن", TokenKind.ArabicWord), ("مستعدون", TokenKind.ArabicWord), ("»", TokenKind.Quote), ("،", TokenKind.Punctuation)],
            Tokens("«نحن مستعدون»،"));

    [Fact]
    public void TestPunctuation()
    {
        Assert.Equal(
            [("ماذا", TokenKind.ArabicWord), ("؟!", TokenKind.Punctuation), ("لا", TokenKind.ArabicWord), ("...", TokenKind.Punctuation), ("(", TokenKind.Punctuation), ("نعم", TokenKind.ArabicWord), (")", TokenKind.Punctuation), ("؛", TokenKind.Punctuation)],
            Tokens("ماذا؟! لا... (نعم)؛"));
    }

    [Fact]
    public void TestEmojiSequencesStayWhole() =>
        Assert.Equal([("👨\u200D👩\u200D👧", TokenKind.Symbol), ("👍🏽", TokenKind.Symbol), ("مرحبا", TokenKind.ArabicWord)], Tokens("👨\u200D👩\u200D👧 👍🏽مرحبا"));

    [Fact]
    public void TestOffsetsIntoTheOriginalText()
    {
        var text = "\u200Fقال: «سيرجي ك. شويغو»\n\nوزار ٣ مدن";
        foreach (var token in ArabicTokenizer.Tokenize(text))
        {
            Assert.InRange(token.Start, 0, text.Length);
            Assert.Equal(text[token.Start..token.End], token.Slice(text).ToString());
        }

        Assert.Equal(1, ArabicTokenizer.Tokenize(text)[0].Start); // the RLM is skipped, not part of the word
    }

    [Fact]
    public void TestEnumeratorAndListAgree()
    {
        var text = "قال الوزير إن 15% من ١٠٠٠ شخص غادروا #غزة 😀 http://x.org";
        var list = ArabicTokenizer.Tokenize(text);
        var enumerated = new List<Token>();
        foreach (var token in ArabicTokenizer.Enumerate(text))
        {
            enumerated.Add(token);
        }

        Assert.Equal(list, enumerated);
    }

    [Fact]
    public void TestRandomStringsPropertySpansCoverLettersAndSegmentsConcatenate()
    {
        Generators.MixedText.Sample(CheckTokens);
    }

    [Fact]
    public void TestAnyUtf16StringsDoNotBreakTheTokenizer()
    {
        Generators.AnyText.Sample(CheckTokens);
    }

    private static void CheckTokens(string text)
    {
        var tokens = ArabicTokenizer.Tokenize(text);
        var covered = new bool[text.Length];
        var previousEnd = 0;
        foreach (var token in tokens)
        {
            // Spans are ordered, non-empty, inside the text and do not overlap.
            Assert.True(token.Start >= previousEnd, $"token at {token.Start} overlaps the previous one ending at {previousEnd}");
            Assert.True(token.End > token.Start);
            Assert.True(token.End <= text.Length);
            Assert.Equal(text.Substring(token.Start, token.Length), token.Slice(text).ToString());
            for (var i = token.Start; i < token.End; i++)
            {
                covered[i] = true;
            }

            previousEnd = token.End;
            if (token.Kind == TokenKind.ArabicWord)
            {
                var word = text.AsSpan(token.Start, token.Length);
                var buffer = default(SegmentBuffer);
                Span<WordSegment> segments = buffer;
                var n = CliticSegmenter.Default.Segment(word, segments);
                Assert.InRange(n, 1, CliticSegmenter.MaxSegments);
                Assert.Equal(0, segments[0].Start);
                for (var s = 1; s < n; s++)
                {
                    Assert.Equal(segments[s - 1].End, segments[s].Start);
                    Assert.True(segments[s].End > segments[s].Start);
                }

                Assert.Equal(token.Length, segments[n - 1].End);
                var joined = new System.Text.StringBuilder();
                for (var s = 0; s < n; s++)
                {
                    joined.Append(word[segments[s].Start..segments[s].End]);
                }

                Assert.Equal(word.ToString(), joined.ToString());
            }
        }

        // Every letter (BMP, or a surrogate pair that is a letter) lies inside a token.
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]) || (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLetter(text, i)))
            {
                Assert.True(covered[i], $"letter U+{(int)text[i]:X4} at {i} is in no token");
            }
        }
    }
}
