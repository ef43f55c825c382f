using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Quotes;

/// <summary>
/// Adds the quotation layer: <see cref="AnalyzedArticle.Quotes"/> and <see cref="AnalyzedArticle.Attributions"/>,
/// with sentence indexes from the sentence layer and speakers linked to the entity layer. The rules
/// live in <see cref="QuoteExtractor"/>; this class only wires them to the document.
/// </summary>
public sealed class QuoteAnnotator : IAnnotator
{
    public QuoteAnnotator(QuoteExtractor? extractor = null) => Extractor = extractor ?? QuoteExtractor.Default;

    public QuoteExtractor Extractor { get; }

    public string Name => "quotes";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Sentences, Layers.Entities];

    public IReadOnlyCollection<string> Assigns { get; } = [Layers.Quotes];

    public void Annotate(AnalyzedArticle doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var result = Extractor.Extract(doc.Text, doc.Sentences, doc.Mentions, doc.Entities, doc.Tokens);
        doc.Quotes.AddRange(result.Quotes);
        doc.Attributions.AddRange(result.Attributions);
    }
}
