using Marsad.Entities;
using Marsad.Entities.Features;
using Marsad.Entities.Neural;
using Marsad.Entities.Training;

namespace Marsad.Tests.Entities.Ner;

/// <summary>The BiLSTM-CRF layer: backpropagation against finite differences, and a tiny network learning a tiny corpus.</summary>
public sealed class NerNeuralTests
{
    private const int T = 9;

    [Fact]
    public void GradientMatchesFiniteDifferences()
    {
        var shape = new NerNeuralShape(WordDimensions: 4, NgramBuckets: 8, NgramDimensions: 3, CategoryCount: 5, CategoryDimensions: 2, Hidden: 3);
        var random = new Random(11);
        var network = NerNeuralNetwork.Create(shape, random);
        // Non-zero transitions and output biases, so that their gradients are exercised too.
        for (var k = shape.OutputBiasAt; k < shape.ParameterCount; k++)
        {
            network.Parameters[k] = (float)((random.NextDouble() * 2) - 1);
        }

        var sentence = new NerNeuralSentence(4, shape.WordDimensions);
        sentence.SetNgrams([0, 3, 5, 1, 1, 7, 2, 6]);
        sentence.SetCategories([0, 2, 1, 4, 3, 0]);
        int[] ngramOffsets = [0, 3, 4, 6, 8];
        int[] categoryOffsets = [0, 2, 3, 5, 6];
        ngramOffsets.CopyTo(sentence.NgramOffsets, 0);
        categoryOffsets.CopyTo(sentence.CategoryOffsets, 0);
        for (var i = 0; i < sentence.Words.Length; i++)
        {
            sentence.Words[i] = (float)((random.NextDouble() * 2) - 1);
        }

        sentence.Known[0] = sentence.Known[1] = sentence.Known[3] = true; // token 2 uses the unknown vector
        int[] gold = [NerTags.Begin(0), NerTags.Inside(0), NerTags.O, NerTags.Begin(1)];

        var analytic = new float[shape.ParameterCount];
        network.Gradient(sentence, gold, analytic);

        const float step = 1e-2f;
        var checkedCount = 0;
        for (var k = 0; k < shape.ParameterCount; k++)
        {
            var saved = network.Parameters[k];
            network.Parameters[k] = saved + step;
            var up = network.Gradient(sentence, gold, new float[shape.ParameterCount]);
            network.Parameters[k] = saved - step;
            var down = network.Gradient(sentence, gold, new float[shape.ParameterCount]);
            network.Parameters[k] = saved;
            var numeric = (up - down) / (2 * step);
            Assert.True(Math.Abs(numeric - analytic[k]) <= 2e-3 + (0.02 * Math.Abs(numeric)), $"parameter {k}: numeric {numeric:G5}, backprop {analytic[k]:G5}");
            checkedCount += analytic[k] != 0 ? 1 : 0;
        }

        // Most parameters take part (unused n-gram and category rows, and unreachable I- transitions, do not).
        Assert.True(checkedCount > shape.ParameterCount / 2, $"{checkedCount} non-zero gradients of {shape.ParameterCount}");
    }

