using AngleSharp.Html.Parser;

namespace Marsad.Ingest.Evaluation;

/// <summary>
/// SmartReader (a Readability port) used alone, the baseline of <see cref="ExtractionEvaluator"/>:
/// its article content turned into paragraphs the same way Marsad's reader does, its title and
/// its publication date. Bytes are decoded by <see cref="InputDecoder"/> for both systems.
/// </summary>
public static class SmartReaderBaseline
{
    public static Extraction Extract(string name, byte[] bytes)
    {
        try
        {
            var (text, _) = InputDecoder.Decode(name, bytes);
            var document = new HtmlParser().ParseDocument(text);
            var url = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
            var article = new SmartReader.Reader(Uri.TryCreate(url, UriKind.Absolute, out _) ? url! : "https://localhost/", text).GetArticle();
            var paragraphs = string.IsNullOrEmpty(article.Content) ? [] : HtmlText.Paragraphs(article.Content);
            return new Extraction(paragraphs, [], article.Title, article.PublicationDate, paragraphs.Count == 0 ? "SmartReader found no article" : null);
        }
        catch (Errors.MarsadException e)
        {
            return new Extraction([], [], null, null, e.ToLine());
        }
    }
}
