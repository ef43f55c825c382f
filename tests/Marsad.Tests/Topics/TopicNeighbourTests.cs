using System.IO.Compression;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Text;
using Marsad.Topics;

namespace Marsad.Tests.Topics;

public sealed class TopicNeighbourTests
{
    private static readonly TopicRecord[] Records =
    [
        new("s1", "outlet-a", TopicLabels.Sports, "المنتخب يفوز", "فاز المنتخب الوطني بالمباراة.\nوسجل المهاجم هدفين في الشوط الثاني."),
        new("e1", "outlet-a", TopicLabels.Economy, "النفط يرتفع", "ارتفعت أسعار النفط في الأسواق العالمية.\nوتراجع الدولار أمام اليورو."),
        new("s2", "outlet-b", TopicLabels.Sports, "فوز في الدوري", "سجل اللاعب هدف الفوز في الدوري."),
        new("e2", "outlet-b", TopicLabels.Economy, "البنك المركزي", "رفع البنك المركزي أسعار الفائدة لمواجهة التضخم."),
    ];

    private static LinearTopicModel Train(int neighbours) => TopicTrainer.Train(Records, Records, new TopicTrainingOptions
    {
        HashBits = 14, Epochs = 3, SourceFeatures = true, SourceWords = true, Words = true, Idf = true, NaiveBayesRuns = 1,
        Neighbours = neighbours, NeighbourQueryFeatures = 100, NeighbourIndexFeatures = 200,
    });

    [Fact]
    public void A_training_article_is_its_own_nearest_neighbour()
    {
        // Train/serve parity of the index: the stored vector of a training record and the annotator's features of the
        // same record are one vector (cosine 1), so with k = 1 the vote is the record's own label.
        var model = Train(neighbours: 1);
        var index = model.Neighbours!;
        Assert.Equal(Records.Length, index.Articles);
        for (var i = 0; i < Records.Length; i++)
        {
            var buffer = TopicFeatureExtractor.ThreadBuffer;
            model.Extractor.Collect(TopicDocuments.Prepare(Records[i]), null, buffer);
            var votes = new double[model.Labels.Count];
            index.Vote(buffer.ContentIndexes, buffer.ContentValues, votes);
            Assert.Equal(1.0, votes[model.Labels.ToList().IndexOf(Records[i].Label)]);
        }
    }

