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
public sealed partial class FeedReader : IArticleReader
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
            // Still broken after the repair: the repaired text's reason is the fault left (its lines are the file's lines).
            (document, var repairedError) = Parse(repaired);
            error = repairedError is null ? error : $"{repairedError} (read with its HTML entities and stray ampersands repaired)";
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
        // RSS 2.0's link has no namespace, RSS 1.0's is in its own; an atom:link beside it is not the site's address.
        var site = AbsoluteUri(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "link" && e.Name.Namespace != Atom)?.Value, null);
        var items = root.Descendants().Where(e => e.Name.LocalName == "item").ToList();
        var index = 0;
        foreach (var item in items)
        {
            index++;
            string? Child(string local) => item.Elements().FirstOrDefault(e => e.Name.LocalName == local && e.Name.Namespace != Content)?.Value;
            var content = item.Element(Content + "encoded")?.Value;
            var description = Child("description");
            // A guid stands in for a missing link only when it is a web address already: isPermaLink is often left at its
            // default on opaque identifiers (123456, post-77), which must not be resolved into addresses that do not exist.
            var guid = item.Elements().FirstOrDefault(e => e.Name.LocalName == "guid");
            var permalink = guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase)
                && IsWebAddress(guid.Value.Trim()) ? guid.Value.Trim() : null;
            string?[] date = [Child("pubDate"), item.Element(Dc + "date")?.Value];
            yield return Build(
                $"{name}#item{index}", source, RssTitle(Child("title")), AbsoluteUri(Child("link"), site) ?? permalink, content ?? description,
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
                $"{name}#entry{index}", source, AtomText(entry.Element(Atom + "title")), AlternateLink(entry, entryBase), content,
                entry.Element(Atom + "category")?.Attribute("term")?.Value,
                [entry.Element(Atom + "published")?.Value, entry.Element(Atom + "updated")?.Value],
                entry.Element(Atom + "author")?.Element(Atom + "name")?.Value, options);
        }
    }

    /// <summary>The href of an Atom element's alternate link, resolved against <paramref name="baseUri"/>.</summary>
    private static string? AlternateLink(XElement element, string? baseUri) =>
        AbsoluteUri(element.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value, baseUri);

    /// <summary>
    /// A link as an absolute address: as written when it is one, else resolved against <paramref name="baseUri"/> (kept
    /// as written when there is no absolute base); "www.…" without a scheme is taken for a web address.
    /// </summary>
    private static string? AbsoluteUri(string? link, string? baseUri)
    {
        var trimmed = link?.Trim();
        if (string.IsNullOrEmpty(trimmed) || IsAbsolute(trimmed))
        {
            return string.IsNullOrEmpty(trimmed) ? null : trimmed;
        }

        if (trimmed.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return $"http://{trimmed}";
        }

        return baseUri is not null && IsAbsolute(baseUri) && Uri.TryCreate(new Uri(baseUri), trimmed, out var resolved)
            ? Readable(resolved.AbsoluteUri)
            : trimmed;
    }

    /// <summary>
    /// A resolved address with its escaped non-ASCII letters written out (an IRI: Arabic paths readable, like the absolute
    /// links feeds write), while escaped ASCII (%20, %2F, %25) stays escaped, so the address means the same.
    /// </summary>
    internal static string Readable(string uri)
    {
        if (!uri.Contains('%', StringComparison.Ordinal))
        {
            return uri;
        }

        var text = new System.Text.StringBuilder(uri.Length);
        var i = 0;
        while (i < uri.Length)
        {
            var runEnd = i;
            while (IsNonAsciiEscape(uri, runEnd))
            {
                runEnd += 3;
            }

            if (runEnd == i)
            {
                text.Append(uri[i++]);
                continue;
            }

            // A run of escaped UTF-8 bytes; bytes that are not valid UTF-8 stay escaped (UnescapeDataString leaves them).
            text.Append(Uri.UnescapeDataString(uri[i..runEnd]));
            i = runEnd;
        }

        return text.ToString();
    }

    private static bool IsNonAsciiEscape(string uri, int at) =>
        at + 2 < uri.Length && uri[at] == '%' && char.IsAsciiHexDigit(uri[at + 2]) && uri[at + 1] is >= '8' and <= '9' or >= 'A' and <= 'F' or >= 'a' and <= 'f';

    /// <summary>Absolute with a scheme of its own: on Unix, .NET also takes "/news/1.html" for an absolute file URI.</summary>
    private static bool IsAbsolute(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (!uri.IsFile || link.StartsWith("file:", StringComparison.OrdinalIgnoreCase));

    private static bool IsWebAddress(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>
    /// An RSS title as text. RSS does not say whether a title is text or HTML, and CMS templates put formatting tags in
    /// it (in CDATA or escaped) and escape quotes twice: HTML tags (formatting, block, image) and comments are removed and
    /// HTML references decoded, while
    /// anything else that looks like a tag (a headline about the &lt;title&gt; element) stays text.
    /// </summary>
    private static string? RssTitle(string? title) =>
        title is null ? null
        : title.AsSpan().IndexOfAny('<', '&') < 0 ? HtmlText.Collapse(title)
        : HtmlText.Collapse(System.Net.WebUtility.HtmlDecode(FormattingTag().Replace(title, " ")));

    /// <summary>An Atom text construct as text: <c>type="html"</c> is escaped HTML, "text" (the default) and "xhtml" are read as they are.</summary>
    private static string? AtomText(XElement? element) =>
        element is null ? null
        : (string?)element.Attribute("type") == "html" ? HtmlText.Collapse(string.Join(' ', HtmlText.Paragraphs(element.Value)))
        : HtmlText.Collapse(element.Value);

    [System.Text.RegularExpressions.GeneratedRegex(
        @"<!--.*?-->|</?(?:a|abbr|b|bdi|bdo|big|br|cite|del|div|em|font|h[1-6]|i|img|ins|mark|nobr|p|q|s|small|span|strike|strong|sub|sup|time|u|wbr)\b[^<>]*>",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex FormattingTag();

    private static ReadOutcome Build(
        string origin, string? source, string? title, string? link, string? body, string? category, string?[] date, string? author, ReadOptions options)
    {
        var paragraphs = string.IsNullOrWhiteSpace(body) ? [] : HtmlText.LooksLikeHtml(body) || body.Contains('<') ? HtmlText.Paragraphs(body) : JsonLinesReader.SplitParagraphs(body);
        var headline = title;
        if (paragraphs.Count == 0 && string.IsNullOrEmpty(headline))
        {
            return ReadOutcome.Fail(new MarsadException(ErrorCodes.MalformedRecord, "the item has neither title nor content", origin));
        }

        var url = link;
        var (published, warning) = PublicationDate.ReadFirst(date, options, origin);
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
