using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Topics;

/// <summary>
/// Fills <see cref="AnalyzedArticle.Topics"/> with every label of the topic model and its calibrated
/// probability, highest first. The model reads the headline and the article text.
/// </summary>
public sealed class TopicAnnotator(LinearTopicModel model) : IAnnotator
{
    /// <summary>The model file, relative to the models folder.</summary>
    public const string ModelFile = "topics/topics.bin";

    public string Name => "topics";

    public IReadOnlyCollection<string> Requires { get; } = [];

    public IReadOnlyCollection<string> Assigns { get; } = [Layers.Topics];

    public LinearTopicModel Model { get; } = model;

    public static TopicAnnotator Load(MarsadModels models) => new(LinearTopicModel.Load(models.PathOf(ModelFile)));

    public void Annotate(AnalyzedArticle doc)
    {
        var probabilities = Model.Predict(doc.Article.Headline, doc.Text, doc.Article.Source);
        var scores = new TopicScore[probabilities.Length];
        for (var i = 0; i < probabilities.Length; i++)
        {
            scores[i] = new TopicScore(Model.Labels[i], Math.Round(probabilities[i], 4));
        }

        Array.Sort(scores, (a, b) => b.Score.CompareTo(a.Score));
        doc.Topics.AddRange(scores);
    }
}
