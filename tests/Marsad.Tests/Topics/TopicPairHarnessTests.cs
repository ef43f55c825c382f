using Marsad.Topics;

namespace Marsad.Tests.Topics;

/// <summary>The pair harness refuses inputs it cannot measure with a clear error instead of crashing midway.</summary>
public sealed class TopicPairHarnessTests
{
    private static readonly TopicRecord[] Train =
    [
        new("s1", null, TopicLabels.Sports, null, "فاز الفريق بالمباراة وسجل اللاعب هدفين"),
        new("s2", null, TopicLabels.Sports, null, "خسر المنتخب أمام الفريق في كأس العالم"),
        new("e1", null, TopicLabels.Economy, null, "ارتفعت أسعار النفط وتراجع الدولار"),
        new("e2", null, TopicLabels.Economy, null, "رفع البنك المركزي أسعار الفائدة"),
        new("p1", null, TopicLabels.Politics, null, "اجتمع الرئيس مع الوزراء في البرلمان"),
        new("p2", null, TopicLabels.Politics, null, "صوت البرلمان على قانون الانتخابات"),
    ];

    private static readonly LinearTopicModel Model = TopicTrainer.Train(Train, Train, new TopicTrainingOptions { HashBits = 12, Epochs = 2, LearningRate = 2 });

    private static ArgumentException Refusal(IReadOnlyList<TopicRecord> train, IReadOnlyList<TopicRecord> dev, int[] seeds, params string[] pair) =>
        Assert.Throws<ArgumentException>(() => TopicPairHarness.Run([Model], seeds, train, dev, pair, runs: 1, sourceDropout: 0.5, neighbours: 0, _ => { }));

    [Fact]
    public void OneSeedPerModel() =>
        Assert.Contains("one seed per model", Refusal(Train, Train, [1, 2], TopicLabels.Sports, TopicLabels.Economy).Message);

    [Fact]
    public void ThePairsLabelsMustBeTheModels() =>
        Assert.Contains("no label Weather", Refusal(Train, Train, [1], TopicLabels.Sports, "Weather").Message);

    [Fact]
    public void DevLabelsMustBeTheModels()
    {
        var dev = Train.Append(new TopicRecord("w1", null, "Weather", null, "أمطار غزيرة")).ToArray();
        var error = Refusal(Train, dev, [1], TopicLabels.Sports, TopicLabels.Economy);
        Assert.Equal("dev", error.ParamName);
        Assert.Contains("Weather", error.Message);
    }

    [Fact]
    public void ThePairModelMustHaveBothLabels()
    {
        // No Economy article to train the pair model on: it cannot re-split the pair's mass.
        var train = Train.Where(r => r.Label != TopicLabels.Economy).ToArray();
        var error = Refusal(train, Train, [1], TopicLabels.Sports, TopicLabels.Economy);
        Assert.Equal("train", error.ParamName);
        Assert.Contains("not both of", error.Message);
    }
}
