using CsCheck;
using Marsad.Text;

namespace Marsad.Text.Tests;

public sealed class LightStemmerTests
{
    [Theory]
    [InlineData("وبالمفاوضات", "مفاوض")]
    [InlineData("للولايات", "ولاي")]
    [InlineData("الحكومة", "حكوم")]
    [InlineData("حكومته", "حكوم")]
    [InlineData("لبنان", "لبن")] // the name keeps its ل; ان is stripped like any dual ending
    [InlineData("NASA", "nasa")]
    public void TestStems(string word, string stem) => Assert.Equal(stem, LightStemmer.Default.Stem(word));

    [Fact]
    public void TestSameStemForCliticVariants()
    {
        var stems = new[] { "الحكومة", "والحكومة", "للحكومة", "حكومتها", "بالحكومة" }.Select(LightStemmer.Default.Stem).Distinct();
        Assert.Single(stems);
    }

    [Fact]
    public void TestKeepsTwoLetters() => Assert.Equal("به", LightStemmer.StemSegment("به", new char[8]) is var n ? "به"[..n] : null);

    [Fact]
    public void TestEmptyInput() => Assert.Equal(string.Empty, LightStemmer.Default.Stem(string.Empty));

    [Fact]
    public void TestRandomStrings() => Generators.MixedText.Sample(text => Assert.True(LightStemmer.Default.Stem(text).Length <= text.Length * ArabicNormalizer.MaxExpansion));
}

public sealed class ArabicStopWordsTests
{
    [Theory]
    [InlineData("في")]
    [InlineData("إلى")]
    [InlineData("الى")]
    [InlineData("الذي")]
    [InlineData("هذه")]
    public void TestCommonStopWords(string word) => Assert.True(ArabicStopWords.Contains(word));

    [Theory]
    [InlineData("الحكومة")]
    [InlineData("لبنان")]
    [InlineData("")]
    public void TestContentWordsAreNotStopWords(string word) => Assert.False(ArabicStopWords.Contains(word));

    [Fact]
    public void TestListIsLoaded() => Assert.InRange(ArabicStopWords.Count, 300, 2000);

    [Fact]
    public void TestRandomStrings() => Generators.AnyText.Sample(text => Assert.Equal(ArabicStopWords.Contains(text), ArabicStopWords.ContainsNormalized(ArabicNormalizer.Normalize(text, NormalizationProfile.Search)) && text.Length <= 32));
}