    [Fact]
    public void TinyNetworkOverfitsTheToyCorpus()
    {
        var extractor = new NerFeatureExtractor(NerLexicon.Empty, NerGazetteer.Empty, NerFeatureGroups.All);
        var inputs = new NerNeuralInputs(extractor, ngramBuckets: 512);
        var buffer = new NerFeatureBuffer();
        var corpus = NerTrainingTests.ToyCorpus.Select(s =>
        {
            extractor.Extract(NerTokenSpans.FromTokens(s.Tokens), buffer);
            return (Inputs: inputs.Build(buffer, s.Tokens.Count), Gold: s.Tags.Select(t => NerTags.Parse(t)!.Value).ToArray());
        }).ToList();
        var shape = new NerNeuralShape(inputs.WordDimensions, inputs.NgramBuckets, 8, inputs.CategoryCount, 4, Hidden: 8);
        var network = NerNeuralNetwork.Create(shape, new Random(3));
        var adam = new NerAdam(shape.ParameterCount, rate: 0.02f, clip: 5f);
        var gradient = new float[shape.ParameterCount];
        double firstLoss = 0, lastLoss = 0;
        for (var epoch = 0; epoch < 60; epoch++)
        {
            Array.Clear(gradient);
            var loss = corpus.Sum(s => network.Gradient(s.Inputs, s.Gold, gradient));
            adam.Step(network.Parameters, gradient);
            firstLoss = epoch == 0 ? loss : firstLoss;
            lastLoss = loss;
        }

        Assert.True(lastLoss < firstLoss / 20, $"loss {firstLoss:F3} → {lastLoss:F3}");
        foreach (var (sentence, gold) in corpus)
        {
            var emissions = new float[sentence.Count * T];
            network.Emissions(sentence, emissions);
            var tags = new int[sentence.Count];
            NerViterbi.Decode(emissions, network.Transitions, sentence.Count, tags);
            Assert.Equal(gold, tags);
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(16)] // a multiple of the vector width: the vector path of the gates, not only the scalar lanes
    public void ProjectedInferenceGivesTheSameScores(int hidden)
    {
        var extractor = new NerFeatureExtractor(NerLexicon.Empty, NerGazetteer.Empty, NerFeatureGroups.All);
        var inputs = new NerNeuralInputs(extractor, ngramBuckets: 64);
        var shape = new NerNeuralShape(inputs.WordDimensions, inputs.NgramBuckets, 5, inputs.CategoryCount, 3, Hidden: hidden);
        var network = NerNeuralNetwork.Create(shape, new Random(9));
        var projections = new NerNeuralProjections(network, inputs);
        var buffer = new NerFeatureBuffer();
        foreach (var s in NerTrainingTests.ToyCorpus)
        {
            extractor.Extract(NerTokenSpans.FromTokens(s.Tokens), buffer);
            var sentence = inputs.Build(buffer, s.Tokens.Count);
            var plain = new float[sentence.Count * T];
            var projected = new float[sentence.Count * T];
            network.Emissions(sentence, plain);
            network.Emissions(sentence, projected, projections);
            for (var k = 0; k < plain.Length; k++)
            {
                Assert.Equal(plain[k], projected[k], 4);
            }
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(16)]
    public void CachedRowProjectionsGiveTheSameScores(int hidden)
    {
        // A lexicon with vectors for half the toy words, so tokens take the cached, the warmed and the uncached path.
        var words = NerTrainingTests.ToyCorpus.SelectMany(s => s.Tokens).Select(NerWordForms.Normalize).Distinct().ToArray();
        var random = new Random(4);
        var withVectors = words.Length / 2;
        var vectors = Enumerable.Range(0, withVectors * 4).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var lexicon = new NerLexicon(words, words.Select(_ => 10).ToArray(), [4], [words.Select((_, i) => (short)(i % 4)).ToArray()], vectors, 4);
        var extractor = new NerFeatureExtractor(lexicon, NerGazetteer.Empty, NerFeatureGroups.All);
        var inputs = new NerNeuralInputs(extractor, ngramBuckets: 64);
        var shape = new NerNeuralShape(inputs.WordDimensions, inputs.NgramBuckets, 5, inputs.CategoryCount, 3, Hidden: hidden);
        var network = NerNeuralNetwork.Create(shape, new Random(9));
        var projections = new NerNeuralProjections(network, inputs);
        projections.Warm(2);
        var buffer = new NerFeatureBuffer();
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var s in NerTrainingTests.ToyCorpus)
            {
                extractor.Extract(NerTokenSpans.FromTokens(s.Tokens), buffer);
                var plain = new float[s.Tokens.Count * T];
                var projected = new float[s.Tokens.Count * T];
                network.Emissions(inputs.Build(buffer, s.Tokens.Count), plain);
                network.Emissions(inputs.Build(buffer, s.Tokens.Count, withNgrams: false), projected, projections);
                for (var k = 0; k < plain.Length; k++)
                {
                    Assert.Equal(plain[k], projected[k], 4);
                }
            }
        }
    }

