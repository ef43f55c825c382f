using AngleSharp.Dom;

namespace Marsad.Ingest.Html;

/// <summary>
/// Walks a DOM without recursion, so that a page of deeply nested tag soup cannot overflow the
/// stack, and measures nesting depth so that readers can refuse absurd pages before any recursive
/// library code (SmartReader, AngleSharp selectors) sees them.
/// </summary>
public static class DomWalk
{
    /// <summary>Deeper nesting than any real page has; beyond it a page is refused as malformed.</summary>
    public const int MaxDepth = 400;

    /// <summary>Above this estimated depth the markup is not parsed at all: HTML tree building slows down with the square of the depth.</summary>
    public const int MaxSourceDepth = 1000;

    /// <summary>Elements that close themselves or are closed implicitly by the parser, so leaving them open does not nest.</summary>
    private static readonly HashSet<string> NoNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
    };

    /// <summary>
    /// A cheap estimate of nesting depth from the markup itself, before parsing: open tags of nesting
    /// elements minus their closing tags. Unclosed tags make it an over-estimate, which is why the
    /// limit it is compared with is far above any real page.
    /// </summary>
    public static int EstimateSourceDepth(string html)
    {
        var depth = 0;
        var max = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            if (end > start && !NoNesting.Contains(html.AsSpan(start, end - start).ToString()))
            {
                var gt = html.IndexOf('>', end);
                var selfClosing = gt > 0 && html[gt - 1] == '/';
                if (closing)
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (!selfClosing)
                {
                    depth++;
                    max = Math.Max(max, depth);
                }
            }

            i = end;
        }

        return max;
    }

    /// <summary>The descendants of root (not root itself), in document order.</summary>
    public static IEnumerable<IElement> Elements(IElement root)
    {
        var stack = new Stack<IElement>();
        for (var i = root.Children.Length - 1; i >= 0; i--)
        {
            stack.Push(root.Children[i]);
        }

        while (stack.Count > 0)
        {
            var element = stack.Pop();
            yield return element;
            var children = element.Children;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    /// <summary>The deepest element nesting under node, counted without recursion; stops counting past <paramref name="limit"/>.</summary>
    public static int Depth(INode node, int limit = MaxDepth + 1)
    {
        var max = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((node, 0));
        while (stack.Count > 0)
        {
            var (current, depth) = stack.Pop();
            if (depth > max)
            {
                max = depth;
                if (max >= limit)
                {
                    return max;
                }
            }

            foreach (var child in current.ChildNodes)
            {
                if (child is IElement)
                {
                    stack.Push((child, depth + 1));
                }
            }
        }

        return max;
    }
}
