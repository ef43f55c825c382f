using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Marsad.Ingest.Html;

/// <summary>
/// Reads <see cref="PageMetadata"/> from a parsed page. Each field takes the most explicit source
/// first: JSON-LD NewsArticle, then OpenGraph/article meta tags, then markup (&lt;time&gt;,
/// breadcrumbs, h1, date lines), then the URL. The publication date also reads Arabic written
/// dates (<see cref="ArabicDates"/>) where a meta tag holds one.
/// </summary>
public static partial class PageMetadataReader
{
    private static readonly string[] DateMetaKeys =
    [
        "article:published_time", "og:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "publish_date",
        "published_time", "article.published", "DC.date.issued", "dc.date.issued", "DC.date", "dc.date", "dcterms.created", "sailthru.date",
        "parsely-pub-date", "cXenseParse:recs:publishtime", "date", "article_date_original", "original-publish-date",
    ];

    /// <summary>Words that a breadcrumb trail starts with and that are no section.</summary>
    private static readonly HashSet<string> HomeCrumbs = new(new[] { "الرئيسية", "الصفحة الرئيسية", "الرئيسيه", "home", "أخبار", "الأخبار" }.Select(PageVocabulary.Fold), StringComparer.Ordinal);

    public static PageMetadata Read(IDocument document, BoilerplateMap boilerplate)
    {
        var jsonLd = JsonLd.Read(document.QuerySelectorAll("script[type='application/ld+json' i]").Select(s => s.TextContent));
        var siteName = Meta(document, "og:site_name") ?? jsonLd.Publisher;
        var url = Absolute(Meta(document, "og:url")) ?? Absolute(document.QuerySelector("link[rel='canonical' i]")?.GetAttribute("href")) ?? Absolute(jsonLd.Url);
        var (date, dateSource) = PublicationDate(document, jsonLd, url, boilerplate);
        return new PageMetadata
        {
            Headline = Headline(document, jsonLd, siteName),
            Url = url,
            Source = siteName is null ? (Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null) : HtmlText.Collapse(siteName),
            Section = Clean(jsonLd.Section) ?? Clean(Meta(document, "article:section")) ?? BreadcrumbSection(document, jsonLd),
            Byline = WithoutUrl(Clean(jsonLd.Author) ?? NotUrl(Meta(document, "author")) ?? NotUrl(Meta(document, "article:author")) ?? MarkupByline(document)),
            PublishedAt = date,
            DateSource = dateSource,
        };
    }

    /// <summary>The content of a meta tag by property, name or itemprop (case-insensitive).</summary>
    public static string? Meta(IDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var k = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (k is not null && k.Equals(key, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content && !string.IsNullOrWhiteSpace(content))
            {
                return content.Trim();
            }
        }

        return null;
    }

    private static string? Headline(IDocument document, JsonLd jsonLd, string? siteName)
    {
        var h1 = document.QuerySelectorAll("h1").Select(HtmlText.InlineText).FirstOrDefault(t => t.Length > 0);
        var candidate = Clean(jsonLd.Headline) ?? Clean(Meta(document, "og:title")) ?? Clean(Meta(document, "twitter:title")) ?? h1 ?? Clean(document.Title);
        if (candidate is null)
        {
            return null;
        }

        // A title decorated with the site's name or a slogan around the page's own heading: the heading is the headline.
        var foldedCandidate = PageVocabulary.Fold(candidate);
        foreach (var heading in document.QuerySelectorAll("h1, h2").Take(8).Select(HtmlText.InlineText))
        {
            if (heading.Length > 10 && candidate.Length > heading.Length && foldedCandidate.Contains(PageVocabulary.Fold(heading), StringComparison.Ordinal))
            {
                return heading;
            }
        }

        // "Headline - Site" / "Site | Headline": keep the part that is not the site's name.
        foreach (var separator in new[] { " | ", " - ", " – ", " — ", " :: " })
        {
            var parts = candidate.Split(separator);
            if (parts.Length == 2 && siteName is not null)
            {
                var site = PageVocabulary.Fold(siteName);
                if (PageVocabulary.Fold(parts[1]).Contains(site, StringComparison.Ordinal) || site.Contains(PageVocabulary.Fold(parts[1]), StringComparison.Ordinal))
                {
                    return parts[0].Trim();
                }

                if (PageVocabulary.Fold(parts[0]).Contains(site, StringComparison.Ordinal) || site.Contains(PageVocabulary.Fold(parts[0]), StringComparison.Ordinal))
                {
                    return parts[1].Trim();
                }
            }
        }

        return candidate;
    }

