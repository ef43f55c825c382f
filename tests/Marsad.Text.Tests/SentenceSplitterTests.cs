using CsCheck;
using Marsad.Text;

namespace Marsad.Text.Tests;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text, ArabicTokenizer.Tokenize(text)).Select(s => text[s.Start..s.End]).ToArray();

    [Fact]
    public void TestEmptyInput() => Assert.Empty(Sentences(string.Empty));

    [Fact]
    public void TestTerminalPunctuation()
    {
        Assert.Equal(["وصل الوفد.", "هل تنجح المحادثات؟", "نعم!", "ربما…", "انتهى الاجتماع؛", "وبدأ آخر"],
            Sentences("وصل الوفد. هل تنجح المحادثات؟ نعم! ربما… انتهى الاجتماع؛ وبدأ آخر"));
    }

    [Fact]
    public void TestParagraphBreak() => Assert.Equal(["عنوان الخبر", "نص الخبر"], Sentences("عنوان الخبر\n\nنص الخبر"));

    [Fact]
    public void TestSingleNewlineDoesNotSplit() => Assert.Equal(["سطر أول\nسطر ثان"], Sentences("سطر أول\nسطر ثان"));

    [Theory]
    [InlineData("التقى سيرجي ك. شويغو بنظيره في بيونغ يانغ.")]
    [InlineData("قال د. أحمد إن الوضع مستقر.")]
    [InlineData("ودخل م. خالد القاعة.")]
    [InlineData("بني المعبد في القرن الخامس ق.م في المدينة.")]
    [InlineData("ذكرت أ.ف.ب أن الاجتماع انتهى.")]
    [InlineData("نقلت و.م.ع عن مصدر قوله ذلك.")]
    [InlineData("ارتفع المؤشر 3.5 نقطة أمس.")]
    [InlineData("Dr. Smith met Mr. Jones today.")]
    public void TestNoSplitAfterInitialsAbbreviationsOrInNumbers(string sentence) => Assert.Equal([sentence], Sentences(sentence));

    [Fact]
    public void TestNoSplitInsideAQuotationThatContinues()
    {
        Assert.Equal(["قال الوزير: «لن نتراجع. سنواصل العمل» وغادر القاعة.", "ثم بدأ الاجتماع."],
            Sentences("قال الوزير: «لن نتراجع. سنواصل العمل» وغادر القاعة. ثم بدأ الاجتماع."));
    }

    [Fact]
    public void TestClosingQuoteStaysWithItsSentence()
    {
        Assert.Equal(["وقال: «انتهى الأمر.»", "وغادر."], Sentences("وقال: «انتهى الأمر.» وغادر."));
    }

    [Fact]
    public void TestUnclosedQuoteDoesNotSwallowTheParagraph()
    {
        Assert.Equal(["قال «لن نتراجع.", "ثم غادر."], Sentences("قال «لن نتراجع. ثم غادر."));
    }

    [Fact]
    public void TestRandomStrings()
    {
        Generators.MixedText.Sample(text =>
        {
            var tokens = ArabicTokenizer.Tokenize(text);
            var sentences = SentenceSplitter.Split(text, tokens);
            var previousEnd = 0;
            foreach (var s in sentences)
            {
                Assert.True(s.Start >= previousEnd && s.End > s.Start && s.End <= text.Length);
                previousEnd = s.End;
            }

            // Sentences cover every token exactly once.
            Assert.All(tokens, t => Assert.Single(sentences, s => s.Start <= t.Start && t.End <= s.End));
        });
    }
}
