using Marsad.Ingest.Evaluation;

namespace Marsad.Tests.Ingest.Html;

/// <summary>The extraction score: tokens split at spaces and punctuation, lightly normalised, compared as bags.</summary>
public sealed class BagOfTokensTests
{
    [Fact]
    public void SplitsAtPunctuationAndFoldsLetters() =>
        Assert.Equal(["قال", "الرئيس", "cnn", "انها", "مدرسه"], BagOfTokens.Tokenize("قال الرئيس (CNN) -- إنّها مدرسة"));

    [Fact]
    public void ScoresBagsWithRepeats()
    {
        var score = BagOfTokens.Score(["a", "a", "b", "c"], ["a", "b", "b"]);
        Assert.Equal(0.5, score.Precision, 6);
        Assert.Equal(2.0 / 3, score.Recall, 6);
        Assert.Equal(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), score.F1, 6);
    }
}
