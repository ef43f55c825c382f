using Marsad.Entities;
using Marsad.Entities.Features;
using Marsad.Entities.Training;

namespace Marsad.Tests.Entities.Ner;

/// <summary>CRF log-loss training: forward-backward marginals against brute force, and learning the toy corpus.</summary>
public sealed class NerForwardBackwardTests
{
    private const int T = 9;

    [Fact]
    public void MarginalsMatchTheSumOverEveryValidPath()
    {
        const int n = 3;
        var random = new Random(5);
        var emissions = Enumerable.Range(0, n * T).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var transitions = Enumerable.Range(0, (T + 1) * T).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var marginals = new double[n * T];
        var expected = new double[(T + 1) * T];

        NerForwardBackward.Marginals(emissions, transitions, n, marginals, expected);

        // Brute force over all 9^3 paths, keeping the BIO-valid ones.
        var bruteMarginals = new double[n * T];
        var bruteTransitions = new double[(T + 1) * T];
        double z = 0;
        for (var code = 0; code < T * T * T; code++)
        {
            int[] path = [code / (T * T), code / T % T, code % T];
            if (!NerTags.Allowed(-1, path[0]) || !NerTags.Allowed(path[0], path[1]) || !NerTags.Allowed(path[1], path[2]))
            {
                continue;
            }

            double score = transitions[path[0]];
            for (var i = 0; i < n; i++)
            {
                score += emissions[(i * T) + path[i]] + (i > 0 ? transitions[((path[i - 1] + 1) * T) + path[i]] : 0);
            }

            var weight = Math.Exp(score);
            z += weight;
            for (var i = 0; i < n; i++)
            {
                bruteMarginals[(i * T) + path[i]] += weight;
                bruteTransitions[((i == 0 ? 0 : path[i - 1] + 1) * T) + path[i]] += weight;
            }
        }

        for (var k = 0; k < marginals.Length; k++)
        {
            Assert.Equal(bruteMarginals[k] / z, marginals[k], 6);
        }

        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(bruteTransitions[k] / z, expected[k], 6);
        }

        // An I- tag after the start is impossible.
        Assert.Equal(0, marginals[NerTags.Inside(0)]);
    }

    [Fact]
    public void LogLossTrainingLearnsTheToyCorpus()
    {
        var extractor = new NerFeatureExtractor(NerLexicon.Empty, NerGazetteer.Empty, NerFeatureGroups.All);
        var model = new NerTrainer { MaxEpochs = 10, Patience = 10, ChooseOutsideBias = false, LogLossRate = 0.1f }.Train(extractor, NerTrainingTests.ToyCorpus, []);
        foreach (var sentence in NerTrainingTests.ToyCorpus)
        {
            Assert.Equal(sentence.Tags, model.Tag(sentence.Tokens));
        }
    }
}
