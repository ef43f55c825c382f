using Marsad.Entities;
using Marsad.Entities.Features;
using Marsad.Entities.Training;

namespace Marsad.Tests.Entities.Ner;

/// <summary>Word vectors in the lexicon and the dense features built on them.</summary>
public sealed class NerDenseFeaturesTests
{
    private const int Dimensions = 8;

    [Fact]
    public void LoadTimeTableGivesTheScoresOfTheDirectComputation()
    {
        var lexicon = Lexicon();
        var random = new Random(3);
        var weights = Enumerable.Range(0, NerDenseFeatures.WeightCount(1, Dimensions)).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var dense = new NerDenseFeatures(1, Dimensions, 2f, weights);
        int[] rows = [0, 2, -1, 1, 3];
        var direct = new float[rows.Length * NerTags.Count];
        var fromTable = new float[rows.Length * NerTags.Count];

        NerDenseFeatures.AddEmissions(Vectors(lexicon, rows), Dimensions, rows.Length, 1, 2f, weights, direct);
        dense.AddEmissions(dense.Project(lexicon), rows, rows.Length, fromTable);

        for (var k = 0; k < direct.Length; k++)
        {
            Assert.Equal(direct[k], fromTable[k], 4);
        }

        // A word without a vector (row 3 lies past the vectors, -1 is unknown) adds nothing of its own:
        // token 4 sees only its left neighbour (row 1), through the weights of position "one to the left".
        var left = lexicon.VectorOf(1).ToArray();
        for (var t = 0; t < NerTags.Count; t++)
        {
            var expected = 2f * left.Select((x, d) => x * weights[(t * Dimensions) + d]).Sum();
            Assert.Equal(expected, direct[(4 * NerTags.Count) + t], 4);
        }
    }

    [Fact]
    public void HiddenTokensDoNotSeeTheirOwnVector()
    {
        var lexicon = Lexicon();
        var weights = new float[NerDenseFeatures.WeightCount(0, Dimensions)];
        Array.Fill(weights, 1f);
        int[] rows = [0, 1];
        var emissions = new float[2 * NerTags.Count];

        NerDenseFeatures.AddEmissions(Vectors(lexicon, rows), Dimensions, 2, 0, 1f, weights, emissions, [true, false]);

        Assert.All(emissions.AsSpan(0, NerTags.Count).ToArray(), x => Assert.Equal(0f, x));
        Assert.All(emissions.AsSpan(NerTags.Count).ToArray(), x => Assert.NotEqual(0f, x));
    }

    [Fact]
    public void LexiconVectorsSurviveTheFileRoundTrip()
    {
        var lexicon = Lexicon();
        var path = Path.Combine(Path.GetTempPath(), $"marsad-ner-lexicon-{Guid.NewGuid():N}.bin.gz");
        try
        {
            NerLexiconFile.Save(lexicon, path);
            var loaded = NerLexiconFile.Load(path);
            Assert.Equal(lexicon.VectorDimensions, loaded.VectorDimensions);
            Assert.Equal(lexicon.VectorCount, loaded.VectorCount);
            for (var r = 0; r < lexicon.VectorCount; r++)
            {
                Assert.Equal(lexicon.VectorOf(r).ToArray(), loaded.VectorOf(r).ToArray());
            }

            Assert.True(loaded.VectorOf(3).IsEmpty);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ModelWithWordVectorsSavesAndTagsIdentically()
    {
        var lexicon = Lexicon();
        var extractor = new NerFeatureExtractor(lexicon, new NerGazetteer([], new Dictionary<string, ushort>()), NerFeatureGroups.All);
        var model = new NerTrainer { MaxEpochs = 5, Patience = 5, ChooseOutsideBias = false }.Train(extractor, NerTrainingTests.ToyCorpus, []);
        Assert.NotNull(model.Dense);
        Assert.Contains(model.Dense!.Weights, w => w != 0);
        var path = Path.Combine(Path.GetTempPath(), $"marsad-ner-{Guid.NewGuid():N}.model.gz");
        try
        {
            model.Save(path);
            var loaded = NerModel.Load(path);
            Assert.NotNull(loaded.Dense);
            Assert.Equal(model.Dense.Weights, loaded.Dense!.Weights);
            foreach (var sentence in NerTrainingTests.ToyCorpus)
            {
                Assert.Equal(model.Tag(sentence.Tokens), loaded.Tag(sentence.Tokens));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The tokens' vectors as training reads them: n × dimensions, zeros for a word without one.</summary>
    private static float[] Vectors(NerLexicon lexicon, int[] rows)
    {
        var vectors = new float[rows.Length * Dimensions];
        for (var i = 0; i < rows.Length; i++)
        {
            lexicon.VectorOf(rows[i]).CopyTo(vectors.AsSpan(i * Dimensions, Dimensions));
        }

        return vectors;
    }

    /// <summary>Four words, the first three with (made-up) unit vectors: two city-like, one person-like.</summary>
    private static NerLexicon Lexicon()
    {
        float[][] vectors =
        [
            [0.6f, 0.8f, 0, 0, 0, 0, 0, 0],
            [0.8f, 0.6f, 0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0.5f, 0.5f, 0.5f, 0.5f],
        ];
        return new NerLexicon(["القاهره", "دمشق", "سمير", "بيروت"], [50, 40, 30, 2], [], [], vectors.SelectMany(v => v).ToArray(), Dimensions);
    }
}
