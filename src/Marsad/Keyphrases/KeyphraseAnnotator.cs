using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Keyphrases;

/// <summary>Fills <see cref="AnalyzedArticle.Keyphrases"/>, best first, from the text layer's tokens; uses entities and mentions when an earlier annotator found them.</summary>
public sealed class KeyphraseAnnotator(KeyphraseExtractor extractor) : IAnnotator
{
    public string Name => "keyphrases";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens, Layers.Segments];

    public IReadOnlyCollection<string> Assigns { get; } = [Layers.Keyphrases];

    public static KeyphraseAnnotator Load(MarsadModels models) =>
        new(new KeyphraseExtractor(KeyphraseStatistics.Load(models.PathOf(KeyphraseStatistics.ModelFile))));

    public void Annotate(AnalyzedArticle doc) => doc.Keyphrases.AddRange(extractor.Extract(doc));
}
