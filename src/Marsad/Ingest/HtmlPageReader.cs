using AngleSharp.Html.Parser;
using Marsad.Errors;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads an HTML news page: main content extracted with SmartReader (a Readability port),
/// metadata from OpenGraph and article meta tags.
/// </summary>
public sealed class HtmlPageReader : IArticleReader
{
    public InputFormat Format => InputFormat.Html;

    public IEnumerable<ReadOutcome> Read(string name, string text, ReadOptions options)
    {
        var document = new HtmlParser().ParseDocument(text);
        string? Meta(string key) =>
            document.QuerySelector($"meta[property='{key}']")?.GetAttribute("content")
            ?? document.QuerySelector($"meta[name='{key}']")?.GetAttribute("content");

        var url = Meta("og:url") ?? document.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        var headline = Meta("og:title") ?? document.Title;
        var reader = new SmartReader.Reader(string.IsNullOrEmpty(url) ? "https://localhost/" : url, text);
        var extracted = reader.GetArticle();
        var paragraphs = extracted.IsReadable || !string.IsNullOrEmpty(extracted.Content)
            ? HtmlText.Paragraphs(extracted.Content)
            : [];
        if (paragraphs.Count == 0 && document.Body is not null)
        {
            paragraphs = HtmlText.Paragraphs(document.Body);
        }

        if (paragraphs.Count == 0)
        {
            return [ReadOutcome.Fail(new MarsadException(ErrorCodes.NoContent, "no article text found in the page", name))];
        }

        var date = DateParsing.TryParse(Meta("article:published_time")) ?? extracted.PublicationDate;
        return [ReadOutcome.Ok(new Article
        {
            Id = ArticleIds.For(Meta("og:site_name"), url, headline, paragraphs),
            Source = Meta("og:site_name"),
            Url = url,
            Section = Meta("article:section"),
            Headline = headline is null ? null : HtmlText.Collapse(headline),
            Paragraphs = paragraphs,
            PublishedAt = options.OverrideDate ? options.DefaultDate : date ?? options.DefaultDate,
            Byline = Meta("author"),
            Format = "html",
            Origin = name,
        })];
    }
}
