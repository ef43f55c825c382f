using CsCheck;
using Marsad.Text;

namespace Marsad.Text.Tests;

public sealed class CliticSegmenterTests
{
    private static readonly CliticSegmenter Segmenter = CliticSegmenter.Default;

    [Theory]
    [InlineData("لروسيا", "ل+روسيا")]
    [InlineData("للولايات", "ل+ال+ولايات")]
    [InlineData("وبحسب", "و+ب+حسب")]
    [InlineData("بلاده", "بلاد+ه")]
    [InlineData("والحكومة", "و+ال+حكومة")]
    [InlineData("وسيكون", "و+س+يكون")]
    [InlineData("بأنه", "ب+أن+ه")]
    [InlineData("مواقعها", "مواقع+ها")]
    [InlineData("لهم", "ل+هم")]
    [InlineData("مما", "من+ما")]
    [InlineData("العربي", "ال+عربي")]
    [InlineData("حكومته", "حكومت+ه")]
    [InlineData("بالتزامات", "ب+التزامات")] // ال of التزام (form VIII of لزم) is not the article
    [InlineData("التزامها", "التزام+ها")]
    [InlineData("مساهميها", "مساهمي+ها")] // the plural مساهمين loses its ن before a pronoun
    [InlineData("وصفوه", "وصفو+ه")] // a verb with its object, not و+صفو+ه
    [InlineData("للجنة", "ل+ال+لجنة")] // the article's ل is not written twice before a stem in ل
    [InlineData("للاعبين", "ل+ال+لاعبين")]
    [InlineData("للبنان", "ل+لبنان")] // a name takes no article
    public void TestSplitsClitics(string word, string expected) => Assert.Equal(expected, Segmenter.Format(word));

    [Theory]
    [InlineData("لبنان")]
    [InlineData("ليبيا")]
    [InlineData("فلسطين")]
    [InlineData("بوتين")]
    [InlineData("كيربي")]
    [InlineData("واتسون")]
    [InlineData("ولاية")]
    [InlineData("كتاب")]
    [InlineData("وزير")]
    [InlineData("الذي")]
    [InlineData("عربي")]
    [InlineData("دولي")]
    [InlineData("ألفي")] // two thousand, not "my thousand"
    [InlineData("لاعبي")] // construct plural of لاعبين
    [InlineData("التزام")]
    public void TestKeepsNamesAndWordsWhole(string word) => Assert.Equal(word, Segmenter.Format(word));

    [Fact]
    public void TestArticleWrittenLamInLilKeepsItsForm()
    {
        var segments = Segmenter.Segment("للولايات");
        Assert.Equal([(0, 1, SegmentRole.Proclitic, "ل"), (1, 2, SegmentRole.Proclitic, "ال"), (2, 8, SegmentRole.Stem, (string?)null)],
            segments.Select(s => (s.Start, s.End, s.Role, s.Form)).ToArray());
    }

    [Fact]
    public void TestStemAfterElidedArticleCarriesItsFullForm()
    {
        // للاعبين: ل, the article written by the second ل, and the stem لاعبين whose first letter that ل also writes.
        var segments = Segmenter.Segment("للاعبين");
        Assert.Equal([(0, 1, SegmentRole.Proclitic, "ل"), (1, 2, SegmentRole.Proclitic, "ال"), (2, 7, SegmentRole.Stem, "لاعبين")],
            segments.Select(s => (s.Start, s.End, s.Role, s.Form)).ToArray());
    }

    [Fact]
    public void TestOffsetsKeepDiacriticsAndTatweelWithTheirLetter()
    {
        const string word = "وَبِـحَسَبِ";
        var segments = Segmenter.Segment(word);
        Assert.Equal(["وَ", "بِـ", "حَسَبِ"], segments.Select(s => word[s.Start..s.End]).ToArray());
    }

    [Fact]
    public void TestPresentationFormsSegmentLikeBaseLetters()
    {
        const string lrusia = "\uFEDD\uFEAE\uFEED\uFEB3\uFEF4\uFE8E"; // ل ر و س ي ا in presentation forms
        Assert.Equal("ل+روسيا", Segmenter.Format(lrusia));
    }

    [Fact]
    public void TestEmptyAndShortInput()
    {
        Assert.Empty(Segmenter.Segment(string.Empty));
        Assert.Single(Segmenter.Segment("و"));
        Assert.Single(Segmenter.Segment("hello"));
    }

    [Fact]
    public void TestSegmentingAllocatesNothing()
    {
        var words = new[] { "وبحسب", "للولايات", "بلاده", "لبنان", "والحكومة", "مواقعها", "للاعبين", "وبمخطوطاته" }; // cached and rare words
        var buffer = default(SegmentBuffer);
        Span<WordSegment> segments = buffer;
        foreach (var w in words)
        {
            Segmenter.Segment(w, segments);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            foreach (var w in words)
            {
                Segmenter.Segment(w, segments);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TestRandomWordsSegmentIntoContiguousPieces()
    {
        Generators.MixedText.Sample(text =>
        {
            var segments = Segmenter.Segment(text);
            if (text.Length == 0)
            {
                Assert.Empty(segments);
                return;
            }

            Assert.Equal(0, segments[0].Start);
            Assert.Equal(text.Length, segments[^1].End);
            Assert.Single(segments, s => s.Role == SegmentRole.Stem);
            for (var i = 1; i < segments.Count; i++)
            {
                Assert.Equal(segments[i - 1].End, segments[i].Start);
            }
        });
    }
}
