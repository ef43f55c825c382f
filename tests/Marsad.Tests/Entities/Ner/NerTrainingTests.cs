using Marsad.Entities;
using Marsad.Entities.Features;
using Marsad.Entities.Training;

namespace Marsad.Tests.Entities.Ner;

/// <summary>Training on a small hand-written corpus, and the model file round-trip.</summary>
public sealed class NerTrainingTests
{
    private static readonly NerSentence[] Toy =
    [
        S("زار|O محمد|B-PER العلي|I-PER القاهرة|B-LOC امس|O"),
        S("وقال|O الرئيس|O سمير|B-PER الحسن|I-PER ان|O بيروت|B-LOC مدينة|O جميلة|O"),
        S("اعلنت|O شركة|O النور|B-ORG للطاقة|I-ORG عن|O ارباح|O جديدة|O"),
        S("وصل|O الوزير|O خالد|B-PER الاحمد|I-PER الى|O دمشق|B-LOC"),
        S("قالت|O منظمة|B-ORG الصحة|I-ORG العالمية|I-ORG ان|O الوضع|O خطير|O"),
        S("فاز|O فريق|O الامل|B-ORG على|O النجم|B-ORG في|O كاس|B-MISC العرب|I-MISC"),
        S("زار|O سمير|B-PER الحسن|I-PER دمشق|B-LOC وبيروت|B-LOC"),
        S("اجتمع|O محمد|B-PER العلي|I-PER مع|O وفد|O شركة|O النور|B-ORG للطاقة|I-ORG"),
    ];

    /// <summary>The hand-written training sentences.</summary>
    internal static IReadOnlyList<NerSentence> ToyCorpus => Toy;

    [Fact]
    public void PerceptronLearnsTheToyCorpus()
    {
        var model = Train(Toy);
        foreach (var sentence in Toy)
        {
            Assert.Equal(sentence.Tags, model.Tag(sentence.Tokens));
        }
    }

    [Fact]
    public void KnownNamesAreFoundInANewSentence()
    {
        var model = Train(Toy);
        var tags = model.Tag(["وقال", "خالد", "الاحمد", "في", "القاهرة"]);
        Assert.Equal(["O", "B-PER", "I-PER", "O", "B-LOC"], tags);
    }

    [Fact]
    public void SavedModelLoadsAndTagsIdentically()
    {
        var model = Train(Toy);
        var path = Path.Combine(Path.GetTempPath(), $"marsad-ner-{Guid.NewGuid():N}.model.gz");
        try
        {
            model.Save(path);
            var loaded = NerModel.Load(path);
            Assert.Equal(model.FeatureCount, loaded.FeatureCount);
            Assert.Equal(model.Extractor.Groups, loaded.Extractor.Groups);
            Assert.Equal(model.Extractor.Gazetteer.Count, loaded.Extractor.Gazetteer.Count);
            Assert.Equal(model.Extractor.Lexicon.Count, loaded.Extractor.Lexicon.Count);
            foreach (var sentence in Toy.Append(S("زار|O خالد|O الى|O بيروت|O")))
            {
                Assert.Equal(model.Tag(sentence.Tokens), loaded.Tag(sentence.Tokens));
            }

            // The loaded weights (read into the weight table) are saved back in the file's order, byte for byte.
            loaded.Save(path + ".again");
            Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(path + ".again"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".again");
        }
    }

    [Fact]
    public void LoadingAFileThatIsNotAModelFailsWithBadModel()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a model");
            var error = Assert.Throws<Marsad.Errors.MarsadException>(() => NerModel.Load(path));
            Assert.Equal(Marsad.Errors.ErrorCodes.BadModel, error.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("negative feature count")]
    [InlineData("huge feature count")]
    [InlineData("duplicate feature key")]
    public void ACorruptFeatureTableFailsWithBadModelNamingTheFile(string corruption)
    {
        // A model with known keys, so that the test can find them (and the count before them) in the file.
        var lexicon = new NerLexicon(["القاهره"], [50], [], []);
        var extractor = new NerFeatureExtractor(lexicon, NerGazetteer.Empty, NerFeatureGroups.All);
        ulong[] keys = [0x1111_2222_3333_4444, 0x5555_6666_7777_8888, 0x9999_AAAA_BBBB_CCCC];
        var model = new NerModel(extractor, keys, new float[keys.Length * NerWeightTable.Tags], new float[(NerWeightTable.Tags + 1) * NerWeightTable.Tags]);
        var path = Path.Combine(Path.GetTempPath(), $"marsad-ner-{Guid.NewGuid():N}.model.gz");
        try
        {
            model.Save(path);
            var bytes = Gunzip(File.ReadAllBytes(path));
            var first = bytes.AsSpan().IndexOf(BitConverter.GetBytes(keys[0]));
            Assert.True(first >= 4);
            Assert.Equal(keys.Length, BitConverter.ToInt32(bytes, first - 4));
            switch (corruption)
            {
                case "negative feature count":
                    BitConverter.GetBytes(-5).CopyTo(bytes, first - 4);
                    break;
                case "huge feature count":
                    BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, first - 4);
                    break;
                default:
                    BitConverter.GetBytes(keys[0]).CopyTo(bytes, first + 8);
                    break;
            }

            File.WriteAllBytes(path, Gzip(bytes));
            var error = Assert.Throws<Marsad.Errors.MarsadException>(() => NerModel.Load(path));
            Assert.Equal(Marsad.Errors.ErrorCodes.BadModel, error.Code);
            Assert.Equal(path, error.Input);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ScorerOnTaggerOutputOfTrainingDataIsPerfect()
    {
        var model = Train(Toy);
        var result = NerEvaluation.Run(model, Toy, documentSentences: 0);
        Assert.Equal(100.0, result.Scores.Overall.F1, 6);
        Assert.Equal(Toy.Sum(s => NerSpan.FromTags(s.Tags).Count), result.Scores.Overall.Gold);
    }

    [Fact]
    public void TheOutsidePenaltyMovesTokensOutOfO()
    {
        var model = Train(Toy);
        string[] tokens = ["وقال", "خالد", "الاحمد", "في", "القاهرة"];
        Assert.Equal(model.Tag(tokens), model.WithOutsideBias(model.OutsideBias).Tag(tokens));

        // A penalty far above any weight leaves no token O; a large bonus (negative penalty) leaves every token O.
        Assert.DoesNotContain("O", model.WithOutsideBias(1e4f).Tag(tokens));
        Assert.All(model.WithOutsideBias(-1e4f).Tag(tokens), tag => Assert.Equal("O", tag));
    }

    internal static NerModel Train(IReadOnlyList<NerSentence> sentences)
    {
        var lexicon = new NerLexicon(["القاهره", "دمشق", "بيروت"], [50, 40, 30], [], []);
        var gazetteer = new NerGazetteer(["city"], new Dictionary<string, ushort> { ["القاهره"] = 1, ["دمشق"] = 1 });
        var extractor = new NerFeatureExtractor(lexicon, gazetteer, NerFeatureGroups.All);
        return new NerTrainer { MaxEpochs = 10, Patience = 10, ChooseOutsideBias = false }.Train(extractor, sentences, []);
    }

    private static byte[] Gunzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress))
        {
            gzip.CopyTo(output);
        }

        return output.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static NerSentence S(string text)
    {
        var pairs = text.Split(' ').Select(p => p.Split('|')).ToArray();
        return new NerSentence(pairs.Select(p => p[0]).ToArray(), pairs.Select(p => p[1]).ToArray());
    }
}
