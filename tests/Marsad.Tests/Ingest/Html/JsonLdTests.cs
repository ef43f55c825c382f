using Marsad.Ingest.Html;

namespace Marsad.Tests.Ingest.Html;

/// <summary>JSON-LD article facts: @graph, arrays, author shapes, breadcrumbs, broken blocks.</summary>
public sealed class JsonLdTests
{
    [Fact]
    public void ReadsNewsArticleAndBreadcrumbsFromGraph()
    {
        var block = """
            {"@context":"https://schema.org","@graph":[
              {"@type":"BreadcrumbList","itemListElement":[
                {"@type":"ListItem","position":2,"item":{"@id":"/sport","name":"رياضة"}},
                {"@type":"ListItem","position":1,"name":"الرئيسية"}]},
              {"@type":["NewsArticle"],"headline":"فوز المنتخب","datePublished":"2024-02-01T10:00:00+03:00",
               "articleSection":["رياضة","كرة القدم"],"author":[{"@type":"Person","name":"سارة خليل"},"وليد حداد"],
               "publisher":{"@type":"Organization","name":"الميدان"}}]}
            """;
        var jsonLd = JsonLd.Read(["{ broken", block]);
        Assert.Equal("فوز المنتخب", jsonLd.Headline);
        Assert.Equal("2024-02-01T10:00:00+03:00", jsonLd.DatePublished);
        Assert.Equal("رياضة", jsonLd.Section);
        Assert.Equal("سارة خليل، وليد حداد", jsonLd.Author);
        Assert.Equal("الميدان", jsonLd.Publisher);
        Assert.Equal(["الرئيسية", "رياضة"], jsonLd.Breadcrumbs);
    }

    [Fact]
    public void IgnoresBlocksWithoutAnArticle()
    {
        var jsonLd = JsonLd.Read(["""{"@type":"Organization","name":"الميدان"}""", "[]", "42"]);
        Assert.Null(jsonLd.Headline);
        Assert.Null(jsonLd.DatePublished);
        Assert.Empty(jsonLd.Breadcrumbs);
    }
}
