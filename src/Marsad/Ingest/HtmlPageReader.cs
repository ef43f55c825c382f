using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Marsad.Errors;
using Marsad.Ingest.Html;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads an HTML news page into one article.
/// <list type="number">
/// <item>Metadata (<see cref="PageMetadataReader"/>): JSON-LD NewsArticle, OpenGraph/article meta, &lt;time&gt;,
/// breadcrumbs, printed date lines, the URL.</item>
/// <item>Page furniture is marked (<see cref="BoilerplateMap"/>): navigation, share bars, related lists,
/// comments, tags, counters, subscribe prompts, adverts, hidden elements.</item>
/// <item>The body is located by text density over what is left (<see cref="ContentLocator"/>); short briefs are
/// found too. When that finds no prose, SmartReader (a Readability port) is asked instead.</item>
/// <item>Blocks become paragraphs and captions under Marsad's Arabic rules (<see cref="BlockRules"/>); every block
/// left out inside the article is listed in <see cref="Article.Dropped"/> with its reason.</item>
/// </list>
/// Scripts, styles and link targets never become text. Truncated pages give what content they hold.
/// </summary>
public sealed class HtmlPageReader : IArticleReader
{
    public InputFormat Format => InputFormat.Html;

    public IEnumerable<ReadOutcome> Read(string name, string text, ReadOptions options)
    {
        var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(text);
        if (DomWalk.Depth(document.DocumentElement) > DomWalk.MaxDepth)
        {
            return [ReadOutcome.Fail(new MarsadException(ErrorCodes.BadFormat, $"the page nests elements more than {DomWalk.MaxDepth} deep: not a readable page", name))];
        }

        var body = document.Body;
        if (body is null)
        {
            return [ReadOutcome.Fail(new MarsadException(ErrorCodes.NoContent, "the page has no body", name))];
        }

        var boilerplate = BoilerplateMap.Build(body);
        var metadata = PageMetadataReader.Read(document, boilerplate);
        var dropped = new List<DroppedBlock>();
        var (paragraphs, captions) = ReadBody(body, boilerplate, metadata.Headline, dropped);
        if (paragraphs.Count == 0)
        {
            dropped.Clear();
            (paragraphs, captions) = ReadWithSmartReader(text, metadata, dropped);
        }

        if (paragraphs.Count == 0)
        {
            var hint = text.Contains("</html>", StringComparison.OrdinalIgnoreCase) ? string.Empty : " (the page looks truncated)";
            return [ReadOutcome.Fail(new MarsadException(ErrorCodes.NoContent, "no article text found in the page" + hint, name))];
        }

        return [ReadOutcome.Ok(new Article
        {
            Id = ArticleIds.For(metadata.Source, metadata.Url, metadata.Headline, paragraphs),
            Source = metadata.Source,
            Url = metadata.Url,
            Section = metadata.Section,
            Headline = metadata.Headline,
            Captions = captions,
            Paragraphs = paragraphs,
            PublishedAt = options.OverrideDate ? options.DefaultDate : metadata.PublishedAt ?? options.DefaultDate,
            Byline = metadata.Byline,
            Format = "html",
            Origin = name,
            Dropped = dropped,
        })];
    }

    private static (List<string>, List<string>) ReadBody(IElement body, BoilerplateMap boilerplate, string? headline, List<DroppedBlock> dropped)
    {
        var containers = ContentLocator.Locate(TextBlocks.Collect(body, boilerplate));
        if (containers.Count == 0)
        {
            return ([], []);
        }

        var blocks = new List<PageBlock>();
        foreach (var container in containers)
        {
            blocks.AddRange(TextBlocks.Collect(container, boilerplate, (element, reason) =>
            {
                var skipped = HtmlText.InlineText(element);
                if (skipped.Length > 0 && reason != "hidden")
                {
                    dropped.Add(new DroppedBlock(skipped, reason));
                }
            }));
        }

        // Furniture right around the body (share bars, tags, related lists, comments of the same article) is listed too.
        var scope = containers[0].Closest("article") ?? containers[0].ParentElement?.ParentElement ?? containers[0];
        foreach (var element in DomWalk.Elements(scope))
        {
            if (boilerplate.ReasonOf(element) is { } reason && reason != "hidden" && !containers.Any(c => c.Contains(element))
                && HtmlText.InlineText(element) is { Length: > 0 } skipped)
            {
                dropped.Add(new DroppedBlock(skipped, reason));
            }
        }

        var (paragraphs, captions) = BlockRules.Apply(blocks, headline, dropped);
        captions.AddRange(NearbyCaptions(containers[0], boilerplate).Where(c => !captions.Contains(c)));
        return (paragraphs, captions);
    }

    /// <summary>Captions of the article's figures outside the body container (the lead photo above it): within the nearest &lt;article&gt; or two levels up.</summary>
    private static IEnumerable<string> NearbyCaptions(IElement container, BoilerplateMap boilerplate)
    {
        var scope = container.Closest("article") ?? container.ParentElement?.ParentElement ?? container;
        return scope.QuerySelectorAll("figcaption")
            .Where(f => !boilerplate.IsInside(f))
            .Select(HtmlText.InlineText)
            .Where(c => c.Length > 0)
            .Distinct();
    }

    private static (List<string>, List<string>) ReadWithSmartReader(string html, PageMetadata metadata, List<DroppedBlock> dropped)
    {
        var url = metadata.Url ?? "https://localhost/";
        var article = new SmartReader.Reader(url, html).GetArticle();
        if (string.IsNullOrEmpty(article.Content))
        {
            return ([], []);
        }

        var fragment = new HtmlParser().ParseDocument($"<html><body>{article.Content}</body></html>").Body!;
        return BlockRules.Apply(TextBlocks.Collect(fragment, BoilerplateMap.Build(fragment)), metadata.Headline, dropped);
    }
}
