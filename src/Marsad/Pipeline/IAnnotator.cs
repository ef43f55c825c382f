using Marsad.Model;

namespace Marsad.Pipeline;

/// <summary>
/// One small, stateless step of the analysis. It reads the layers it <see cref="Requires"/> and adds
/// the layers it <see cref="Assigns"/>. Annotators hold no per-article state, so one instance serves
/// every thread.
/// </summary>
public interface IAnnotator
{
    /// <summary>A short name for messages and benchmarks (e.g. "text", "entities").</summary>
    string Name { get; }

    IReadOnlyCollection<string> Requires { get; }

    IReadOnlyCollection<string> Assigns { get; }

    void Annotate(AnalyzedArticle doc);
}

/// <summary>Names of the annotation layers, used in <see cref="IAnnotator.Requires"/> and <see cref="IAnnotator.Assigns"/>.</summary>
public static class Layers
{
    public const string Tokens = "tokens";
    public const string Segments = "segments";
    public const string Sentences = "sentences";
    public const string Mentions = "mentions";
    public const string Entities = "entities";
    public const string Times = "times";
    public const string Quotes = "quotes";
    public const string Topics = "topics";
    public const string Keyphrases = "keyphrases";
    public const string Summary = "summary";
}
