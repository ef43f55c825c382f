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
        var builder = new PipelineBuilder();

        // Entities merge the tagger's mentions: added once a mention annotator (NER) is in the chain.
        if (builder.Assigns(Layers.Mentions))
        {
            builder.Use(Entities.EntityAnnotator.Load(models));
        }

        builder.Use(new Time.TimeAnnotator());
        return builder.Build();
    }
}
