using System.Text.Json;

namespace Marsad.Ingest.Html;

/// <summary>
/// The article facts of a page's JSON-LD blocks (&lt;script type="application/ld+json"&gt;): the first
/// NewsArticle-like object (NewsArticle, ReportageNewsArticle, AnalysisNewsArticle, Article,
/// BlogPosting, …), found at the top level, in arrays or in <c>@graph</c>; and the names of a
/// BreadcrumbList. Malformed blocks are ignored: many sites emit broken JSON-LD.
/// </summary>
public sealed class JsonLd
{
    private static readonly string[] ArticleTypes =
    [
        "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "Article", "BlogPosting", "LiveBlogPosting", "Report",
    ];

    public string? Headline { get; private set; }

    public string? DatePublished { get; private set; }

    public string? Section { get; private set; }

    public string? Author { get; private set; }

    public string? Publisher { get; private set; }

    public string? Url { get; private set; }

    /// <summary>The breadcrumb trail's item names, in order.</summary>
    public List<string> Breadcrumbs { get; } = [];

    public static JsonLd Read(IEnumerable<string> blocks)
    {
        var result = new JsonLd();
        foreach (var block in blocks)
        {
            try
            {
                using var json = JsonDocument.Parse(block.Trim().TrimEnd(';'), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                result.Visit(json.RootElement, 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the meta tags still speak.
            }
        }

        return result;
    }

    private void Visit(JsonElement element, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, depth + 1);
        }

        var types = Types(element);
        if (types.Any(t => ArticleTypes.Contains(t, StringComparer.OrdinalIgnoreCase)) && DatePublished is null && Headline is null)
        {
            Headline = Text(element, "headline") ?? Text(element, "name");
            DatePublished = Text(element, "datePublished") ?? Text(element, "dateCreated");
            Section = Text(element, "articleSection");
            Author = Names(element, "author");
            Publisher = Names(element, "publisher");
            Url = Text(element, "url") ?? Id(element, "mainEntityOfPage");
        }
        else if (types.Contains("BreadcrumbList", StringComparer.OrdinalIgnoreCase) && Breadcrumbs.Count == 0
            && element.TryGetProperty("itemListElement", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray().OrderBy(Position))
            {
                var name = Text(item, "name") ?? (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("item", out var inner) ? Text(inner, "name") : null);
                if (!string.IsNullOrWhiteSpace(name))
                {
                    Breadcrumbs.Add(HtmlText.Collapse(name));
                }
            }
        }
        else if (types.Contains("WebPage", StringComparer.OrdinalIgnoreCase) && element.TryGetProperty("mainEntity", out var main))
        {
            Visit(main, depth + 1);
        }
    }

    private static int Position(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("position", out var p)
            ? p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) ? n : int.TryParse(p.ToString(), out var m) ? m : 0
            : 0;

    private static List<string> Types(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return [];
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList(),
            _ => [],
        };
    }

    /// <summary>A string property, or the first string of an array property.</summary>
    private static string? Text(JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static string? Id(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : Text(value, "@id")
            : null;

    /// <summary>Author or publisher names: a string, an object with a name, or an array of either, joined with "، ".</summary>
    private static string? Names(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var item in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value])
        {
            var name = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => Text(item, "name"),
                _ => null,
            };
            // Some sites put a logo URL after the name: keep only the words before it.
            var url = name?.IndexOf("http", StringComparison.OrdinalIgnoreCase) ?? -1;
            name = url >= 0 ? name![..url] : name;
            if (!string.IsNullOrWhiteSpace(name))
            {
                names.Add(HtmlText.Collapse(name));
            }
        }

        return names.Count == 0 ? null : string.Join("، ", names.Distinct());
    }
}
