using Marsad.Topics;

namespace Marsad.Tests.Topics;

public sealed class TopicClassifierTests
{
    [Theory]
    [InlineData("internationalNews", TopicLabels.International)]
    [InlineData("middleEast", TopicLabels.MiddleEast)]
    [InlineData("localNews", TopicLabels.Local)]
    [InlineData("politic", TopicLabels.Politics)]
    [InlineData("sport", TopicLabels.Sports)]
    [InlineData("diverse", TopicLabels.Miscellaneous)]
    public void Corpus_categories_map_to_user_labels(string category, string label) =>
        Assert.Equal(label, TopicLabels.FromCorpus(category));

    [Fact]
    public void Unknown_categories_have_no_label() => Assert.Null(TopicLabels.FromCorpus("weather"));

    [Fact]
    public void Learns_a_small_composed_corpus_and_saves_it()
    {
        var sports = new[] { "فاز الفريق بالمباراة وسجل اللاعب هدفين في الدوري", "خسر المنتخب أمام الفريق المنافس في كأس العالم لكرة القدم", "سجل المهاجم هدف الفوز في المباراة النهائية للبطولة" };
        var economy = new[] { "ارتفعت أسعار النفط في الأسواق وتراجع الدولار أمام اليورو", "أعلن البنك المركزي رفع أسعار الفائدة لمواجهة التضخم", "سجلت البورصة مكاسب مع ارتفاع أسهم الشركات والمصارف" };
        var train = sports.Select((t, i) => new TopicRecord($"s{i}", null, TopicLabels.Sports, null, t))
            .Concat(economy.Select((t, i) => new TopicRecord($"e{i}", null, TopicLabels.Economy, null, t)))
            .ToList();
        var model = TopicTrainer.Train(train, train, new TopicTrainingOptions { HashBits = 14, Epochs = 5, LearningRate = 2 });
        var path = Path.Combine(Path.GetTempPath(), $"marsad-topics-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = LinearTopicModel.Load(path);
            var p = loaded.Predict(null, "اللاعب يسجل هدفا في المباراة");
            Assert.Equal(TopicLabels.Sports, loaded.Labels[TopicTrainer.ArgMax(p)]);
            Assert.Equal(1.0, p.Sum(), 6);
            var q = loaded.Predict(null, "البنك يرفع الفائدة والدولار يتراجع");
            Assert.Equal(TopicLabels.Economy, loaded.Labels[TopicTrainer.ArgMax(q)]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Macro_f1_averages_gold_labels()
    {
        var report = ClassificationReport.From([("A", "A"), ("A", "B"), ("B", "B"), ("B", "B")]);
        Assert.Equal(0.75, report.Accuracy, 6);

        // A: P 1, R 0.5, F1 0.6667; B: P 2/3, R 1, F1 0.8 → macro 0.7333.
        Assert.Equal(0.7333, report.MacroF1, 4);
        Assert.Equal(1, report.Confusion[0][1]);
    }
}
