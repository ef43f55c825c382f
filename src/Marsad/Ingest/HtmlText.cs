using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Marsad.Ingest;

/// <summary>
/// Turns an HTML fragment (a feed item's content, a JSONL body with markup, an extracted main
/// element) into plain paragraphs. Block elements and &lt;br&gt; break paragraphs; scripts, styles
/// and embedded frames are never text; links keep their text only.
/// </summary>
public static partial class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "iframe", "template", "svg", "canvas", "object", "embed", "form", "button", "select", "input", "textarea", "video", "audio", "picture", "img", "head", "title", "meta", "link",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "figure", "figcaption", "table", "tr", "td", "th", "pre", "dd", "dt", "dl", "body", "html",
    };

    public static bool LooksLikeHtml(string text) => LooksLikeHtml(text.AsSpan());

    public static bool LooksLikeHtml(ReadOnlySpan<char> text) =>
        text.Contains('<') && (text.Contains("</p>", StringComparison.OrdinalIgnoreCase) || text.Contains("<br", StringComparison.OrdinalIgnoreCase)
            || text.Contains("</div>", StringComparison.OrdinalIgnoreCase) || text.Contains("<p>", StringComparison.OrdinalIgnoreCase));

    public static List<string> Paragraphs(string html)
    {
        // Tree building slows with the square of nesting depth: absurdly nested markup is not parsed, only stripped.
        if (Html.DomWalk.EstimateSourceDepth(html) > Html.DomWalk.MaxSourceDepth)
        {
            return StrippedParagraphs(html);
        }

        var parser = new HtmlParser();
        var document = parser.ParseDocument($"<html><body>{html}</body></html>");
        return Paragraphs(document.Body!);
    }

    /// <summary>Text between tags, one paragraph per run, with script and style bodies removed; for markup too deep to parse.</summary>
    private static List<string> StrippedParagraphs(string html)
    {
        var withoutCode = ScriptOrStyle().Replace(html, " ");
        return Tag().Split(withoutCode)
            .Select(t => Collapse(System.Net.WebUtility.HtmlDecode(t)))
            .Where(t => t.Length > 0)
            .ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex ScriptOrStyle();

    [System.Text.RegularExpressions.GeneratedRegex(@"<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tag();

    public static List<string> Paragraphs(INode root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Walk(root, current, paragraphs);
        Flush(current, paragraphs);
        return paragraphs;
    }

    /// <summary>The text of an element with white space collapsed, skipping scripts and styles.</summary>
    public static string InlineText(INode node)
    {
        var sb = new StringBuilder();
        AppendInline(node, sb);
        return Collapse(sb.ToString());
    }

    private static void AppendInline(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                sb.Append(text.Data);
            }
            else if (child is IElement element && !Skipped.Contains(element.LocalName))
            {
                if (element.LocalName == "br")
                {
                    sb.Append(' ');
                }

                AppendInline(element, sb);
                if (Blocks.Contains(element.LocalName))
                {
                    sb.Append(' ');
                }
            }
        }
    }

    private static void Walk(INode node, StringBuilder current, List<string> paragraphs)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement element when element.LocalName == "br":
                    Flush(current, paragraphs);
                    break;
                case IElement element when Blocks.Contains(element.LocalName):
                    Flush(current, paragraphs);
                    Walk(element, current, paragraphs);
                    Flush(current, paragraphs);
                    break;
                case IElement element:
                    Walk(element, current, paragraphs);
                    break;
            }
        }
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length == 0)
        {
            return;
        }

        var text = Collapse(current.ToString());
        current.Clear();
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }
    }

    /// <summary>Collapses runs of white space (including NBSP) into one space and trims.</summary>
    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
