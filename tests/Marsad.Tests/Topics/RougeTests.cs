using Marsad.Summaries;

namespace Marsad.Tests.Topics;

public sealed class RougeTests
{
    [Fact]
    public void Matches_a_hand_computed_example()
    {
        // candidate: a b c d e (5 tokens); reference: a b x d (4 tokens).
        // ROUGE-1: overlap {a, b, d} = 3 → P 3/5, R 3/4, F1 = 2·0.6·0.75/1.35 = 0.6667.
        // ROUGE-2: candidate bigrams ab bc cd de, reference ab bx xd → overlap {ab} = 1 → P 1/4, R 1/3, F1 = 0.2857.
        // ROUGE-L: LCS a b d = 3 → same as ROUGE-1 here: F1 0.6667.
        string[] candidate = ["a", "b", "c", "d", "e"];
        string[] reference = ["a", "b", "x", "d"];
        var r = Rouge.Score(candidate, reference);
        Assert.Equal(0.6, r.Rouge1.Precision, 4);
        Assert.Equal(0.75, r.Rouge1.Recall, 4);
        Assert.Equal(0.6667, r.Rouge1.F1, 4);
        Assert.Equal(0.25, r.Rouge2.Precision, 4);
        Assert.Equal(1.0 / 3, r.Rouge2.Recall, 4);
        Assert.Equal(0.2857, r.Rouge2.F1, 4);
        Assert.Equal(3, Rouge.Lcs(candidate, reference));
        Assert.Equal(0.6667, r.RougeL.F1, 4);
    }

    [Fact]
    public void Lcs_differs_from_unigram_overlap_when_order_differs()
    {
        // candidate: c b a; reference: a b c → unigram overlap 3, but the LCS is 1.
        var r = Rouge.Score(["c", "b", "a"], ["a", "b", "c"]);
        Assert.Equal(1.0, r.Rouge1.F1, 4);
        Assert.Equal(1.0 / 3, r.RougeL.F1, 4);
    }

    [Fact]
    public void Arabic_tokens_are_normalised_and_stemmed()
    {
        // أحمد / احمد and the clitic و are the same word after normalisation and light stemming.
        var r = Rouge.Score("وصل أحمد إلى المدينة", "وصل احمد الى المدينه");
        Assert.Equal(1.0, r.Rouge1.F1, 4);
    }
}
