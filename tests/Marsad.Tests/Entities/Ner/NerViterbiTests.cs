using Marsad.Entities;

namespace Marsad.Tests.Entities.Ner;

/// <summary>Decoding never produces an ill-formed BIO sequence, and otherwise follows the scores.</summary>
public sealed class NerViterbiTests
{
    private const int T = 9;

    [Fact]
    public void InsideIsNeverChosenAtSentenceStart()
    {
        var emissions = new float[T];
        emissions[NerTags.Parse("I-PER")!.Value] = 10;
        emissions[NerTags.Parse("B-LOC")!.Value] = 1;
        var tags = Decode(emissions, 1);
        Assert.Equal("B-LOC", NerTags.Names[tags[0]]);
    }

    [Fact]
    public void InsideOfAnotherTypeIsNeverChosen()
    {
        // Token 1 strongly prefers I-LOC but token 0 is B-PER: the best valid path is B-PER I-PER (12) over B-PER B-LOC (11).
        var emissions = new float[2 * T];
        emissions[NerTags.Parse("B-PER")!.Value] = 10;
        emissions[T + NerTags.Parse("I-LOC")!.Value] = 10;
        emissions[T + NerTags.Parse("I-PER")!.Value] = 2;
        emissions[T + NerTags.Parse("B-LOC")!.Value] = 1;
        var tags = Decode(emissions, 2);
        Assert.Equal(["B-PER", "I-PER"], tags.Select(t => NerTags.Names[t]));
    }

    [Fact]
    public void ValidPathWithHighestScoreWins()
    {
        // O then I-LOC is invalid; B-LOC I-LOC (0.5 + 3) beats O O (1 + 0).
        var emissions = new float[2 * T];
        emissions[NerTags.O] = 1;
        emissions[NerTags.Parse("B-LOC")!.Value] = 0.5f;
        emissions[T + NerTags.Parse("I-LOC")!.Value] = 3;
        var tags = Decode(emissions, 2);
        Assert.Equal(["B-LOC", "I-LOC"], tags.Select(t => NerTags.Names[t]));
    }

    [Fact]
    public void TransitionsAreAdded()
    {
        // Emissions tie between O and B-ORG at token 1; a transition weight B-ORG→B-ORG decides.
        var emissions = new float[2 * T];
        var borg = NerTags.Parse("B-ORG")!.Value;
        emissions[borg] = 5;
        emissions[T + borg] = 1;
        emissions[T + NerTags.O] = 1;
        var transitions = new float[(T + 1) * T];
        transitions[((borg + 1) * T) + borg] = 2;
        var tags = new int[2];
        NerViterbi.Decode(emissions, transitions, 2, tags);
        Assert.Equal([borg, borg], tags);
    }

    [Fact]
    public void RandomScoresAlwaysDecodeToValidSequences()
    {
        var random = new Random(3);
        for (var run = 0; run < 200; run++)
        {
            var n = 1 + random.Next(30);
            var emissions = Enumerable.Range(0, n * T).Select(_ => (float)(random.NextDouble() * 10 - 5)).ToArray();
            var transitions = Enumerable.Range(0, (T + 1) * T).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            var tags = new int[n];
            NerViterbi.Decode(emissions, transitions, n, tags);
            for (var i = 0; i < n; i++)
            {
                Assert.True(NerTags.Allowed(i == 0 ? -1 : tags[i - 1], tags[i]), $"run {run}: {string.Join(' ', tags.Select(t => NerTags.Names[t]))}");
            }
        }
    }

    [Fact]
    public void RepairTurnsStrayInsideIntoBegin()
    {
        var tags = new[] { "O", "I-PER", "I-PER", "I-LOC" }.Select(t => NerTags.Parse(t)!.Value).ToArray();
        Assert.Equal(["O", "B-PER", "I-PER", "B-LOC"], NerTags.Repair(tags).Select(t => NerTags.Names[t]));
    }

    private static int[] Decode(float[] emissions, int n)
    {
        var tags = new int[n];
        NerViterbi.Decode(emissions, new float[(T + 1) * T], n, tags);
        return tags;
    }
}