    [Fact]
    public void The_index_is_saved_with_the_model_and_scores_the_same_after_loading()
    {
        var model = Train(neighbours: 2);
        var path = Path.Combine(Path.GetTempPath(), $"marsad-topics-knn-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = LinearTopicModel.Load(path);
            Assert.Equal(model.NeighbourSettings, loaded.NeighbourSettings);
            Assert.Equal(model.Neighbours!.Postings, loaded.Neighbours!.Postings);
            foreach (var record in Records)
            {
                Assert.Equal(model.Predict(record.Title, record.Text, record.Source), loaded.Predict(record.Title, record.Text, record.Source));
                Assert.Equal(model.Predict(record.Title, record.Text), loaded.Predict(record.Title, record.Text));
            }

            var p = loaded.Predict(null, "اللاعب يسجل هدفا في المباراة");
            Assert.Equal(1.0, p.Sum(), 6);
            Assert.Equal(TopicLabels.Sports, loaded.Labels[TopicTrainer.ArgMax(p)]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_with_the_older_article_major_index_loads_as_the_same_model_and_converts_exactly()
    {
        var model = Train(neighbours: 2);
        var legacy = TempPath();
        var current = TempPath();
        var converted = TempPath();
        try
        {
            model.Save(legacy, articleMajorIndex: true);
            model.Save(current);
            Assert.Equal("MRSDTOP3", Magic(legacy));
            Assert.Equal("MRSDTOP4", Magic(current));
            var loaded = LinearTopicModel.Load(legacy);
            foreach (var record in Records)
            {
                Assert.Equal(model.Predict(record.Title, record.Text, record.Source), loaded.Predict(record.Title, record.Text, record.Source));
            }

            loaded.Save(converted);
            Assert.Equal(File.ReadAllBytes(current), File.ReadAllBytes(converted));
        }
        finally
        {
            File.Delete(legacy);
            File.Delete(current);
            File.Delete(converted);
        }
    }

    [Theory]
    [InlineData("value out of range")]
    [InlineData("article out of range")]
    [InlineData("bucket sizes")]
    [InlineData("truncated")]
    [InlineData("trailing byte")]
    public void A_corrupted_index_is_a_bad_model_error_naming_the_file(string damage)
    {
        var model = Train(neighbours: 2);
        var path = TempPath();
        try
        {
            model.Save(path);
            var bytes = Decompress(path);
            var postings = model.Neighbours!.Postings;
            switch (damage)
            {
                case "value out of range": // the last posting (the file's last 32-bit word, little-endian): value bits 0x3FFF > 1
                    bytes[^4] = 0xFF;
                    bytes[^3] |= 0x3F;
                    break;
                case "article out of range": // the last posting's article (its high bits) beyond the indexed articles
                    bytes[^1] = 0xFF;
                    break;
                case "bucket sizes": // the posting count (after the labels) one more than the buckets hold
                    var count = BitConverter.GetBytes(postings + 1);
                    var at = FindPostingCount(bytes, model, postings);
                    count.CopyTo(bytes, at);
                    break;
                case "truncated":
                    Array.Resize(ref bytes, bytes.Length - 3);
                    break;
                default:
                    Array.Resize(ref bytes, bytes.Length + 1);
                    break;
            }

            Compress(path, bytes);
            var error = Assert.Throws<MarsadException>(() => LinearTopicModel.Load(path));
            Assert.Equal(ErrorCodes.BadModel, error.Code);
            Assert.Equal(path, error.Input);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string TempPath() => Path.Combine(Path.GetTempPath(), $"marsad-topics-knn-{Guid.NewGuid():N}.bin");

    private static string Magic(string path)
    {
        using var r = new BinaryReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        return r.ReadString();
    }

    private static byte[] Decompress(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void Compress(string path, byte[] bytes)
    {
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(bytes);
    }

    /// <summary>The offset of the index's posting count: right after its labels, one byte per indexed article.</summary>
    private static int FindPostingCount(byte[] bytes, LinearTopicModel model, int postings)
    {
        var articles = model.Neighbours!.Articles;
        for (var at = bytes.Length - (4 * postings) - 4; at >= articles + 4; at--)
        {
            if (BitConverter.ToInt32(bytes, at) == postings && BitConverter.ToInt32(bytes, at - articles - 4) == articles)
            {
                return at;
            }
        }

        throw new InvalidOperationException("posting count not found");
    }

    [Fact]
    public void The_annotator_scores_an_article_as_its_record_with_the_neighbour_vote()
    {
        var model = Train(neighbours: 2);
        var record = Records[1];
        var line = JsonSerializer.Serialize(new { id = record.Id, source = record.Source, title = record.Title, text = record.Text });
        var doc = new AnalyzedArticle(ArticleReaders.ReadText("test.jsonl", line, new ReadOptions()).Single().Article!);
        new TextAnnotator().Annotate(doc);
        new TopicAnnotator(model).Annotate(doc);
        var expected = model.Predict(record.Title, record.Text, record.Source);
        foreach (var topic in doc.Topics)
        {
            Assert.Equal(Math.Round(expected[model.Labels.ToList().IndexOf(topic.Label)], 4), topic.Score);
        }
    }

    [Fact]
    public void Truncation_keeps_the_largest_features_lower_bucket_first_and_normalises()
    {
        var (buckets, values) = TopicNeighbourIndex.Truncate([9, 4, 7, 2, 5], [0.1f, 0.5f, 0.3f, 0.3f, 0.2f], top: 3);
        Assert.Equal([4, 2, 7], buckets);
        var norm = MathF.Sqrt((0.5f * 0.5f) + (0.3f * 0.3f) + (0.3f * 0.3f));
        Assert.Equal((float)(Half)(0.5f / norm), values[0]); // stored as half floats
        Assert.Equal((float)(Half)(0.3f / norm), values[1]);
    }

    [Fact]
    public void The_vote_sums_the_similarities_of_the_k_nearest_by_label()
    {
        // Three indexed articles: label 0 on bucket 1, label 1 on buckets 1 and 2, label 1 on bucket 3 (never shared).
        SparseVector[] indexed = [new([1], [1f]), new([1, 2], [0.6f, 0.8f]), new([3], [1f])];
        var index = TopicNeighbourIndex.Build(new TopicNeighbourSettings(2, 0.3f, 10, 10, 1f, 1f), buckets: 8, indexed, [0, 1, 1]);
        var votes = new double[2];
        index.Vote([1, 2], [0.8f, 0.6f], votes); // cosines 0.8 (article 0) and 0.48 + 0.48 = 0.96 (article 1)
        Assert.Equal(0.8 / 1.76, votes[0], 2);
        Assert.Equal(0.96 / 1.76, votes[1], 2);

        index.With(index.Settings with { Neighbours = 1 }).Vote([1, 2], [0.8f, 0.6f], votes);
        Assert.Equal([0.0, 1.0], votes);

        index.Vote([1, 2], [0.8f, 0.6f], votes, exclude: 1); // article 1 left out (a dev article that is also indexed)
        Assert.Equal([1.0, 0.0], votes);

        index.Vote([5], [1f], votes); // no shared feature: uniform
        Assert.Equal([0.5, 0.5], votes);
    }
}