    [Fact]
    public void SavedLayerLoadsAndTagsIdenticallyWithTheCrf()
    {
        var extractor = new NerFeatureExtractor(NerLexicon.Empty, NerGazetteer.Empty, NerFeatureGroups.All);
        var crf = new NerTrainer { MaxEpochs = 3, Patience = 3, ChooseOutsideBias = false, LogLossRate = 0.1f }.Train(extractor, NerTrainingTests.ToyCorpus, []);
        var layer = new NerNeuralTrainer { Hidden = 4, NgramBuckets = 256, NgramDimensions = 4, CategoryDimensions = 2, Epochs = 3, Mixes = [0.5f] }
            .Train(crf, NerTrainingTests.ToyCorpus, []);
        var path = Path.Combine(Path.GetTempPath(), $"marsad-ner-neural-{Guid.NewGuid():N}.gz");
        try
        {
            layer.Save(path);
            var loaded = NerNeuralLayer.Load(path, crf.Extractor);
            Assert.Equal(0.5f, loaded.NeuralWeight);

            // Over an extractor with other inputs (here: no trigger words) the file is refused, naming it.
            var other = new NerFeatureExtractor(NerLexicon.Empty, NerGazetteer.Empty, NerFeatureGroups.All & ~NerFeatureGroups.Triggers);
            var error = Assert.Throws<Marsad.Errors.MarsadException>(() => NerNeuralLayer.Load(path, other));
            Assert.Equal(path, error.Input);
            Assert.Contains("another CRF model", error.Message);
            foreach (var sentence in NerTrainingTests.ToyCorpus)
            {
                Assert.Equal(crf.WithNeural(layer).Tag(sentence.Tokens), crf.WithNeural(loaded).Tag(sentence.Tokens));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AnEnsembleMixesTheMeanOfItsNetworksAndSavesAndLoads()
    {
        var extractor = new NerFeatureExtractor(NerLexicon.Empty, NerGazetteer.Empty, NerFeatureGroups.All);
        var crf = new NerTrainer { MaxEpochs = 3, Patience = 3, ChooseOutsideBias = false, LogLossRate = 0.1f }.Train(extractor, NerTrainingTests.ToyCorpus, []);
        var inputs = new NerNeuralInputs(crf.Extractor, ngramBuckets: 64);
        // Two networks of different widths (an ensemble may mix shapes), with non-zero transitions.
        var networks = new[] { 4, 6 }.Select(hidden =>
        {
            var network = NerNeuralNetwork.Create(new NerNeuralShape(inputs.WordDimensions, 64, 5, inputs.CategoryCount, 3, hidden), new Random(hidden));
            var random = new Random(100 + hidden);
            for (var k = network.Shape.TransitionsAt; k < network.Shape.ParameterCount; k++)
            {
                network.Parameters[k] = (float)((random.NextDouble() * 2) - 1);
            }

            return network;
        }).ToArray();
        var ensemble = new NerNeuralLayer(networks, crf.Extractor, 1f, 0.8f);
        var singles = networks.Select(n => new NerNeuralLayer(n, crf.Extractor, 1f, 0.8f)).ToArray();

        // Emissions: CRF + 0.8 × mean of the two networks' (each single layer gives CRF + 0.8 × its own).
        var buffer = new NerFeatureBuffer();
        foreach (var s in NerTrainingTests.ToyCorpus)
        {
            var n = s.Tokens.Count;
            var crfScores = new float[n * T];
            crf.Emissions(NerTokenSpans.FromTokens(s.Tokens), buffer, crfScores);
            var mixed = (float[])crfScores.Clone();
            ensemble.Combine(buffer, n, mixed);
            var one = (float[])crfScores.Clone();
            singles[0].Combine(buffer, n, one);
            var two = (float[])crfScores.Clone();
            singles[1].Combine(buffer, n, two);
            for (var k = 0; k < mixed.Length; k++)
            {
                Assert.Equal((one[k] + two[k]) / 2, mixed[k], 4);
            }
        }

        // Transitions likewise.
        var crfTransitions = new float[(T + 1) * T];
        var transitions = ensemble.CombineTransitions(crfTransitions);
        for (var k = 0; k < transitions.Length; k++)
        {
            Assert.Equal(0.4f * (networks[0].Transitions[k] + networks[1].Transitions[k]), transitions[k], 5);
        }

        // An ensemble made from two single layers is the same; save and load keep the networks, shapes and mix.
        var joined = NerNeuralLayer.Ensemble(singles, crf.Extractor, 1f, 0.8f);
        var path = Path.Combine(Path.GetTempPath(), $"marsad-ner-ensemble-{Guid.NewGuid():N}.gz");
        try
        {
            joined.Save(path);
            var loaded = NerNeuralLayer.Load(path, crf.Extractor);
            Assert.Equal(2, loaded.Networks.Count);
            Assert.Equal(0.8f, loaded.NeuralWeight);
            Assert.Equal([4, 6], loaded.Networks.Select(n => n.Shape.Hidden));
            foreach (var sentence in NerTrainingTests.ToyCorpus)
            {
                var expected = crf.WithNeural(ensemble).Tag(sentence.Tokens);
                Assert.Equal(expected, crf.WithNeural(joined).Tag(sentence.Tokens));
                Assert.Equal(expected, crf.WithNeural(loaded).Tag(sentence.Tokens));
            }

            // Over another CRF's inputs the ensemble file is refused like a single layer's.
            var other = new NerFeatureExtractor(NerLexicon.Empty, NerGazetteer.Empty, NerFeatureGroups.All & ~NerFeatureGroups.Triggers);
            Assert.Contains("another CRF model", Assert.Throws<Marsad.Errors.MarsadException>(() => NerNeuralLayer.Load(path, other)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The toy corpus with every entity given another type: a network that learns the real labels gets worse on it.</summary>
    private static IReadOnlyList<NerSentence> MislabelledToyCorpus => NerTrainingTests.ToyCorpus
        .Select(s => new NerSentence(s.Tokens, s.Tags.Select(t => t.Length < 2 ? t : t[..2] + (t[2..] switch { "PER" => "LOC", "LOC" => "ORG", "ORG" => "MISC", _ => "PER" })).ToArray()))
        .ToList();

    private static NerModel ToyCrf() =>
        new NerTrainer { MaxEpochs = 3, Patience = 3, ChooseOutsideBias = false, LogLossRate = 0.1f }
            .Train(new NerFeatureExtractor(NerLexicon.Empty, NerGazetteer.Empty, NerFeatureGroups.All), NerTrainingTests.ToyCorpus, []);

    private static NerNeuralTrainer ToyTrainer(int epochs, bool last = false, int averageFrom = 0) =>
        new() { Hidden = 4, NgramBuckets = 256, NgramDimensions = 4, CategoryDimensions = 2, Epochs = epochs, Patience = 1, Mixes = [0.5f, 1f], KeepLastEpoch = last, AverageFrom = averageFrom };

    [Fact]
    public void TheTrainerCanKeepTheLastEpoch()
    {
        var crf = ToyCrf();
        // Training is seeded and scoring dev draws nothing from the generator: the network after epoch e of any run
        // is the one a run of e epochs without dev returns.
        var afterEpoch = Enumerable.Range(1, 4).Select(e => ToyTrainer(e).Train(crf, NerTrainingTests.ToyCorpus, []).Network.Parameters).ToArray();
        Assert.NotEqual(afterEpoch[0], afterEpoch[3]);

        // On a mislabelled dev set the dev-best epoch is not the last one: without KeepLastEpoch that epoch is kept ...
        var devBestTrainer = ToyTrainer(4);
        var devBest = devBestTrainer.Train(crf, NerTrainingTests.ToyCorpus, MislabelledToyCorpus);
        var bestEpoch = devBestTrainer.BestMixed.Epoch;
        Assert.InRange(bestEpoch, 1, 3);
        Assert.Equal(afterEpoch[bestEpoch - 1], devBest.Network.Parameters);

        // ... with it all four epochs run (Patience 1 would have stopped them) and the fourth is kept, with the first weight,
        // although the trainer still reports the dev-best epoch.
        var lastTrainer = ToyTrainer(4, last: true);
        var last = lastTrainer.Train(crf, NerTrainingTests.ToyCorpus, MislabelledToyCorpus);
        Assert.Equal(bestEpoch, lastTrainer.BestMixed.Epoch);
        Assert.Equal(0.5f, last.NeuralWeight);
        Assert.Equal(afterEpoch[3], last.Network.Parameters);
        Assert.NotEqual(devBest.Network.Parameters, last.Network.Parameters);
    }

    [Fact]
    public void TheTrainerAveragesTheCheckpointsFromAverageFrom()
    {
        var crf = ToyCrf();
        var third = ToyTrainer(3).Train(crf, NerTrainingTests.ToyCorpus, []).Network.Parameters;
        var fourth = ToyTrainer(4).Train(crf, NerTrainingTests.ToyCorpus, []).Network.Parameters;
        Assert.NotEqual(third, fourth);

        // From the last epoch: the mean of one checkpoint is that epoch's network, bit for bit (dev does not matter).
        var fromLast = ToyTrainer(4, averageFrom: 4).Train(crf, NerTrainingTests.ToyCorpus, MislabelledToyCorpus);
        Assert.Equal(fourth, fromLast.Network.Parameters);
        Assert.Equal(0.5f, fromLast.NeuralWeight);

        // From the epoch before: the mean of the last two checkpoints' parameters (summed in double, as the trainer does).
        var fromThird = ToyTrainer(4, averageFrom: 3).Train(crf, NerTrainingTests.ToyCorpus, []);
        var mean = third.Zip(fourth, (a, b) => (float)(((double)a + b) / 2)).ToArray();
        Assert.Equal(mean, fromThird.Network.Parameters);
    }

    [Fact]
    public void NetworksOfDifferentShapesShareAThreadsScratch()
    {
        // The per-thread scratch is sized for one shape; a wider network after a narrower one must not read past it.
        var sentence = ThreeTokenSentence();
        var emissions = new float[3 * T];
        foreach (var hidden in new[] { 2, 7, 3 })
        {
            NerNeuralNetwork.Create(SmallShape(hidden), new Random(hidden)).Emissions(sentence, emissions);
            Assert.All(emissions, e => Assert.True(float.IsFinite(e)));
        }
    }

    [Fact]
    public void AnEnsembleOfTwoShapesKeepsAScratchPerShape()
    {
        // Alternating networks of two shapes on one thread (an ensemble of two widths) reuses each shape's arrays.
        var sentence = ThreeTokenSentence();
        var emissions = new float[3 * T];
        var networks = new[] { 2, 5 }.Select(hidden => NerNeuralNetwork.Create(SmallShape(hidden), new Random(hidden))).ToArray();
        foreach (var network in networks)
        {
            network.Emissions(sentence, emissions);
        }

        var gates = networks.Select(n => NerNeuralScratch.ForThread(n.Shape).Gates[0]).ToArray();
        Assert.NotSame(NerNeuralScratch.ForThread(networks[0].Shape), NerNeuralScratch.ForThread(networks[1].Shape));
        for (var round = 0; round < 3; round++)
        {
            foreach (var network in networks)
            {
                network.Emissions(sentence, emissions);
            }
        }

        Assert.Same(gates[0], NerNeuralScratch.ForThread(networks[0].Shape).Gates[0]);
        Assert.Same(gates[1], NerNeuralScratch.ForThread(networks[1].Shape).Gates[0]);
    }

    [Fact]
    public void ALayerOverAnotherCrfIsRefusedBeforeItsNetworksAreRead()
    {
        // The fingerprint is compared right after the header: what follows (here implausible sizes) is never read.
        var (error, path) = RefusedLayerFile(writer =>
        {
            writer.Write("marsad-ner-neural-2");
            writer.Write(0x0123456789ABCDEFUL);
            WriteImplausibleSizes(writer);
        });
        Assert.Equal(path, error.Input);
        Assert.Contains("another CRF model", error.Message);
    }

    [Fact]
    public void ALayerFileWithImplausibleSizesIsRefusedNamingTheFile()
    {
        var (error, path) = RefusedLayerFile(writer =>
        {
            writer.Write("marsad-ner-neural-1");
            WriteImplausibleSizes(writer);
        });
        Assert.Equal(path, error.Input);
        Assert.Contains("out of range", error.Message);
    }

    private static void WriteImplausibleSizes(BinaryWriter writer)
    {
        foreach (var size in new[] { 64, 65536, 1_000_000, 200, 16, 32 })
        {
            writer.Write(size);
        }
    }

    /// <summary>Writes a layer file with <paramref name="write"/>, loads it and returns the BadModel error (and the file's path).</summary>
    private static (Marsad.Errors.MarsadException Error, string Path) RefusedLayerFile(Action<BinaryWriter> write)
    {
        var path = Path.Combine(Path.GetTempPath(), $"marsad-ner-neural-bad-{Guid.NewGuid():N}.gz");
        try
        {
            using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
            using (var writer = new BinaryWriter(gzip))
            {
                write(writer);
            }

            var extractor = new NerFeatureExtractor(NerLexicon.Empty, NerGazetteer.Empty, NerFeatureGroups.All);
            var error = Assert.Throws<Marsad.Errors.MarsadException>(() => NerNeuralLayer.Load(path, extractor));
            Assert.Equal(Marsad.Errors.ErrorCodes.BadModel, error.Code);
            return (error, path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Three tokens with one character n-gram and one category each, as the two scratch tests feed them.</summary>
    private static NerNeuralSentence ThreeTokenSentence()
    {
        var sentence = new NerNeuralSentence(3, 4);
        sentence.SetNgrams([0, 1, 2]);
        sentence.SetCategories([0, 1, 2]);
        int[] offsets = [0, 1, 2, 3];
        offsets.CopyTo(sentence.NgramOffsets, 0);
        offsets.CopyTo(sentence.CategoryOffsets, 0);
        return sentence;
    }

    private static NerNeuralShape SmallShape(int hidden) =>
        new NerNeuralShape(WordDimensions: 4, NgramBuckets: 8, NgramDimensions: 3, CategoryCount: 5, CategoryDimensions: 2, Hidden: hidden);
}
