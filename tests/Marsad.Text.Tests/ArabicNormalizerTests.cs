using CsCheck;
using Marsad.Text;

namespace Marsad.Text.Tests;

/// <summary>One test per normalisation rule, named after it; plus empty input, random strings and allocation.</summary>
public sealed class ArabicNormalizerTests
{
    private static string Matching(string s) => ArabicNormalizer.Normalize(s, NormalizationProfile.Matching);

    private static string Search(string s) => ArabicNormalizer.Normalize(s, NormalizationProfile.Search);

    private static string Display(string s) => ArabicNormalizer.Normalize(s, NormalizationProfile.Display);

    [Fact]
    public void TestHarakat() => Assert.Equal("كتب", Matching("كَتُبِ"));

    [Fact]
    public void TestTanwin() => Assert.Equal("كتابا", Matching("كتاباً")); // FATHATAN removed, its seat alef kept

    [Fact]
    public void TestDammatanAndKasratan() => Assert.Equal("كتاب كتاب", Matching("كتابٌ كتابٍ"));

    [Fact]
    public void TestShadda() => Assert.Equal("محمد", Matching("محمّد"));

    [Fact]
    public void TestSukun() => Assert.Equal("قلب", Matching("قلْب"));

    [Fact]
    public void TestSuperscriptAlef() => Assert.Equal("هذا", Matching("هٰذا"));

    [Fact]
    public void TestTatweel()
    {
        Assert.Equal("بحر", Matching("بـــحر"));
        Assert.Equal("بحر", Display("بـــحر"));
    }

    [Fact]
    public void TestAlefHamzaAbove() => Assert.Equal("احمد", Matching("أحمد"));

    [Fact]
    public void TestAlefHamzaBelow() => Assert.Equal("اسلام", Matching("إسلام"));

    [Fact]
    public void TestAlefMadda() => Assert.Equal("امن", Matching("آمن"));

    [Fact]
    public void TestAlefWasla() => Assert.Equal("الله", Matching("ٱلله"));

    [Fact]
    public void TestAlefFormsKeptInDisplay() => Assert.Equal("أإآ", Display("أإآ"));

    [Fact]
    public void TestAlefMaksura()
    {
        Assert.Equal("علي", Matching("على"));
        Assert.Equal("على", Display("على"));
    }

    [Fact]
    public void TestTehMarbuta()
    {
        Assert.Equal("مدرسه", Search("مدرسة"));
        Assert.Equal("مدرسة", Matching("مدرسة"));
    }

    [Fact]
    public void TestWawHamza()
    {
        Assert.Equal("مومن", Search("مؤمن"));
        Assert.Equal("مؤمن", Matching("مؤمن"));
    }

    [Fact]
    public void TestYehHamza()
    {
        Assert.Equal("رييس", Search("رئيس"));
        Assert.Equal("رئيس", Matching("رئيس"));
    }

    [Fact]
    public void TestArabicIndicDigits() => Assert.Equal("2023", Matching("٢٠٢٣"));

    [Fact]
    public void TestPersianDigits() => Assert.Equal("1402", Matching("۱۴۰۲"));

    [Fact]
    public void TestDigitsKeptInDisplay() => Assert.Equal("٢٠٢٣", Display("٢٠٢٣"));

    [Fact]
    public void TestFarsiYeh() => Assert.Equal("ايران", Matching("ایران"));

    [Fact]
    public void TestKeheh() => Assert.Equal("كتاب", Matching("کتاب"));

    [Fact]
    public void TestAe() => Assert.Equal("خانه", Matching("خانە"));

    [Fact]
    public void TestPersianLettersPehGafTchehJehVeh() => Assert.Equal("بكجزف", Matching("پگچژڤ"));

    [Fact]
    public void TestPresentationFormsIsolatedAndFinal() => Assert.Equal("بيت", Matching("\uFE8F\uFEF4\uFE96")); // BEH ISOLATED, YEH MEDIAL, TEH FINAL

    [Fact]
    public void TestPresentationFormLamAlefLigature() => Assert.Equal("سلام", Matching("س\uFEFBم")); // LAM WITH ALEF ISOLATED FORM

