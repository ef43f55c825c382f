using System.Text;
using AngleSharp.Dom;

namespace Marsad.Ingest.Html;

/// <summary>What a block of page text is by its markup.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Caption,
}

/// <summary>
/// One block of text as a reader sees it: the text between two block boundaries (block elements
/// or &lt;br&gt;), the nearest block element that holds it, and how much of it is link text.
/// </summary>
public sealed record PageBlock(string Text, IElement Owner, int LinkChars, BlockKind Kind)
{
    /// <summary>Share of the text inside links, 0 to 1.</summary>
    public double LinkDensity => Text.Length == 0 ? 0 : Math.Min(1, (double)LinkChars / Text.Length);

    public int Words => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}

/// <summary>
/// Cuts a DOM subtree into <see cref="PageBlock"/>s without recursion. Scripts, styles, frames,
/// forms and media are never text; elements marked in the <see cref="BoilerplateMap"/> are skipped,
/// and reported through a callback so that the reader can list them as dropped.
/// </summary>
public static class TextBlocks
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "iframe", "template", "svg", "canvas", "object", "embed", "button", "select", "input", "textarea", "video", "audio",
        "picture", "img", "head", "title", "meta", "link", "math", "map", "option",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "figure", "figcaption", "table", "tbody", "thead", "tr", "td", "th", "pre", "dd", "dt", "dl", "body", "html", "address", "center", "hr", "form", "fieldset", "details", "summary", "caption",
    };

    public static List<PageBlock> Collect(IElement root, BoilerplateMap? boilerplate, Action<IElement, string>? onSkipped = null)
    {
        var blocks = new List<PageBlock>();
        var text = new StringBuilder();
        var linkChars = 0;
        var openBlocks = new List<IElement> { root };
        var linkDepth = 0;
        var captionDepth = 0;

        void Flush()
        {
            if (text.Length == 0)
            {
                return;
            }

            var raw = text.ToString();
            text.Clear();
            var collapsed = HtmlText.Collapse(raw.Replace('\uFEFF', ' ').Replace('\u200B', ' '));
            var links = Math.Min(linkChars, collapsed.Length);
            linkChars = 0;
            if (collapsed.Length == 0)
            {
                return;
            }

            var owner = openBlocks[^1];
            var kind = captionDepth > 0 ? BlockKind.Caption
                : owner.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" ? BlockKind.Heading
                : owner.LocalName == "li" ? BlockKind.ListItem
                : BlockKind.Paragraph;
            blocks.Add(new PageBlock(collapsed, owner, links, kind));
        }

        // (node, entering): an exit frame closes a block element or a link after its children.
        var stack = new Stack<(INode Node, bool Enter)>();
        for (var i = root.ChildNodes.Length - 1; i >= 0; i--)
        {
            stack.Push((root.ChildNodes[i], true));
        }

        while (stack.Count > 0)
        {
            var (node, enter) = stack.Pop();
            if (node is IText textNode)
            {
                text.Append(textNode.Data);
                if (linkDepth > 0)
                {
                    linkChars += HtmlText.Collapse(textNode.Data).Length;
                }

                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var isBlock = BlockElements.Contains(element.LocalName);
            if (!enter)
            {
                if (isBlock)
                {
                    Flush();
                    openBlocks.RemoveAt(openBlocks.Count - 1);
                }

                if (element.LocalName == "a")
                {
                    linkDepth--;
                }

                if (element.LocalName == "figcaption")
                {
                    captionDepth--;
                }

                continue;
            }

            if (Skipped.Contains(element.LocalName))
            {
                continue;
            }

            if (element.LocalName == "br")
            {
                Flush();
                continue;
            }

            if (boilerplate?.ReasonOf(element) is { } reason)
            {
                Flush();
                onSkipped?.Invoke(element, reason);
                continue;
            }

            if (isBlock)
            {
                Flush();
                openBlocks.Add(element);
            }

            if (element.LocalName == "a")
            {
                linkDepth++;
            }

            if (element.LocalName == "figcaption")
            {
                captionDepth++;
            }

            stack.Push((element, false));
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((element.ChildNodes[i], true));
            }
        }

        Flush();
        return blocks;
    }
}
