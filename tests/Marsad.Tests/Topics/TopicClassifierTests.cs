using System.Text.Json;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Text;
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
            Assert.Equal(model.Temperature, loaded.Temperature);
            Assert.Equal(model.ContentTemperature, loaded.ContentTemperature);
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
    public void The_annotator_reads_the_same_features_as_training()
    {
        // Train/serve parity: a model trained on corpus records must score an article read by the JSON Lines
        // reader and tokenised by the text layer (the pipeline's path) exactly as it scores the record.
        var records = new[]
        {
            new TopicRecord("s1", "outlet-a", TopicLabels.Sports, "المنتخب يفوز", "فاز المنتخب الوطني بالمباراة.\nوسجل المهاجم هدفين في الشوط الثاني."),
            new TopicRecord("e1", "outlet-a", TopicLabels.Economy, "النفط يرتفع", "ارتفعت أسعار النفط في الأسواق العالمية.\nوتراجع الدولار أمام اليورو."),
            new TopicRecord("s2", "outlet-b", TopicLabels.Sports, "فوز في الدوري", "سجل اللاعب هدف الفوز في الدوري."),
            new TopicRecord("e2", "outlet-b", TopicLabels.Economy, "البنك المركزي", "رفع البنك المركزي أسعار الفائدة لمواجهة التضخم."),
        };
        // The shipped recipe: outlet × stem and outlet × word features, plain and naive-Bayes-scaled runs mixed.
        var model = TopicTrainer.Train(records, records, new TopicTrainingOptions { HashBits = 14, Epochs = 3, SourceFeatures = true, SourceWords = true, Words = true, Idf = true, NaiveBayesRuns = 1 });
        var record = records[0];
        var line = JsonSerializer.Serialize(new { id = record.Id, source = record.Source, title = record.Title, text = record.Text });
        var article = ArticleReaders.ReadText("test.jsonl", line, new ReadOptions()).Single().Article!;
        var doc = new AnalyzedArticle(article);
        new TextAnnotator().Annotate(doc);
        new TopicAnnotator(model).Annotate(doc);

        var expected = model.Predict(record.Title, record.Text, record.Source);
        foreach (var topic in doc.Topics)
        {
            var i = model.Labels.ToList().IndexOf(topic.Label);
            Assert.Equal(Math.Round(expected[i], 4), topic.Score);
        }

        Assert.Equal(TopicLabels.Sports, doc.Topics[0].Label);
    }

    [Fact]
    public void A_final_model_keeps_the_given_mix_and_temperatures()
    {
        // Train + dev mode: no dev fit; the temperatures come from the train-only run, and the NB mix still classifies.
        var sports = new[] { "فاز الفريق بالمباراة وسجل اللاعب هدفين في الدوري", "سجل المهاجم هدف الفوز في المباراة النهائية للبطولة" };
        var economy = new[] { "ارتفعت أسعار النفط في الأسواق وتراجع الدولار أمام اليورو", "أعلن البنك المركزي رفع أسعار الفائدة لمواجهة التضخم" };
        var train = sports.Select((t, i) => new TopicRecord($"s{i}", null, TopicLabels.Sports, null, t))
            .Concat(economy.Select((t, i) => new TopicRecord($"e{i}", null, TopicLabels.Economy, null, t)))
            .ToList();
        var options = new TopicTrainingOptions { HashBits = 14, Epochs = 3, LearningRate = 2, Idf = true, NaiveBayesRuns = 1, Fixed = new FixedCalibration(0.4f, 0.3f, 1.25f, 0.8f) };
        var model = TopicTrainer.Train(train, train, options);
        Assert.Equal(1.25f, model.Temperature);
        Assert.Equal(0.8f, model.ContentTemperature);
        var p = model.Predict(null, "اللاعب يسجل هدفا في المباراة");
        Assert.Equal(TopicLabels.Sports, model.Labels[TopicTrainer.ArgMax(p)]);
    }

    [Fact]
    public void Naive_bayes_scale_favours_features_of_one_class()
    {
        // Bucket 1 occurs only in class 0 and bucket 3 only in class 1; bucket 2 equally in both, so it carries no
        // evidence (scale 0), nor does the unseen bucket 0; the class-specific buckets get more than the mean (1).
        SparseVector[] content = [new([1, 2], [0.5f, 0.5f]), new([1, 2], [0.5f, 0.5f]), new([2, 3], [0.5f, 0.5f]), new([2, 3], [0.5f, 0.5f])];
        SparseVector[] source = [new([], []), new([], []), new([], []), new([], [])];
        var scale = NaiveBayesScaling.Compute(content, source, [0, 0, 1, 1], classes: 2, buckets: 4, smoothing: 0.1);
        Assert.True(scale[(1 * 2) + 0] > 1f);
        Assert.True(scale[(3 * 2) + 1] > 1f);
        Assert.Equal(0f, scale[(2 * 2) + 0], 4);
        Assert.Equal(0f, scale[(0 * 2) + 0], 4);
    }

    [Fact]
    public void The_annotator_needs_the_text_layer()
    {
        TopicRecord[] records = [new("a", null, TopicLabels.Sports, null, "مباراة"), new("b", null, TopicLabels.Economy, null, "النفط")];
        var model = TopicTrainer.Train(records, records, new TopicTrainingOptions { HashBits = 12, Epochs = 1 });
        Assert.Contains(Layers.Tokens, new TopicAnnotator(model).Requires);
    }

    [Fact]
    public void Repeated_buckets_are_log_scaled_and_normalised()
    {
        var counter = new BucketCounter();
        foreach (var bucket in new[] { 7, 3, 7, 7, 900 })
        {
            counter.Add(bucket);
        }

        var indexes = new int[3];
        var values = new float[3];
        Assert.Equal(3, counter.Drain(indexes, values));
        var byBucket = indexes.Zip(values).ToDictionary(p => p.First, p => p.Second);

        // Raw values 1 + ln 3, 1, 1, then divided by their L2 norm.
        var raw = 1 + Math.Log(3);
        var norm = Math.Sqrt((raw * raw) + 2);
        Assert.Equal(raw / norm, byBucket[7], 5);
        Assert.Equal(1 / norm, byBucket[3], 5);
        Assert.Equal(1 / norm, byBucket[900], 5);
        Assert.Equal(0, counter.Distinct);
    }

    [Fact]
    public void The_bucket_counter_grows_past_its_first_table()
    {
        var counter = new BucketCounter();
        for (var i = 0; i < 10_000; i++)
        {
            counter.Add(i % 5_000);
        }

        var indexes = new int[5_000];
        var values = new float[5_000];
        Assert.Equal(5_000, counter.Drain(indexes, values));
        Assert.Equal(Enumerable.Range(0, 5_000), indexes.Order());
        Assert.All(values, v => Assert.Equal(values[0], v, 6));
    }

    [Fact]
    public void Place_names_are_read_through_their_clitics_by_region()
    {
        var doc = TopicDocuments.Prepare(new TopicRecord("p", null, string.Empty, null, "والعراق بطهران لندن السوريين للإسرائيليين المباراة"));
        var regions = doc.Tokens.Where(t => t.Kind == TokenKind.ArabicWord).Select(PlaceGazetteer.RegionOf).ToArray();
        Assert.Equal(
            [PlaceRegion.ArabWorld, PlaceRegion.MiddleEastNonArab, PlaceRegion.Elsewhere, PlaceRegion.ArabWorld, PlaceRegion.MiddleEastNonArab, PlaceRegion.None],
            regions);
    }

    [Fact]
    public void Place_features_are_fixed_indicators_after_the_words()
    {
        // Headline: an Arab-world place; lead: a place elsewhere (also the first of the body); half the places are near.
        var doc = TopicDocuments.Prepare(new TopicRecord("p", null, string.Empty, "قصف في دمشق", "قالت واشنطن إن الهجوم مدان."));
        var families = TopicFeatureFamilies.Stems | TopicFeatureFamilies.Places;
        var buffer = new TopicFeatureBuffer();
        new TopicFeatureExtractor(new TopicFeatureOptions(16, families)).Collect(doc, null, buffer);
        Assert.Equal(4, buffer.FixedCount);
        Assert.All(buffer.ContentValues[^4..].ToArray(), v => Assert.Equal(TopicFeatureBuffer.FixedValue, v));

        // The words alone keep norm 1; without the family there are no indicators.
        var words = buffer.ContentValues[..^4].ToArray();
        Assert.Equal(1.0, Math.Sqrt(words.Sum(v => (double)v * v)), 5);
        new TopicFeatureExtractor(new TopicFeatureOptions(16, TopicFeatureFamilies.Stems)).Collect(doc, null, buffer);
        Assert.Equal(0, buffer.FixedCount);
        Assert.Equal(words.Length, buffer.ContentCount);
    }

    [Fact]
    public void Training_reweights_features_as_the_annotator_weighs_them()
    {
        // Train/serve parity of the IDF weighting: the trainer extracts without IDF and reweights; the annotator's
        // extractor weighs while draining. The place indicators at the end must come out untouched in both.
        var doc = TopicDocuments.Prepare(new TopicRecord("p", null, string.Empty, "قصف في دمشق", "قالت واشنطن إن الهجوم على دمشق مدان وإن الهجوم لن يتكرر."));
        var idf = Enumerable.Range(0, 1 << 14).Select(i => 1f + (i % 7 * 0.25f)).ToArray(); // exact in half precision
        var families = TopicFeatureFamilies.Stems | TopicFeatureFamilies.Words | TopicFeatureFamilies.Places;
        var buffer = new TopicFeatureBuffer();
        new TopicFeatureExtractor(new TopicFeatureOptions(14, families)).Collect(doc, null, buffer);
        SparseVector[] trained = [buffer.Content()];
        TopicTrainer.Reweight(trained, idf);

        var served = new TopicFeatureExtractor(new TopicFeatureOptions(14, families | TopicFeatureFamilies.Idf), new IdfTable(idf, 0, 1));
        served.Collect(doc, null, buffer);
        Assert.Equal(buffer.ContentIndexes.ToArray(), trained[0].Indexes);
        for (var i = 0; i < buffer.ContentCount; i++)
        {
            Assert.Equal(buffer.ContentValues[i], trained[0].Values[i], 6);
        }

        // Headline: Arab world; lead: Arab world and elsewhere; first place of the body; share bin.
        Assert.Equal(5, buffer.FixedCount);
        Assert.All(trained[0].Values[^5..], v => Assert.Equal(TopicFeatureBuffer.FixedValue, v));
    }

    [Fact]
    public void Expected_calibration_error_weighs_each_bin_by_its_articles()
    {
        // Bin [0.9, 1]: confidence 0.95, accuracy 0.5; bin [0.5, 0.6): confidence 0.55, accuracy 1.
        // ECE = 0.5 × 0.45 + 0.5 × 0.45 = 0.45.
        var report = CalibrationReport.From([(0.95, true), (0.95, false), (0.55, true), (0.55, true)]);
        Assert.Equal(0.45, report.ExpectedCalibrationError, 6);
        Assert.Equal(2, report.Bins.Count);
        Assert.Equal(1.0, report.Bins.Single(b => b.Low == 0.5).Accuracy, 6);
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
