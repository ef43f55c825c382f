using Marsad.Keyphrases;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Summaries;

/// <summary>Fills <see cref="AnalyzedArticle.Summary"/> with 1–3 sentence indexes (text order) of an extractive summary.</summary>
public sealed class SummaryAnnotator(ExtractiveSummarizer summarizer) : IAnnotator
{
    public string Name => "summary";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens, Layers.Segments, Layers.Sentences];

    public IReadOnlyCollection<string> Assigns { get; } = [Layers.Summary];

    public static SummaryAnnotator Load(MarsadModels models) =>
        new(new ExtractiveSummarizer(KeyphraseStatistics.Load(models.PathOf(KeyphraseStatistics.ModelFile))));

    public void Annotate(AnalyzedArticle doc) => doc.Summary.AddRange(summarizer.Summarize(doc));
}
