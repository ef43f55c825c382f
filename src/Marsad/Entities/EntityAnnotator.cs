using Marsad.Entities.Kb;
using Marsad.Entities.Resolution;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Entities;

/// <summary>
/// The "entities" annotator: completes the tagger's mentions with the names it missed elsewhere in the
/// same article and repairs their boundaries against known names (<see cref="MentionCompleter"/>), then merges the article's mentions into entities, links
/// them to the knowledge base and names them (<see cref="EntityResolver"/>). Sets each
/// <see cref="Mention.EntityKey"/> and fills <see cref="AnalyzedArticle.Entities"/>. Uses the token layer's
/// clitic segments when present to find a mention's bare name. Stateless; the KB is loaded once.
/// </summary>
public sealed class EntityAnnotator : IAnnotator
{
    /// <summary>The knowledge base's folder under models/.</summary>
    public const string KbFolder = "kb";

    private readonly EntityResolver _resolver;
    private readonly MentionCompleter? _completer;

    public EntityAnnotator(KnowledgeBase kb, bool completeMentions = true)
    {
        Kb = kb;
        _resolver = new EntityResolver(kb);
        _completer = completeMentions ? new MentionCompleter(kb) : null;
        Assigns = completeMentions ? [Layers.Entities, Layers.Mentions] : [Layers.Entities];
    }

    public KnowledgeBase Kb { get; }

    public string Name => "entities";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Mentions];

    /// <summary>Entities; and mentions too when completion is on (it adds the mentions the tagger missed).</summary>
    public IReadOnlyCollection<string> Assigns { get; }

    /// <summary>The annotator with the knowledge base in models/kb.</summary>
    public static EntityAnnotator Load(MarsadModels models, bool completeMentions = true) =>
        new(KnowledgeBase.Load(models.PathOf(KbFolder)), completeMentions);

    public void Annotate(AnalyzedArticle doc)
    {
        if (_completer is not null)
        {
            var completed = _completer.Complete(doc.Text, doc.Mentions);
            doc.Mentions.Clear();
            doc.Mentions.AddRange(completed);
        }

        var entities = _resolver.Resolve(doc.Mentions, doc.Text, doc.Tokens.Count > 0 ? m => SegmentedBare(doc, m) : null);
        doc.Entities.AddRange(entities);
    }

    /// <summary>The mention without the proclitics the text layer split off its first word; null when none.</summary>
    private static string? SegmentedBare(AnalyzedArticle doc, Mention mention)
    {
        var tokens = doc.Tokens;
        int lo = 0, hi = tokens.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].End <= mention.Start)
            {
                lo = mid + 1;
            }
            else if (tokens[mid].Start > mention.Start)
            {
                hi = mid - 1;
            }
            else
            {
                return BareOf(doc, tokens[mid], mention);
            }
        }

        return null;
    }

    private static string? BareOf(AnalyzedArticle doc, TokenAnnotation token, Mention mention)
    {
        var segments = token.Segments;
        if (token.Start != mention.Start || segments.Count < 2 || segments[0].Role != SegmentRole.Proclitic)
        {
            return null;
        }

        var hasArticle = false;
        foreach (var segment in segments)
        {
            if (segment.Role != SegmentRole.Proclitic)
            {
                // Keep the article: ل+ال+ولايات → الولايات.
                var rest = doc.Slice(segment.Start, Math.Max(segment.Start, mention.End));
                return hasArticle ? "ال" + rest : rest;
            }

            hasArticle |= IsArticle(segment.Form);
        }

        return null;
    }

    /// <summary>Whether a segment's form is the article ال in matching form (compared without making a string).</summary>
    private static bool IsArticle(string form)
    {
        if (form.Length > 64)
        {
            return NameNormalizer.Matching(form) == "ال";
        }

        Span<char> buffer = stackalloc char[form.Length];
        return buffer[..NameNormalizer.Matching(form, buffer)].SequenceEqual("ال");
    }
}
