using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Topics;

/// <summary>
/// Fills <see cref="AnalyzedArticle.Topics"/> with every label of the topic model and its calibrated
/// probability, highest first. The model reads the text layer's tokens (headline and text) and the outlet.
/// </summary>
public sealed class TopicAnnotator(LinearTopicModel model) : IAnnotator
{
    /// <summary>The model file, relative to the models folder.</summary>
    public const string ModelFile = "topics/topics.bin";

    private static readonly string[] Required = [Layers.Tokens];
    private static readonly string[] Assigned = [Layers.Topics];

    public string Name => "topics";

    public IReadOnlyCollection<string> Requires => Required;

    public IReadOnlyCollection<string> Assigns => Assigned;

    public LinearTopicModel Model { get; } = model;

    public static TopicAnnotator Load(MarsadModels models)
    {
        var path = models.PathOf(ModelFile);
        return new TopicAnnotator(TopicStandfirst.RefuseWithoutStandfirst(LinearTopicModel.Load(path), path, "the pipeline does not read"));
    }

    public void Annotate(AnalyzedArticle doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        Span<double> probabilities = stackalloc double[Model.Labels.Count];
        Model.Predict(doc, probabilities);
        var scores = new TopicScore[probabilities.Length];
        for (var i = 0; i < probabilities.Length; i++)
        {
            scores[i] = new TopicScore(Model.Labels[i], Math.Round(probabilities[i], 4));
        }

        Array.Sort(scores, static (a, b) => b.Score.CompareTo(a.Score));
        doc.Topics.AddRange(scores);
    }
}
