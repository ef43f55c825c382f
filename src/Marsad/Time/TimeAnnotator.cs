using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Time;

/// <summary>
/// The "times" stage: recognises Arabic time expressions in the article text and resolves them
/// against the publication date (<see cref="AnalyzedArticle.Anchor"/>). It works on the raw text
/// with its own folding, so it needs no earlier layer. Stateless and thread-safe.
/// </summary>
public sealed class TimeAnnotator : IAnnotator
{
    private readonly TimeRecognizer _recognizer = new();

    public string Name => "times";

    public IReadOnlyCollection<string> Requires { get; } = [];

    public IReadOnlyCollection<string> Assigns { get; } = [Layers.Times];

    public void Annotate(AnalyzedArticle doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        doc.TimeExpressions.AddRange(_recognizer.Recognize(doc.Text, doc.Anchor));
    }
}