    private static (DateTimeOffset?, string?) PublicationDate(IDocument document, JsonLd jsonLd, string? url, BoilerplateMap boilerplate)
    {
        if (ParseDate(jsonLd.DatePublished) is { } fromJsonLd)
        {
            return (fromJsonLd, "json-ld");
        }

        foreach (var key in DateMetaKeys)
        {
            if (ParseDate(Meta(document, key)) is { } fromMeta)
            {
                return (fromMeta, "meta");
            }
        }

        // <time>: the one marked as the publication time first, then the first outside page furniture.
        var times = document.QuerySelectorAll("time").Where(t => !boilerplate.IsInside(t)).ToList();
        var published = times.FirstOrDefault(t => (t.GetAttribute("itemprop") ?? string.Empty).Contains("datePublished", StringComparison.OrdinalIgnoreCase)
            || t.HasAttribute("pubdate") || (t.ClassName ?? string.Empty).Contains("publish", StringComparison.OrdinalIgnoreCase));
        foreach (var time in published is null ? times : [published, .. times])
        {
            if ((ParseDate(time.GetAttribute("datetime")) ?? ArabicDates.Find(time.TextContent)) is { } fromTime)
            {
                return (fromTime, "time");
            }
        }

        // A printed date line in an element named for it (class or id with date, time, publish, created, posted).
        foreach (var element in document.Body?.QuerySelectorAll("*") ?? Enumerable.Empty<IElement>())
        {
            if (element.ChildElementCount <= 3 && DateElementName().IsMatch($"{element.ClassName} {element.Id}") && !boilerplate.IsInside(element)
                && element.TextContent is { Length: > 0 and < 200 } text && ArabicDates.Find(text) is { } fromText)
            {
                return (fromText, "text");
            }
        }

        return (UrlDate(url), url is null ? null : "url");
    }

    private static DateTimeOffset? ParseDate(string? value) => DateParsing.TryParse(value) ?? ArabicDates.Find(value);

    private static DateTimeOffset? UrlDate(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var match = UrlDatePattern().Match(Uri.UnescapeDataString(url));
        if (match.Success && int.TryParse(match.Groups["y"].Value, out var y) && int.TryParse(match.Groups["m"].Value, out var m) && int.TryParse(match.Groups["d"].Value, out var d)
            && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero);
        }

        return null;
    }

    private static string? BreadcrumbSection(IDocument document, JsonLd jsonLd)
    {
        var crumbs = jsonLd.Breadcrumbs;
        if (crumbs.Count == 0)
        {
            var trail = document.QuerySelectorAll("[itemtype*='BreadcrumbList' i], nav[aria-label*='breadcrumb' i], [class*='breadcrumb' i], [id*='breadcrumb' i]").FirstOrDefault();
            if (trail is not null)
            {
                var items = trail.QuerySelectorAll("li, a, [itemprop='name']").Select(HtmlText.InlineText).Where(t => t.Length > 0).Distinct().ToList();
                crumbs = items.Count > 0 ? items : [];
            }
        }

        var headline = jsonLd.Headline is null ? null : PageVocabulary.Fold(jsonLd.Headline);
        var h1 = document.QuerySelector("h1") is { } h ? PageVocabulary.Fold(HtmlText.InlineText(h)) : null;
        return crumbs
            .Select(c => c.Trim(' ', '/', '>', '»', '«', '›'))
            .Where(c => c.Length is > 0 and <= 40 && !HomeCrumbs.Contains(PageVocabulary.Fold(c)))
            .Where(c => PageVocabulary.Fold(c) is var f && f != headline && f != h1 && c.Split(' ').Length <= 5)
            .LastOrDefault();
    }

    private static string? MarkupByline(IDocument document)
    {
        var element = document.QuerySelector("[rel='author'], [itemprop='author'] [itemprop='name'], [itemprop='author'], .byline, .author-name, .author");
        var text = element is null ? null : BylinePrefix().Replace(HtmlText.InlineText(element), string.Empty);
        return text is { Length: > 1 and <= 80 } ? text : null;
    }

    /// <summary>Author markup often carries a logo URL after the name: keep the name.</summary>
    private static string? WithoutUrl(string? value)
    {
        var url = value?.IndexOf("http", StringComparison.OrdinalIgnoreCase) ?? -1;
        var name = url >= 0 ? value![..url].Trim() : value;
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    private static string? NotUrl(string? value) => value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : Clean(value);

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : HtmlText.Collapse(System.Net.WebUtility.HtmlDecode(value));

    private static string? Absolute(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.ToString() : null;

    [GeneratedRegex(@"(?:^|[\s_\-])(?:date|time|publish|published|created|posted|timestamp|tmstmp|datetime)|(?:date|time|publish|created|posted)(?:$|[\s_\-A-Z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateElementName();

    /// <summary>"بقلم:", "كتب:", "تقرير:", "By" before an author's name.</summary>
    [GeneratedRegex(@"^\s*(?:بقلم|كتب|كتبت|كتبه|تقرير|إعداد|اعداد|by)\s*[:：\-–]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d\d)[/\-](?<m>\d{1,2})[/\-](?<d>\d{1,2})(?:[/\-]|$)|/(?<y>(?:19|20)\d\d)(?<m>\d\d)(?<d>\d\d)/", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDatePattern();
}
