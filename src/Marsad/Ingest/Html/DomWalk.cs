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
