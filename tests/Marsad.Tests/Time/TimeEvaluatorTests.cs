using Marsad.Testing;
using Marsad.Time;

namespace Marsad.Tests.Time;

/// <summary>The gold file reads, and the scorer counts exact and overlapping matches as documented.</summary>
public sealed class TimeEvaluatorTests
{
    [Fact]
    public void GoldFileReadsAndEverySurfaceMatchesItsOffsets()
    {
        var records = TimeGold.Read(Path.Combine(SharedData.RepositoryRoot, "gold", "time", "time-gold.jsonl"));
        Assert.True(records.Sum(r => r.Expressions.Count) >= 250);
        Assert.Contains(records, r => r.Split == "test");
        Assert.Contains(records, r => r.Anchor is null);
    }

    [Fact]
    public void ScorerCountsExactOverlapAndValues()
    {
        var text = "وصل الوفد أمس إلى القاهرة في 5 إبريل 2021.";
        var anchor = new DateOnly(2023, 9, 4);
        var gold = new TimeGoldRecord("x", "dev", text, anchor,
        [
            new TimeGoldExpression(10, 13, "أمس", "DATE", "2023-09-03"),
            // A deliberately wider gold span: overlapping, not exact.
            new TimeGoldExpression(26, text.Length - 1, "في 5 إبريل 2021", "DATE", "2021-04-05"),
        ]);
        var scores = TimeEvaluator.Evaluate([gold], "dev");
        Assert.Equal(2, scores.Gold);
        Assert.Equal(1, scores.Exact.Matched);
        Assert.Equal(2, scores.Overlap.Matched);
        Assert.Equal(1.0, scores.ValueAccuracy);
        Assert.Equal(0.5, scores.StrictValueAccuracy);
    }
}
