using System.Diagnostics;
using Marsad.Entities.Features;

namespace Marsad.Entities;

/// <summary>Tags a gold corpus with a model and scores it (<see cref="NerScorer"/>), timing the tagging on one thread.</summary>
public static class NerEvaluation
{
    /// <summary>Sentences per pseudo-document in evaluation (ANERcorp articles run to about this many sentences).</summary>
    public const int DefaultDocumentSentences = 20;

    /// <summary>
    /// Tags and scores <paramref name="gold"/>. The corpus has no document boundaries, so runs of
    /// <paramref name="documentSentences"/> consecutive sentences stand for documents (0: the model's
    /// document consistency is off and every sentence stands alone).
    /// </summary>
    public static NerEvaluationResult Run(NerModel model, IReadOnlyList<NerSentence> gold, int documentSentences = DefaultDocumentSentences)
    {
        var scorer = new NerScorer();
        var buffer = new NerFeatureBuffer();
        var spans = gold.Select(s => NerTokenSpans.FromTokens(s.Tokens)).ToArray();
        var predictions = new int[gold.Count][];
        var tokens = 0L;

        // One untimed pass first, so that the timing measures steady-state tagging, not JIT compilation.
        for (var s = 0; s < Math.Min(gold.Count, 200); s++)
        {
            model.Tag(spans[s], buffer, new int[spans[s].Count]);
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var size = Math.Max(1, documentSentences);
        for (var from = 0; from < gold.Count; from += size)
        {
            var count = Math.Min(size, gold.Count - from);
            var tagged = model.TagDocument(spans.AsSpan(from, count).ToArray(), buffer, documentSentences > 0 ? null : false);
            for (var k = 0; k < count; k++)
            {
                predictions[from + k] = tagged[k];
                tokens += tagged[k].Length;
            }
        }

        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        for (var s = 0; s < gold.Count; s++)
        {
            scorer.Add(gold[s].Tags, predictions[s].Select(t => NerTags.Names[t]).ToArray());
        }

        return new NerEvaluationResult(scorer.Result(), tokens, clock.Elapsed)
        {
            TaggingCpuTime = cpu,
            Predictions = predictions.Select(p => (IReadOnlyList<string>)p.Select(t => NerTags.Names[t]).ToArray()).ToArray(),
        };
    }
}

/// <summary>Scores plus how long tagging took (feature extraction and decoding, one thread).</summary>
public sealed record NerEvaluationResult(NerScores Scores, long Tokens, TimeSpan TaggingTime)
{
    public double TokensPerSecond => Tokens / Math.Max(TaggingTime.TotalSeconds, 1e-9);

    /// <summary>Processor time the tagging took: on a shared, busy machine this, not wall time, measures one core's speed.</summary>
    public TimeSpan TaggingCpuTime { get; init; }

    public double TokensPerCpuSecond => Tokens / Math.Max(TaggingCpuTime.TotalSeconds, 1e-9);

    /// <summary>The predicted tags, sentence by sentence.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Predictions { get; init; } = [];
}
