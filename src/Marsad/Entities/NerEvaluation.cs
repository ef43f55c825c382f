using System.Diagnostics;
using Marsad.Entities.Features;

namespace Marsad.Entities;

/// <summary>Tags a gold corpus with a model and scores it (<see cref="NerScorer"/>), timing the tagging on one thread.</summary>
public static class NerEvaluation
{
    public static NerEvaluationResult Run(NerModel model, IReadOnlyList<NerSentence> gold)
    {
        var scorer = new NerScorer();
        var buffer = new NerFeatureBuffer();
        var spans = gold.Select(s => NerTokenSpans.FromTokens(s.Tokens)).ToArray();
        var predictions = new int[gold.Count][];
        var tokens = 0L;
        var clock = Stopwatch.StartNew();
        for (var s = 0; s < gold.Count; s++)
        {
            predictions[s] = new int[spans[s].Count];
            model.Tag(spans[s], buffer, predictions[s]);
            tokens += spans[s].Count;
        }

        clock.Stop();
        for (var s = 0; s < gold.Count; s++)
        {
            scorer.Add(gold[s].Tags, predictions[s].Select(t => NerTags.Names[t]).ToArray());
        }

        return new NerEvaluationResult(scorer.Result(), tokens, clock.Elapsed);
    }
}

/// <summary>Scores plus how long tagging took (feature extraction and decoding, one thread).</summary>
public sealed record NerEvaluationResult(NerScores Scores, long Tokens, TimeSpan TaggingTime)
{
    public double TokensPerSecond => Tokens / Math.Max(TaggingTime.TotalSeconds, 1e-9);
}
