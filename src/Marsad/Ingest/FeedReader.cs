using System.Xml;
using System.Xml.Linq;
using Marsad.Errors;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: each item is an article. The item's full
/// content (content:encoded, Atom content) is preferred over its description/summary. DTDs are
/// refused, so a feed cannot expand entities or reach files.
/// </summary>
public sealed class FeedReader : IArticleReader
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public InputFormat Format => InputFormat.Rss;

    public IEnumerable<ReadOutcome> Read(string name, string text, ReadOptions options)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return [ReadOutcome.Fail(new MarsadException(ErrorCodes.BadFormat, $"the feed is not well-formed XML: {e.Message}", name))];
        }

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
        var items = root.Descendants().Where(e => e.Name.LocalName == "item").ToList();
        var index = 0;
        foreach (var item in items)
        {
            index++;
            string? Child(string local) => item.Elements().FirstOrDefault(e => e.Name.LocalName == local && e.Name.Namespace != Content)?.Value;
            var content = item.Element(Content + "encoded")?.Value;
            var description = Child("description");
            var date = Child("pubDate") ?? item.Element(Dc + "date")?.Value;
            yield return Build(
                $"{name}#item{index}", source, Child("title"), Child("link") ?? Child("guid"), content ?? description,
                Child("category"), date, Child("author") ?? item.Element(Dc + "creator")?.Value, options);
        }
    }

    private static IEnumerable<ReadOutcome> ReadAtom(string name, XElement root, ReadOptions options)
    {
        var source = root.Element(Atom + "title")?.Value.Trim();
        var index = 0;
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            index++;
            var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
            var content = entry.Element(Atom + "content")?.Value ?? entry.Element(Atom + "summary")?.Value;
            yield return Build(
                $"{name}#entry{index}", source, entry.Element(Atom + "title")?.Value, link, content,
                entry.Element(Atom + "category")?.Attribute("term")?.Value,
                entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value,
                entry.Element(Atom + "author")?.Element(Atom + "name")?.Value, options);
        }
    }

    private static ReadOutcome Build(
        string origin, string? source, string? title, string? link, string? body, string? category, string? date, string? author, ReadOptions options)
    {
        var paragraphs = string.IsNullOrWhiteSpace(body) ? [] : HtmlText.LooksLikeHtml(body) || body.Contains('<') ? HtmlText.Paragraphs(body) : JsonLinesReader.SplitParagraphs(body);
        var headline = title is null ? null : HtmlText.Collapse(title);
        if (paragraphs.Count == 0 && string.IsNullOrEmpty(headline))
        {
            return ReadOutcome.Fail(new MarsadException(ErrorCodes.MalformedRecord, "the item has neither title nor content", origin));
        }

        var url = link?.Trim();
        return ReadOutcome.Ok(new Article
        {
            Id = ArticleIds.For(source, url, headline, paragraphs),
            Source = source,
            Url = string.IsNullOrEmpty(url) ? null : url,
            Section = category?.Trim(),
            Headline = headline,
            Paragraphs = paragraphs,
            PublishedAt = options.OverrideDate ? options.DefaultDate : DateParsing.TryParse(date) ?? options.DefaultDate,
            Byline = author?.Trim(),
            Format = "rss",
            Origin = origin,
        });
    }
}
