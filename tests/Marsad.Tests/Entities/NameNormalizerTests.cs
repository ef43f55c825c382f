using Marsad.Entities.Resolution;

namespace Marsad.Tests.Entities;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("أون", "اون")]
    [InlineData("إبراهيم", "ابراهيم")]
    [InlineData("آمال", "امال")]
    public void TestAlefForms(string input, string expected) => Assert.Equal(expected, NameNormalizer.Matching(input));

    [Fact]
    public void TestAlefMaksura() => Assert.Equal(NameNormalizer.Matching("مصطفي"), NameNormalizer.Matching("مصطفى"));

    [Fact]
    public void TestTehMarbuta() => Assert.Equal(NameNormalizer.Matching("حماه"), NameNormalizer.Matching("حماة"));

    [Fact]
    public void TestHamzaSeats()
    {
        Assert.Equal(NameNormalizer.Matching("الهادي"), NameNormalizer.Matching("الهادئ"));
        Assert.Equal(NameNormalizer.Matching("مومن"), NameNormalizer.Matching("مؤمن"));
    }

    [Fact]
    public void TestDiacriticsAndTatweel() => Assert.Equal("بوتين", NameNormalizer.Matching("بُوتِيـــن"));

    [Fact]
    public void TestGhainAndJeemAreOneSound()
    {
        Assert.Equal(NameNormalizer.Phonetic("جونج"), NameNormalizer.Phonetic("جونغ"));
        Assert.Equal(NameNormalizer.Phonetic("سيرجي"), NameNormalizer.Phonetic("سيرغي"));
    }

    [Fact]
    public void TestInitialYehIsForeignJ() => Assert.Equal(NameNormalizer.Phonetic("جونغ"), NameNormalizer.Phonetic("يونغ"));

    [Fact]
    public void TestFinalTehMarbutaAsAlef() => Assert.Equal(NameNormalizer.Phonetic("سوريا"), NameNormalizer.Phonetic("سورية"));

    [Fact]
    public void TestDifferentNamesStayDifferent()
    {
        Assert.NotEqual(NameNormalizer.Phonetic("محمد"), NameNormalizer.Phonetic("محمود"));
        Assert.NotEqual(NameNormalizer.Phonetic("قاسم"), NameNormalizer.Phonetic("جاسم"));
    }

    [Fact]
    public void TestEmptyInput()
    {
        Assert.Equal("", NameNormalizer.Matching(""));
        Assert.Equal("", NameNormalizer.Phonetic(""));
        Assert.True(NameForm.Parse("  \"، ").IsEmpty);
    }

    [Fact]
    public void TestInitialsAreDroppedFromTokens() =>
        Assert.Equal(NameForm.Parse("سيرجي شويغو").Key, NameForm.Parse("سيرجي ك. شويغو").Key);

    [Fact]
    public void TestRandomStringsDoNotThrow()
    {
        var random = new Random(7);
        const string alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآؤئءًٌٍَُِّْـ abc123.،\"«»\u200f";
        for (var n = 0; n < 500; n++)
        {
            var s = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var form = NameForm.Parse(s);
            Assert.DoesNotContain("  ", NameNormalizer.Matching(s));
            Assert.All(form.Tokens, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        }
    }
}
