using System.Text.RegularExpressions;
using Marsad.Model;

namespace Marsad.Ingest.Html;

/// <summary>
/// Turns the text blocks of the located content into the article's paragraphs and captions, and
/// lists every block it leaves out with its reason. Rules, in order:
/// <list type="bullet">
/// <item>figcaption blocks are captions;</item>
/// <item>a block repeating the headline is dropped (headline);</item>
/// <item>widget labels (اقرأ أيضاً، الأكثر قراءة…) are dropped, and so is the run of links or short items that follows (related);</item>
/// <item>inline "اقرأ أيضاً: …" blocks (related), comment-policy and copyright notices (comments-policy), view counters (counter),
/// reading-time badges (reading-time), date lines (date), next/previous labels (next-previous), subscribe and app prompts (subscribe),
/// link-heavy blocks (links);</item>
/// <item>finally short non-prose blocks before the first and after the last prose paragraph — section labels, tag lists, the
/// headlines of neighbouring stories — are page furniture.</item>
/// </list>
/// </summary>
public static partial class BlockRules
{
    /// <summary>A block longer than this many words is prose even without a final stop.</summary>
    private const int ProseWords = 20;

    public static (List<string> Paragraphs, List<string> Captions) Apply(IReadOnlyList<PageBlock> blocks, string? headline, List<DroppedBlock> dropped)
    {
        var foldedHeadline = headline is null ? null : PageVocabulary.Fold(headline);
        var captions = new List<string>();
        var kept = new List<PageBlock>();
        var inWidget = false;
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Caption)
            {
                if (!captions.Contains(block.Text))
                {
                    captions.Add(block.Text);
                }

                continue;
            }

            var reason = ReasonFor(block, foldedHeadline);
            if (reason == "widget")
            {
                inWidget = true;
            }
            else if (inWidget && reason is null)
            {
                if (IsProse(block) && block.LinkDensity < 0.3)
                {
                    inWidget = false;
                }
                else
                {
                    reason = "related";
                }
            }

            if (reason is null)
            {
                kept.Add(block);
            }
            else
            {
                dropped.Add(new DroppedBlock(block.Text, reason));
            }
        }

        var first = kept.FindIndex(IsProse);
        var last = kept.FindLastIndex(IsProse);
        var paragraphs = new List<string>();
        for (var i = 0; i < kept.Count; i++)
        {
            if (first >= 0 && (i < first || i > last))
            {
                dropped.Add(new DroppedBlock(kept[i].Text, "page-furniture"));
            }
            else if (paragraphs.Count == 0 || paragraphs[^1] != kept[i].Text)
            {
                paragraphs.Add(kept[i].Text);
            }
        }

        return (paragraphs, captions);
    }

    /// <summary>Why a block is not article text, or null when it is.</summary>
    public static string? ReasonFor(PageBlock block, string? foldedHeadline)
    {
        var text = block.Text;
        var folded = PageVocabulary.Fold(text);
        if (folded.Length == 0)
        {
            return "empty";
        }

        if (foldedHeadline is { Length: > 0 } && (folded == foldedHeadline || (folded.Contains(foldedHeadline, StringComparison.Ordinal) && folded.Length < foldedHeadline.Length + 15)))
        {
            return "headline";
        }

        if (PageVocabulary.IsWidgetLabel(text))
        {
            return "widget";
        }

        if (PageVocabulary.StartsWithWidgetPrefix(text))
        {
            return "related";
        }

        if (HtmlVocabulary.NextPrevious.Contains(folded))
        {
            return "next-previous";
        }

        var words = block.Words;
        if (words <= 30 && HtmlVocabulary.PromptPrefixes.Any(p => folded.StartsWith(p, StringComparison.Ordinal)) && !EndsSentence(text))
        {
            return "subscribe";
        }

        if (words <= 80 && HtmlVocabulary.PolicyPhrases.Any(p => folded.Contains(p, StringComparison.Ordinal)))
        {
            return "comments-policy";
        }

        if (words <= 10 && PhotoCredit().IsMatch(text))
        {
            return "photo-credit";
        }

        if (words <= 5 && IsCounter(folded))
        {
            return "counter";
        }

        if (words <= 5 && ReadingTime().IsMatch(folded) && HtmlVocabulary.ReadingTimeWords.Any(w => folded.Contains(w, StringComparison.Ordinal)))
        {
            return "reading-time";
        }

        if (words <= 16 && ArabicDates.IsDateLine(text))
        {
            return "date";
        }

        if (block.LinkDensity > 0.5 && words < 40)
        {
            return "links";
        }

        return null;
    }

    /// <summary>A paragraph of running text: ends a sentence, or is long.</summary>
    public static bool IsProse(PageBlock block) =>
        block.Kind is BlockKind.Paragraph or BlockKind.ListItem && block.LinkDensity < 0.5
        && (block.Words >= ProseWords || (block.Words >= 4 && EndsSentence(block.Text)));

    public static bool EndsSentence(string text)
    {
        var t = text.TrimEnd(' ', '"', '\'', '»', '”', ')', '\u200F');
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '؟' or '…' or '۔' or ':';
    }

    private static bool IsCounter(string folded)
    {
        if (CounterNumber().IsMatch(folded))
        {
            return true;
        }

        return HtmlVocabulary.CounterWords.Any(w => folded.StartsWith(w + " ", StringComparison.Ordinal) || folded.EndsWith(" " + w, StringComparison.Ordinal) || folded == w)
            && (folded.Any(char.IsDigit) || folded.Split(' ').Length <= 2);
    }

    [GeneratedRegex(@"^[\d٠-٩]+(?:\s*[kmك]|\s*الف|\s*مليون)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CounterNumber();

    /// <summary>"© REUTERS / NAME", "(c) AFP", "الصورة: …", "تصوير: …" — a picture's credit line, not text.</summary>
    [GeneratedRegex(@"^\s*(?:©|\(c\)|copyright\b|الصورة\s*[:：]|صورة\s*[:：]|تصوير\s*[:：]|المصدر\s*[:：]\s*(?:getty|afp|reuters|ap|epa))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"\d", RegexOptions.CultureInvariant)]
    private static partial Regex ReadingTime();
}
