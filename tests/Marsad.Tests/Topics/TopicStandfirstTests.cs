using Marsad.Errors;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Topics;

namespace Marsad.Tests.Topics;

public sealed class TopicStandfirstTests
{
    private const string Body = "فاز المنتخب الوطني بالمباراة النهائية، وسجل المهاجم هدفين في الشوط الثاني.\nواحتفل الجمهور في الشوارع.";

    [Fact]
    public void A_standfirst_that_repeats_the_opening_adds_nothing() =>
        // Spacing and punctuation differ, and the feed cut the last word: still the body's first sentence.
        Assert.Null(TopicStandfirst.ExtraText("فاز المنتخب الوطني  بالمباراة النهائية وسجل المها", Body));

    [Fact]
    public void A_separate_standfirst_is_extra_text() =>
        Assert.Equal("تتويج تاريخي للمنتخب بعد غياب طويل", TopicStandfirst.ExtraText("  تتويج تاريخي للمنتخب بعد غياب طويل ", Body));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ...  ")]
    public void An_empty_standfirst_is_no_text(string? standfirst) => Assert.Null(TopicStandfirst.ExtraText(standfirst, Body));

    [Fact]
    public void Only_the_opening_of_the_body_is_searched()
    {
        var late = string.Concat(Enumerable.Repeat("خبر آخر عن الطقس. ", 60)) + "تتويج تاريخي للمنتخب بعد غياب طويل";
        Assert.NotNull(TopicStandfirst.ExtraText("تتويج تاريخي للمنتخب بعد غياب طويل", late));
    }

    [Fact]
    public void Prepare_reads_the_standfirst_as_the_first_paragraph_only_when_asked()
    {
        var record = new TopicRecord("s", null, TopicLabels.Sports, "عنوان", Body, "تتويج تاريخي للمنتخب بعد غياب طويل");
        var without = TopicDocuments.Prepare(record);
        var with = TopicDocuments.Prepare(record, standfirst: true);
        Assert.Equal(2, without.Article.Paragraphs.Count);
        Assert.Equal(["تتويج تاريخي للمنتخب بعد غياب طويل", .. without.Article.Paragraphs], with.Article.Paragraphs);
        Assert.True(with.Tokens.Count > without.Tokens.Count);

        var copied = record with { Standfirst = "فاز المنتخب الوطني بالمباراة النهائية" };
        Assert.Equal(without.Article.Paragraphs, TopicDocuments.Prepare(copied, standfirst: true).Article.Paragraphs);
    }

    [Fact]
    public void A_model_trained_with_the_standfirst_reads_it_after_loading()
    {
        TopicRecord[] records =
        [
            new("s1", null, TopicLabels.Sports, null, "سجل اللاعب هدف الفوز في الدوري.", "المنتخب يتأهل إلى كأس العالم"),
            new("s2", null, TopicLabels.Sports, null, "فاز الفريق بالمباراة النهائية.", "الجمهور يحتفل بالبطولة"),
            new("e1", null, TopicLabels.Economy, null, "ارتفعت أسعار النفط في الأسواق.", "البنك المركزي يرفع الفائدة"),
            new("e2", null, TopicLabels.Economy, null, "تراجع الدولار أمام اليورو.", "التضخم يضغط على الأسواق"),
        ];
        var model = TopicTrainer.Train(records, records, new TopicTrainingOptions { HashBits = 14, Epochs = 3, Standfirst = true });
        var path = Path.Combine(Path.GetTempPath(), $"marsad-topics-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = LinearTopicModel.Load(path);
            Assert.True(TopicStandfirst.IsReadBy(loaded.Options));
            var gold = new[] { records[0] with { Text = "خبر قصير." } };
            var withStandfirst = Score(loaded, gold[0]);
            var withoutStandfirst = Score(loaded, gold[0] with { Standfirst = null });
            Assert.NotEqual(withStandfirst, withoutStandfirst);
            // `eval topics` prepares the gold records as the model was trained (its stored flag).
            var evaluated = double.NaN;
            TopicEvaluation.Evaluate(loaded, gold, onPrediction: (_, scores) => evaluated = scores.Single(s => s.Label == TopicLabels.Sports).Score);
            Assert.Equal(Math.Round(withStandfirst, 4), evaluated);
        }
        finally
        {
            File.Delete(path);
        }

        static double Score(LinearTopicModel model, TopicRecord record) =>
            model.Predict(TopicDocuments.Prepare(record, TopicStandfirst.IsReadBy(model.Options)))[model.Labels.ToList().IndexOf(TopicLabels.Sports)];
    }

    [Fact]
    public void The_pipeline_refuses_a_model_that_needs_the_standfirst()
    {
        // Train/serve parity: the pipeline's articles carry no standfirst, so such a model must not be served.
        TopicRecord[] records = [new("a", null, TopicLabels.Sports, null, "مباراة", "الدوري"), new("b", null, TopicLabels.Economy, null, "النفط", "الأسواق")];
        var folder = Path.Combine(Path.GetTempPath(), $"marsad-models-{Guid.NewGuid():N}");
        try
        {
            var models = MarsadModels.Locate(folder);
            TopicTrainer.Train(records, records, new TopicTrainingOptions { HashBits = 12, Epochs = 1, Standfirst = true }).Save(models.PathOf(TopicAnnotator.ModelFile));
            var error = Assert.Throws<MarsadException>(() => TopicAnnotator.Load(models));
            Assert.Contains("--standfirst", error.Message);

            TopicTrainer.Train(records, records, new TopicTrainingOptions { HashBits = 12, Epochs = 1 }).Save(models.PathOf(TopicAnnotator.ModelFile));
            Assert.NotNull(TopicAnnotator.Load(models));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_measuring_harnesses_refuse_a_model_that_needs_the_standfirst()
    {
        // They prepare articles without the standfirst, so such a model would be scored on other features.
        TopicRecord[] records = [new("a", null, TopicLabels.Sports, null, "مباراة", "الدوري"), new("b", null, TopicLabels.Economy, null, "النفط", "الأسواق")];
        var reads = TopicTrainer.Train(records, records, new TopicTrainingOptions { HashBits = 12, Epochs = 1, Standfirst = true });
        var error = Assert.Throws<MarsadException>(() => TopicStandfirst.RefuseWithoutStandfirst(reads, "m.bin", "the measuring harnesses do not read"));
        Assert.Equal(ErrorCodes.BadModel, error.Code);
        Assert.Equal("m.bin", error.Input);

        var plain = TopicTrainer.Train(records, records, new TopicTrainingOptions { HashBits = 12, Epochs = 1 });
        Assert.Same(plain, TopicStandfirst.RefuseWithoutStandfirst(plain, "m.bin", "the measuring harnesses do not read"));
    }
}
