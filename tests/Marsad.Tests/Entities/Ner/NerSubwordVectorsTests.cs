using Marsad.Entities;
using Marsad.Entities.Features;
using Marsad.Entities.Training;

namespace Marsad.Tests.Entities.Ner;

/// <summary>Vectors composed from character n-grams for words without one (the opt-in subwords group).</summary>
public sealed class NerSubwordVectorsTests
{
    private const int Dimensions = 8;

    [Fact]
    public void FittedNgramsReproduceTheWordVectorsAndReachUnseenForms()
    {
        var lexicon = Lexicon();
        var subwords = NerSubwordVectors.Fit(lexicon, buckets: 4096, epochs: 30);
        var composed = new float[Dimensions];
        for (var r = 0; r < lexicon.VectorCount; r++)
        {
            Assert.True(subwords.Compose(lexicon.WordOf(r), composed));
            Assert.True(Cosine(composed, lexicon.VectorOf(r).ToArray()) > 0.8, lexicon.WordOf(r));
        }

        // An unseen word that shares most n-grams with a city lands in the cities' cluster.
        Assert.True(subwords.Compose("القاهرية", composed));
        Assert.Equal(lexicon.ClusterOf(0, 0), subwords.NearestCluster(composed, 0));
        Assert.False(subwords.Compose("ب", composed));
    }

    [Fact]
    public void ModelWithSubwordVectorsSavesAndTagsIdentically()
    {
        var lexicon = Lexicon();
        var subwords = NerSubwordVectors.Fit(lexicon, buckets: 4096);
        var extractor = new NerFeatureExtractor(lexicon, NerGazetteer.Empty, NerFeatureGroups.All | NerFeatureGroups.Subwords, subwords);
        var model = new NerTrainer { MaxEpochs = 5, Patience = 5, ChooseOutsideBias = false }.Train(extractor, NerTrainingTests.ToyCorpus, []);
        var path = Path.Combine(Path.GetTempPath(), $"marsad-ner-{Guid.NewGuid():N}.model.gz");
        try
        {
            model.Save(path);
            var loaded = NerModel.Load(path);
            Assert.NotNull(loaded.Extractor.Subwords);
            string[] unseen = ["وصل", "سميرة", "الى", "القاهرية"];
            Assert.Equal(model.Tag(unseen), loaded.Tag(unseen));
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

    private static double Cosine(float[] a, float[] b) =>
        a.Zip(b, (x, y) => (double)x * y).Sum() / Math.Sqrt(a.Sum(x => (double)x * x) * b.Sum(x => (double)x * x));

    /// <summary>Six words with made-up unit vectors and one level of two clusters: cities and person names.</summary>
    private static NerLexicon Lexicon()
    {
        float[][] vectors =
        [
            [0.6f, 0.8f, 0, 0, 0, 0, 0, 0],
            [0.8f, 0.6f, 0, 0, 0, 0, 0, 0],
            [0.7f, 0.7f, 0.1f, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0.5f, 0.5f, 0.5f, 0.5f],
            [0, 0, 0, 0.1f, 0.6f, 0.4f, 0.5f, 0.5f],
            [0, 0, 0, 0, 0.4f, 0.6f, 0.5f, 0.5f],
        ];
        string[] words = ["القاهره", "دمشق", "بيروت", "سمير", "خالد", "محمد"];
        short[][] clusters = [[0, 0, 0, 1, 1, 1]];
        return new NerLexicon(words, [50, 40, 30, 30, 20, 20], [2], clusters, vectors.SelectMany(v => v).ToArray(), Dimensions);
    }
}
