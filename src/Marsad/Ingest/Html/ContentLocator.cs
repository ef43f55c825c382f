using AngleSharp.Dom;

namespace Marsad.Ingest.Html;

/// <summary>
/// Finds the elements that hold an article's body by text density, the way Readability does but
/// with no minimum length (so a 200-character brief is found too): every prose block credits the
/// element holding it and, less and less, three ancestors; an element's score is then scaled down
/// by the share of its text inside links. The best element wins, and siblings that score well or
/// hold prose of their own join it (a body split by an advert stays whole).
/// </summary>
public static class ContentLocator
{
    private static readonly double[] LevelWeights = [1, 1.0 / 2, 1.0 / 6, 1.0 / 9];

    public static IReadOnlyList<IElement> Locate(IReadOnlyList<PageBlock> blocks)
    {
        var scores = new Dictionary<IElement, Candidate>();
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Caption)
            {
                continue;
            }

            var score = BlockScore(block);
            var level = 0;
            for (var e = block.Owner; e is not null && level < LevelWeights.Length; e = e.ParentElement, level++)
            {
                if (e.LocalName is "html")
                {
                    break;
                }

                var candidate = scores.GetValueOrDefault(e) ?? new Candidate();
                candidate.Score += score * LevelWeights[level];
                candidate.Chars += block.Text.Length;
                candidate.LinkChars += block.LinkChars;
                scores[e] = candidate;
            }
        }

        IElement? top = null;
        var best = 0.0;
        foreach (var (element, candidate) in scores)
        {
            var final = candidate.Final;
            if (final > best)
            {
                best = final;
                top = element;
            }
        }

        if (top is null)
        {
            return [];
        }

        var parent = top.ParentElement;
        if (parent is null || top.LocalName is "body")
        {
            return [top];
        }

        var threshold = Math.Max(2, best * 0.2);
        var chosen = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                chosen.Add(sibling);
                continue;
            }

            var candidate = scores.GetValueOrDefault(sibling);
            // A sibling joins when it scores well, when it is itself a paragraph of prose (Readability's rule),
            // or when it is the article's lead (standfirst) marked as such.
            if (candidate is not null && candidate.LinkDensity < 0.3
                && (candidate.Final >= threshold || (sibling.LocalName == "p" && candidate.Chars > 80 && candidate.LinkDensity < 0.25)
                    || (IsLead(sibling) && candidate.Chars > 40)))
            {
                chosen.Add(sibling);
            }
        }

        return chosen;
    }

    private static readonly HashSet<string> LeadNames = new(StringComparer.OrdinalIgnoreCase) { "lead", "summary", "excerpt", "intro", "standfirst", "teaser", "sapo", "chapo", "subtitle", "description" };

    /// <summary>A lead paragraph marked by schema.org (itemprop=description) or by a class/id word like lead, summary, excerpt.</summary>
    private static bool IsLead(IElement element) =>
        string.Equals(element.GetAttribute("itemprop"), "description", StringComparison.OrdinalIgnoreCase)
        || $"{element.ClassName} {element.Id}".Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Any(LeadNames.Contains);

    /// <summary>Prose scores: commas, length and a final stop count; link text and very short blocks count little.</summary>
    internal static double BlockScore(PageBlock block)
    {
        if (block.Words < 4)
        {
            return 0;
        }

        var commas = block.Text.Count(c => c is '،' or ',' or '؛' or ';');
        var score = 1 + commas + Math.Min(block.Text.Length / 100.0, 3) + (BlockRules.EndsSentence(block.Text) ? 1 : 0);
        return score * (1 - block.LinkDensity);
    }

    private sealed class Candidate
    {
        public double Score { get; set; }

        public int Chars { get; set; }

        public int LinkChars { get; set; }

        public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

        public double Final => Score * (1 - LinkDensity);
    }
}
