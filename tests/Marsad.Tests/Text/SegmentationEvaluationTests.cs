using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Text;

public sealed class SegmentationEvaluationTests
{
    [Theory]
    [InlineData("ترشيح+ات+ها", "NOUN+NSUFF+PRON", "ترشيحاتها", "ترشيحات|ها")]
    [InlineData("أعلن+ت", "V+PRON", "أعلنت", "أعلنت")]
    [InlineData("شهد+ت+ها", "V+PRON+PRON", "شهدتها", "شهدت|ها")]
    [InlineData("ل+ال+ولايات", "PREP+DET+NOUN", "للولايات", "ل|ال|ولايات")]
    [InlineData("ب+مرحل+ت+ه", "PREP+NOUN+NSUFF+PRON", "بمرحلته", "ب|مرحلت|ه")]
    [InlineData("من+ما", "PREP+PRON", "مما", "من|ما")]
    public void FarasaPiecesAreBroughtToTheCliticLevel(string segmentation, string tags, string surface, string pieces)
    {
        var word = SegmentationGold.FromFarasaPieces(segmentation, tags);
        Assert.NotNull(word);
        Assert.Equal(surface, word.Surface);
        Assert.Equal(pieces.Split('|'), word.Pieces);
    }

    [Fact]
    public void MismatchedPiecesAndTagsAreSkipped() => Assert.Null(SegmentationGold.FromFarasaPieces("ال+عتيقي", "DET+ADJ+NSUFF"));

    [Fact]
    public void ConlluRunsOfSpaceAfterNoFormOneWord()
    {
        var path = Path.GetTempFileName() + ".conllu";
        File.WriteAllLines(path,
        [
            "# text = قال لروسيا ونشرتها.",
            "1\tقال\tقال\tVERB\t_\t_\t0\troot\t_\t_",
            "2\tل\tل\tADP\t_\t_\t3\tcase\t_\tSpaceAfter=No",
            "3\tروسيا\tروسيا\tPROPN\t_\t_\t1\tobl\t_\t_",
            "4\tو\tو\tCCONJ\t_\t_\t5\tcc\t_\tSpaceAfter=No",
            "5\tنشرت\tنشر\tVERB\t_\t_\t1\tconj\t_\tSpaceAfter=No",
            "6\tها\tهو\tPRON\t_\t_\t5\tobj\t_\tSpaceAfter=No",
            "7\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_",
            string.Empty,
        ]);
        try
        {
            var gold = SegmentationGold.Read(path);
            Assert.Equal(SegmentationScheme.Pud, gold.Scheme);
            Assert.Equal(["قال", "لروسيا", "ونشرتها"], gold.Words.Select(w => w.Surface));
            Assert.Equal(["و", "نشرت", "ها"], gold.Words[2].Pieces);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void PudSchemeKeepsTheArticleOnItsNoun()
    {
        var segmenter = CliticSegmenter.Default;
        Assert.Equal(["ل", "لولايات"], SegmentationEvaluator.Predict(segmenter, "للولايات", SegmentationScheme.Pud));
        Assert.Equal(["و", "الحكومة"], SegmentationEvaluator.Predict(segmenter, "والحكومة", SegmentationScheme.Pud));
        Assert.Equal(["ل", "ال", "ولايات"], SegmentationEvaluator.Predict(segmenter, "للولايات", SegmentationScheme.Farasa));
    }

    [Fact]
    public void DevelopmentSetScoresAboveTheNoSplitFloor()
    {
        var gold = SegmentationGold.Read(Path.Combine(SharedData.RepositoryRoot, "gold", "text", "segmentation-dev.seg"));
        var score = SegmentationEvaluator.Evaluate(CliticSegmenter.Default, gold, "dev");
        Assert.True(score.Words > 300);
        Assert.True(score.Accuracy > 0.95, $"dev accuracy {score.Accuracy:P2}");
        Assert.True(score.Accuracy > score.NoSplitAccuracy + 0.4);
        Assert.InRange(score.F1, 0.9, 1.0);
    }
}
