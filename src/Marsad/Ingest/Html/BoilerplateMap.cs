using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Marsad.Ingest.Html;

/// <summary>
/// The elements of a page that are page furniture, each with its reason: navigation, share bars,
/// related lists, comments, tag lists, counters, subscribe prompts, advertising, next/previous
/// links, hidden elements. Decided from the tag (nav, aside, footer, form…), ARIA roles, the
/// hidden attribute or style, and the words in class and id names, which are the same across
/// outlets (share, related, comment, tags…). The page is not modified; extraction skips marked
/// elements and lists the ones inside the article as dropped.
/// </summary>
public sealed partial class BoilerplateMap
{
    private static readonly Dictionary<string, string> TagReasons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nav"] = "navigation",
        ["aside"] = "widget",
        ["footer"] = "navigation",
        ["header"] = "navigation",
        ["form"] = "form",
        ["menu"] = "navigation",
        ["dialog"] = "widget",
    };

    private static readonly Dictionary<string, string> RoleReasons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["navigation"] = "navigation",
        ["banner"] = "navigation",
        ["contentinfo"] = "navigation",
        ["complementary"] = "widget",
        ["menu"] = "navigation",
        ["menubar"] = "navigation",
        ["search"] = "form",
        ["dialog"] = "widget",
    };

    /// <summary>Class/id name parts and what they mean; a part is a piece of a name split at '-', '_', or a camelCase hump.</summary>
    private static readonly Dictionary<string, string> NameReasons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["share"] = "share", ["sharing"] = "share", ["shares"] = "share", ["social"] = "share", ["sociallinks"] = "share", ["addthis"] = "share", ["sharethis"] = "share",
        ["whatsapp"] = "share", ["facebook"] = "share", ["twitter"] = "share", ["telegram"] = "share", ["linkedin"] = "share",
        ["related"] = "related", ["relatednews"] = "related", ["recommended"] = "related", ["recommend"] = "related", ["recommendations"] = "related", ["readmore"] = "related", ["morenews"] = "related",
        ["mostread"] = "related", ["mostviewed"] = "related", ["popular"] = "related", ["trending"] = "related", ["latest"] = "related", ["outbrain"] = "related", ["taboola"] = "related",
        ["comment"] = "comments", ["comments"] = "comments", ["disqus"] = "comments", ["respond"] = "comments",
        ["tag"] = "tags", ["tags"] = "tags", ["taglist"] = "tags", ["keywords"] = "tags", ["hashtags"] = "tags",
        ["breadcrumb"] = "breadcrumbs", ["breadcrumbs"] = "breadcrumbs",
        ["newsletter"] = "subscribe", ["subscribe"] = "subscribe", ["subscription"] = "subscribe", ["signup"] = "subscribe",
        ["ad"] = "advertising", ["ads"] = "advertising", ["advert"] = "advertising", ["advertisement"] = "advertising", ["adslot"] = "advertising", ["dfp"] = "advertising", ["sponsored"] = "advertising", ["banner"] = "advertising",
        ["sidebar"] = "widget", ["widget"] = "widget", ["widgets"] = "widget", ["popup"] = "widget", ["modal"] = "widget", ["cookie"] = "widget", ["cookies"] = "widget",
        ["nav"] = "navigation", ["navbar"] = "navigation", ["navigation"] = "navigation", ["menu"] = "navigation", ["footer"] = "navigation", ["pagination"] = "navigation", ["pager"] = "navigation",
        ["prev"] = "next-previous", ["previous"] = "next-previous", ["next"] = "next-previous",
        ["counter"] = "counter", ["viewcount"] = "counter", ["hits"] = "counter",
        ["print"] = "tools", ["fontsize"] = "tools", ["rating"] = "tools", ["toolbar"] = "tools", ["tools"] = "tools",
        ["authorbox"] = "byline", ["byline"] = "byline",
    };

    /// <summary>Elements never marked: they hold the article or the whole page.</summary>
    private static readonly HashSet<string> NeverMarked = new(StringComparer.OrdinalIgnoreCase) { "html", "body", "main", "article" };

    private readonly Dictionary<IElement, string> _reasons = new();

    private BoilerplateMap()
    {
    }

    public static BoilerplateMap Build(IElement root)
    {
        var map = new BoilerplateMap();
        var total = root.TextContent.Length;
        foreach (var element in DomWalk.Elements(root))
        {
            if (NeverMarked.Contains(element.LocalName) || map.IsInside(element.ParentElement))
            {
                continue;
            }

            var reason = ReasonFor(element);
            // A wrapper holding most of the page's text is layout, whatever its class says ("has-sidebar", "page-header").
            if (reason is not null && reason != "hidden" && total > 0 && element.TextContent.Length > total * 0.5)
            {
                continue;
            }

            if (reason is not null && !ContainsArticle(element))
            {
                map._reasons[element] = reason;
            }
        }

        return map;
    }

    /// <summary>The reason an element is furniture, or null.</summary>
    public string? ReasonOf(IElement element) => _reasons.GetValueOrDefault(element);

    /// <summary>True when the element or one of its ancestors is marked.</summary>
    public bool IsInside(IElement? element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (_reasons.ContainsKey(e))
            {
                return true;
            }
        }

        return false;
    }

    internal static string? ReasonFor(IElement element)
    {
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true" || HiddenStyle().IsMatch(element.GetAttribute("style") ?? string.Empty))
        {
            return "hidden";
        }

        if (TagReasons.TryGetValue(element.LocalName, out var byTag))
        {
            return byTag;
        }

        if (element.GetAttribute("role") is { } role && RoleReasons.TryGetValue(role.Trim(), out var byRole))
        {
            return byRole;
        }

        foreach (var token in element.ClassList)
        {
            if (token is "d-none" or "hidden" or "hide" or "sr-only" or "visually-hidden" or "screen-reader-text")
            {
                return "hidden";
            }

            if (NameReason(token) is { } byClass)
            {
                return byClass;
            }
        }

        return element.Id is { Length: > 0 } id ? NameReason(id) : null;
    }

    private static string? NameReason(string name)
    {
        if (NameReasons.TryGetValue(name, out var whole))
        {
            return whole;
        }

        foreach (var part in NameParts().Split(name))
        {
            if (part.Length > 0 && NameReasons.TryGetValue(part, out var reason))
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>An element wrapping an &lt;article&gt; or the marked-up article body is no furniture.</summary>
    private static bool ContainsArticle(IElement element) =>
        element.QuerySelector("article, [itemprop='articleBody'], main") is not null;

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"[-_\s:.]+|(?<=[a-z])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex NameParts();
}
