using Marsad.Entities;
using Marsad.Keyphrases;
using Marsad.Summaries;
using Marsad.Text;
using Marsad.Topics;

namespace Marsad.Pipeline;

/// <summary>
/// The pipelines Marsad ships. The order of the default pipeline is declared here, once:
/// text (tokens, segments, sentences) first, then entities, time, quotes (which need entities),
/// and topics/keyphrases/summary last (they use entities and sentences).
/// </summary>
public static class Pipelines
{
    /// <summary>The full analysis. Its models are loaded in parallel (see <see cref="DefaultModels"/>).</summary>
    public static AnalysisPipeline Default(MarsadModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var loaded = DefaultModels.Load(models);
        var builder = new PipelineBuilder()
            .Use(new TextAnnotator(loaded.Segmenter)); // tokens, segments, sentences: everything else reads them

        // Mentions (NER) tag the text layer's tokens.
        builder.Use(loaded.Mentions);

        // Entities merge the tagger's mentions: added once a mention annotator (NER) is in the chain.
        if (builder.Assigns(Layers.Mentions))
        {
            builder.Use(loaded.Entities);
        }

        builder.Use(new Time.TimeAnnotator());

        // Quotes need sentences and entities: added once the text layer and the entity layer are in the chain.
        if (builder.Assigns(Layers.Sentences) && builder.Assigns(Layers.Entities))
        {
            builder.Use(new Quotes.QuoteAnnotator());
        }

        // Topics, keyphrases and summary come last: they use entities and sentences when present.
        builder.Use(loaded.Topics);
        builder.Use(new KeyphraseAnnotator(new KeyphraseExtractor(loaded.Keyphrases)));
        if (builder.Assigns(Layers.Sentences))
        {
            builder.Use(new SummaryAnnotator(new ExtractiveSummarizer(loaded.Keyphrases)));
        }

        return builder.Build();
    }

    /// <summary>
    /// The models of the default pipeline. They are independent files, so they load in parallel: on two cores the
    /// wall time is about half the sum of the loads (the segmenter's lexicon and decisions, the NER model, the topic
    /// model, the keyphrase statistics and the knowledge base take 0.3–0.7 s of CPU each). The largest loads start first.
    /// </summary>
    private sealed record DefaultModels(
        CliticSegmenter Segmenter, MentionAnnotator Mentions, EntityAnnotator Entities, TopicAnnotator Topics, KeyphraseStatistics Keyphrases)
    {
        public static DefaultModels Load(MarsadModels models)
        {
            var mentions = Task.Run(() => MentionAnnotator.Load(models));
            var segmenter = Task.Run(() => CliticSegmenter.Default);
            var topics = Task.Run(() => TopicAnnotator.Load(models));
            var keyphrases = Task.Run(() => KeyphraseStatistics.Load(models.PathOf(KeyphraseStatistics.ModelFile)));

            // The calling thread loads one model itself rather than only wait.
            var entities = EntityAnnotator.Load(models);

            // GetResult rethrows a loading error as thrown (not wrapped in an AggregateException).
            return new DefaultModels(
                segmenter.GetAwaiter().GetResult(), mentions.GetAwaiter().GetResult(), entities, topics.GetAwaiter().GetResult(), keyphrases.GetAwaiter().GetResult());
        }
    }
}
