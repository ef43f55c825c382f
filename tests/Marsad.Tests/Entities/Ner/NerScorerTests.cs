using Marsad.Entities;

namespace Marsad.Tests.Entities.Ner;

/// <summary>The scorer against hand-computed conlleval/seqeval results.</summary>
public sealed class NerScorerTests
{
    [Fact]
    public void ExactMatchCountsOnlySpansWithSameBoundariesAndType()
    {
        // Gold: PER [0,2), LOC [3,4). Predicted: PER [0,2) (right), ORG [3,4) (wrong type).
        var scorer = new NerScorer();
        scorer.Add(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "I-PER", "O", "B-ORG"]);
        var result = scorer.Result();
        Assert.Equal(50.0, result.Overall.Precision, 6);
        Assert.Equal(50.0, result.Overall.Recall, 6);
        Assert.Equal(50.0, result.Overall.F1, 6);
        Assert.Equal(100.0, result.PerType["PER"].F1, 6);
        Assert.Equal(0.0, result.PerType["LOC"].Recall, 6);
        Assert.Equal(0.0, result.PerType["ORG"].Precision, 6);
    }

    [Fact]
    public void ShorterSpanIsAMiss()
    {
        // Gold PER [0,3); predicted PER [0,2): no credit (exact match), one false positive, one miss.
        var scorer = new NerScorer();
        scorer.Add(["B-PER", "I-PER", "I-PER"], ["B-PER", "I-PER", "O"]);
        var o = scorer.Result().Overall;
        Assert.Equal((1, 1, 0), (o.Gold, o.Predicted, o.Correct));
        Assert.Equal(0.0, o.F1, 6);
    }

    [Fact]
    public void InsideAfterOutsideStartsAnEntity()
    {
        Assert.Equal([new NerSpan(1, 3, "PER")], NerSpan.FromTags(["O", "I-PER", "I-PER"]));
    }

    [Fact]
    public void TypeChangeInsideStartsANewEntity()
    {
        Assert.Equal(
            [new NerSpan(0, 2, "PER"), new NerSpan(2, 3, "LOC")],
            NerSpan.FromTags(["B-PER", "I-PER", "I-LOC"]));
    }

    [Fact]
    public void BeginAfterBeginOfSameTypeStartsANewEntity()
    {
        Assert.Equal(
            [new NerSpan(0, 1, "LOC"), new NerSpan(1, 2, "LOC")],
            NerSpan.FromTags(["B-LOC", "B-LOC"]));
    }

    [Fact]
    public void EntityAtSentenceEndIsClosed()
    {
        Assert.Equal([new NerSpan(2, 4, "ORG")], NerSpan.FromTags(["O", "O", "B-ORG", "I-ORG"]));
    }

    [Fact]
    public void MicroAverageOverSentencesAndTypes()
    {
        // Sentence 1: gold PER, LOC; predicted PER (right). Sentence 2: gold ORG; predicted ORG (right), MISC (wrong).
        // Correct 2, predicted 3, gold 3: P = R = F1 = 66.67.
        var scorer = new NerScorer();
        scorer.Add(["B-PER", "O", "B-LOC"], ["B-PER", "O", "O"]);
        scorer.Add(["B-ORG", "I-ORG", "O"], ["B-ORG", "I-ORG", "B-MISC"]);
        var o = scorer.Result().Overall;
        Assert.Equal(200.0 / 3, o.Precision, 6);
        Assert.Equal(200.0 / 3, o.Recall, 6);
        Assert.Equal(200.0 / 3, o.F1, 6);
    }

    [Fact]
    public void IllFormedPredictionIsReadLikeConlleval()
    {
        // Predicted "O I-PER I-PER" reads as PER [1,3), which matches gold "O B-PER I-PER".
        var scorer = new NerScorer();
        scorer.Add(["O", "B-PER", "I-PER"], ["O", "I-PER", "I-PER"]);
        Assert.Equal(100.0, scorer.Result().Overall.F1, 6);
    }

    [Fact]
    public void NoEntitiesGivesZeroNotNaN()
    {
        var scorer = new NerScorer();
        scorer.Add(["O", "O"], ["O", "O"]);
        Assert.Equal(0.0, scorer.Result().Overall.F1);
    }
}
