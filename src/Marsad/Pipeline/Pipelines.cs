using Marsad.Keyphrases;
using Marsad.Summaries;
using Marsad.Topics;

namespace Marsad.Pipeline;

/// <summary>
/// The pipelines Marsad ships. The order of the default pipeline is declared here, once:
/// text (tokens, segments, sentences) first, then entities, time, quotes (which need entities),
/// and topics/keyphrases/summary last (they use entities and sentences).
/// </summary>
public static class Pipelines
{
    /// <summary>The full analysis.</summary>
    public static AnalysisPipeline Default(MarsadModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var builder = new PipelineBuilder()
            .Use(new Marsad.Text.TextAnnotator()); // tokens, segments, sentences: everything else reads them

        // Mentions (NER) tag the text layer's tokens.
        builder.Use(Entities.MentionAnnotator.Load(models));

        // Entities merge the tagger's mentions: added once a mention annotator (NER) is in the chain.
        if (builder.Assigns(Layers.Mentions))
        {
            builder.Use(Entities.EntityAnnotator.Load(models));
        }

        builder.Use(new Time.TimeAnnotator());

        // Quotes need sentences and entities: added once the text layer and the entity layer are in the chain.
        if (builder.Assigns(Layers.Sentences) && builder.Assigns(Layers.Entities))
        {
            builder.Use(new Quotes.QuoteAnnotator());
        }

        // Topics, keyphrases and summary come last: they use entities and sentences when present.
        var statistics = KeyphraseStatistics.Load(models.PathOf(KeyphraseStatistics.ModelFile));
        builder.Use(TopicAnnotator.Load(models));
        builder.Use(new KeyphraseAnnotator(new KeyphraseExtractor(statistics)));
        if (builder.Assigns(Layers.Sentences))
        {
            builder.Use(new SummaryAnnotator(new ExtractiveSummarizer(statistics)));
        }

        return builder.Build();
    }
}