    [Fact]
    public void TestPresentationFormLamAlefHamzaLigature() => Assert.Equal("الأمم", Display("ا\uFEF7مم")); // LAM WITH ALEF WITH HAMZA ABOVE

    [Fact]
    public void TestPresentationFormSpacingMark() => Assert.Equal("ب", Matching("ب\uFE7C")); // SHADDA ISOLATED FORM

    [Theory]
    [InlineData('\u200C')] // ZWNJ
    [InlineData('\u200D')] // ZWJ
    [InlineData('\u200E')] // LRM
    [InlineData('\u200F')] // RLM
    [InlineData('\u061C')] // ALM
    [InlineData('\uFEFF')] // BOM
    [InlineData('\u202B')] // RLE
    public void TestZeroWidthAndBidiMarks(char mark)
    {
        Assert.Equal("سلام", Display("سل" + mark + "ام"));
        Assert.Equal("سلام", Matching("سل" + mark + "ام"));
    }

    [Fact]
    public void TestArabicPunctuation()
    {
        Assert.Equal(",;?\"\"%.,", Matching("،؛؟«»٪٫٬"));
        Assert.Equal("،؛؟«»", Display("،؛؟«»"));
    }

    [Fact]
    public void TestArabicDecimalNumber() => Assert.Equal("3.5%", Matching("٣٫٥٪"));

    [Fact]
    public void TestSearchLowerCasesLatin()
    {
        Assert.Equal("nasa", Search("NASA"));
        Assert.Equal("NASA", Matching("NASA"));
    }

    [Fact]
    public void TestEmptyInput()
    {
        foreach (var profile in Enum.GetValues<NormalizationProfile>())
        {
            Assert.Equal(string.Empty, ArabicNormalizer.Normalize(string.Empty, profile));
            Assert.Equal(0, ArabicNormalizer.Normalize(ReadOnlySpan<char>.Empty, Span<char>.Empty, profile));
        }
    }

    [Fact]
    public void TestUnchangedTextIsSameInstance()
    {
        var text = "hello world";
        Assert.Same(text, ArabicNormalizer.Normalize(text, NormalizationProfile.Matching));
    }

    [Fact]
    public void TestDestinationTooShort()
    {
        Assert.False(ArabicNormalizer.TryNormalize("سلام", new char[2], NormalizationProfile.Matching, out _));
        Assert.Throws<ArgumentException>(() => ArabicNormalizer.Normalize("\uFDFA", new char[4], NormalizationProfile.Matching));
    }

    [Fact]
    public void TestSpanNormalizerAllocatesNothing()
    {
        var text = "وَقالَ الرئيسُ إنّ «الحكومة» ستعمل على خفض الأسعار بنسبة ١٥٪ خلال ٢٠٢٣ ـ ﻻ";
        var destination = new char[text.Length * ArabicNormalizer.MaxExpansion];
        ArabicNormalizer.Normalize(text, destination, NormalizationProfile.Search); // warm up the tables
        var profiles = Enum.GetValues<NormalizationProfile>();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            foreach (var profile in profiles)
            {
                ArabicNormalizer.Normalize(text, destination, profile);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TestRandomStrings()
    {
        Generators.MixedText.Sample(text =>
        {
            foreach (var profile in Enum.GetValues<NormalizationProfile>())
            {
                var once = ArabicNormalizer.Normalize(text, profile);
                var destination = new char[text.Length * ArabicNormalizer.MaxExpansion];
                var n = ArabicNormalizer.Normalize(text, destination, profile);
                Assert.Equal(once, new string(destination, 0, n));
                Assert.Equal(once, ArabicNormalizer.Normalize(once, profile)); // idempotent
                Assert.DoesNotContain(ArabicLetters.Tatweel, once);
            }

            var matching = Matching(text);
            Assert.DoesNotContain(matching, c => ArabicLetters.IsMark(c) || ArabicLetters.IsInvisibleFormat(c) || ArabicLetters.IsArabicDigit(c));
            Assert.DoesNotContain(matching, c => c is >= '\uFB50' and <= '\uFDFF' && char.IsLetter(c));
        });
    }
}
