using System.Xml;
using System.Xml.Linq;
using Marsad.Errors;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: each item is an article. The item's full
/// content (content:encoded, Atom content) is preferred over its description/summary. A DOCTYPE is
/// skipped, never processed, so a feed cannot expand entities or reach files. Feeds written by HTML
/// templates (HTML entities, bare ampersands) are repaired before they are given up on
/// (<see cref="FeedEntityRepair"/>); titles written as HTML are read as text, and relative item links
/// are resolved against the feed's own address.
/// </summary>
public sealed class FeedReader : IArticleReader
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public InputFormat Format => InputFormat.Rss;

    public IEnumerable<ReadOutcome> Read(string name, string text, ReadOptions options)
    {
        var (document, error) = Parse(text);
        if (document is null && FeedEntityRepair.Repair(text) is { } repaired)
        {
            (document, _) = Parse(repaired);
        }

        return document is null
            ? [ReadOutcome.Fail(new MarsadException(ErrorCodes.BadFormat, $"the feed is not well-formed XML: {error}", name))]
            : Read(name, document, options);
    }

    /// <summary>The feed's XML, or null and the parser's reason.</summary>
    private static (XDocument? Document, string? Error) Parse(string text)
    {
        try
        {
            return (Load(text), null);
        }
        catch (XmlException e)
        {
            return (null, e.Message);
        }
    }

    private static XDocument Load(string text)
    {
        // Ignore, not Parse: the DOCTYPE of an RSS 0.91 feed is common, and ignoring it never reads its entities or files.
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        return XDocument.Load(reader);
    }

    private static IEnumerable<ReadOutcome> Read(string name, XDocument document, ReadOptions options)
    {
        var root = document.Root!;
        return root.Name.LocalName switch
        {
            "rss" or "RDF" => ReadRss(name, root, options),
            "feed" => ReadAtom(name, root, options),
            _ => [ReadOutcome.Fail(new MarsadException(ErrorCodes.BadFormat, $"the XML root <{root.Name.LocalName}> is neither an RSS nor an Atom feed", name))],
        };
    }

    private static IEnumerable<ReadOutcome> ReadRss(string name, XElement root, ReadOptions options)
    {
        var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        var source = channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value.Trim();
        var site = AbsoluteUri(channel?.Elements().FirstOrDefault(e => e.Name == "link")?.Value.Trim(), null);
        var items = root.Descendants().Where(e => e.Name.LocalName == "item").ToList();
        var index = 0;
        foreach (var item in items)
        {
            index++;
            string? Child(string local) => item.Elements().FirstOrDefault(e => e.Name.LocalName == local && e.Name.Namespace != Content)?.Value;
            var content = item.Element(Content + "encoded")?.Value;
            var description = Child("description");
            // A guid is the item's address unless it says it is not one (isPermaLink="false": an opaque identifier).
            var guid = item.Elements().FirstOrDefault(e => e.Name.LocalName == "guid");
            var permalink = guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase) ? guid.Value : null;
            var date = Child("pubDate") ?? item.Element(Dc + "date")?.Value;
            yield return Build(
                $"{name}#item{index}", source, Child("title"), AbsoluteUri(Child("link") ?? permalink, site), content ?? description,
                Child("category"), date, Child("author") ?? item.Element(Dc + "creator")?.Value, options);
        }
    }

    private static IEnumerable<ReadOutcome> ReadAtom(string name, XElement root, ReadOptions options)
    {
        var source = root.Element(Atom + "title")?.Value.Trim();
        var feedBase = AbsoluteUri((string?)root.Attribute(XNamespace.Xml + "base"), null) ?? AlternateLink(root, null);
        var index = 0;
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            index++;
            var entryBase = AbsoluteUri((string?)entry.Attribute(XNamespace.Xml + "base"), feedBase) ?? feedBase;
            var content = entry.Element(Atom + "content")?.Value ?? entry.Element(Atom + "summary")?.Value;
            yield return Build(
                $"{name}#entry{index}", source, entry.Element(Atom + "title")?.Value, AlternateLink(entry, entryBase), content,
                entry.Element(Atom + "category")?.Attribute("term")?.Value,
                entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value,
                entry.Element(Atom + "author")?.Element(Atom + "name")?.Value, options);
        }
    }

    /// <summary>The href of an Atom element's alternate link, resolved against <paramref name="baseUri"/>.</summary>
    private static string? AlternateLink(XElement element, string? baseUri) =>
        AbsoluteUri(element.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value, baseUri);

    /// <summary>
    /// A link as an absolute address: as written when it is one (or when there is no absolute base to resolve it
    /// against, e.g. a guid that is not an address), else resolved against <paramref name="baseUri"/>.
    /// </summary>
    private static string? AbsoluteUri(string? link, string? baseUri)
    {
        var trimmed = link?.Trim();
        if (string.IsNullOrEmpty(trimmed) || IsAbsolute(trimmed))
        {
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }

        return baseUri is not null && IsAbsolute(baseUri) && Uri.TryCreate(new Uri(baseUri), trimmed, out var resolved)
            ? resolved.AbsoluteUri
            : trimmed;
    }

    /// <summary>Absolute with a scheme of its own: on Unix, .NET also takes "/news/1.html" for an absolute file URI.</summary>
    private static bool IsAbsolute(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (!uri.IsFile || link.StartsWith("file:", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A title as text: feeds write titles as escaped HTML (Atom <c>type="html"</c>, RSS titles from CMS templates, in
    /// CDATA or not), so markup is read as HTML and its entities decoded; a plain title is only collapsed.
    /// </summary>
    private static string? Headline(string? title) =>
        title is null ? null
        : title.AsSpan().IndexOfAny('<', '&') >= 0 ? HtmlText.Collapse(string.Join(' ', HtmlText.Paragraphs(title)))
        : HtmlText.Collapse(title);

    private static ReadOutcome Build(
        string origin, string? source, string? title, string? link, string? body, string? category, string? date, string? author, ReadOptions options)
    {
        var paragraphs = string.IsNullOrWhiteSpace(body) ? [] : HtmlText.LooksLikeHtml(body) || body.Contains('<') ? HtmlText.Paragraphs(body) : JsonLinesReader.SplitParagraphs(body);
        var headline = Headline(title);
        if (paragraphs.Count == 0 && string.IsNullOrEmpty(headline))
        {
            return ReadOutcome.Fail(new MarsadException(ErrorCodes.MalformedRecord, "the item has neither title nor content", origin));
        }

        var url = link;
        var (published, warning) = PublicationDate.Read(date, options, origin);
        return ReadOutcome.Ok(new Article
        {
            Id = ArticleIds.For(source, url, headline, paragraphs),
            Source = source,
            Url = string.IsNullOrEmpty(url) ? null : url,
            Section = category?.Trim(),
            Headline = headline,
            Paragraphs = paragraphs,
            PublishedAt = published,
            Byline = author?.Trim(),
            Format = "rss",
            Origin = origin,
        }, warning);
    }
}
