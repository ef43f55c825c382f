using Marsad.Errors;
using Marsad.Ingest;
using Marsad.Testing;

namespace Marsad.Tests.Ingest;

public sealed class FeedReaderTests
{
    [Fact]
    public void RssSampleGivesThreeItemsPreferringContentEncoded()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "samples", "feed-maghreb.rss");
        var articles = ArticleReaders.ReadPath(path, new ReadOptions()).Select(o => o.Article!).ToList();
        Assert.Equal(3, articles.Count);

        var first = articles[0];
        Assert.Equal("rss", first.Format);
        Assert.Equal("مرصد المغرب العربي (عينة)", first.Source);
        Assert.Equal("https://example.org/maghreb/tunisie-saison-agricole", first.Url);
        Assert.Equal("اقتصاد", first.Section);
        Assert.Equal("مراسل مرصد في تونس", first.Byline);
        Assert.Equal(new DateTimeOffset(2023, 10, 2, 8, 0, 0, TimeSpan.FromHours(1)), first.PublishedAt);
        // content:encoded wins over the one-line description; its script is not text.
        Assert.Equal(2, first.Paragraphs.Count);
        Assert.DoesNotContain(first.Paragraphs, p => p.Contains("trackView", StringComparison.Ordinal));

        // An item with only a description (HTML) still gives paragraphs.
        Assert.Equal(2, articles[2].Paragraphs.Count);
    }

    [Fact]
    public void AtomSampleReadsEntryFields()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "samples", "feed-levant.atom");
        var article = Assert.Single(ArticleReaders.ReadPath(path, new ReadOptions())).Article!;
        Assert.Equal("https://example.org/levant/jordan-crossing", article.Url);
        Assert.Equal("محليات", article.Section);
        Assert.Equal("مرصد عمّان", article.Byline);
        Assert.Equal(new DateTimeOffset(2023, 10, 5, 9, 0, 0, TimeSpan.FromHours(3)), article.PublishedAt);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void APubDateThatIsNotUnderstoodKeepsTheItemAndWarnsNamingIt()
    {
        const string feed = "<rss version=\"2.0\"><channel><title>نشرة</title>" +
            "<item><title>خبر أول</title><description>نص.</description><pubDate>Thu, 28 Sep 2023 09:30:00 +0300</pubDate></item>" +
            "<item><title>خبر ثان</title><description>نص.</description><pubDate>الخميس 28 سبتمبر</pubDate></item></channel></rss>";
        var outcomes = ArticleReaders.ReadText("feed.rss", feed, new ReadOptions()).ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.Null(outcomes[0].Warning);
        Assert.NotNull(outcomes[0].Article!.PublishedAt);
        Assert.Null(outcomes[1].Article!.PublishedAt);
        Assert.Equal(ErrorCodes.FieldNotUnderstood, outcomes[1].Warning!.Code);
        Assert.Equal("feed.rss#item2", outcomes[1].Warning!.Input);
        Assert.Contains("'الخميس 28 سبتمبر'", outcomes[1].Warning!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedFeedIsOneClearError()
    {
        var outcome = Assert.Single(ArticleReaders.ReadText("bad.rss", "<rss><channel><item><title>x</title>", new ReadOptions()));
        Assert.Equal(ErrorCodes.BadFormat, outcome.Error!.Code);
        Assert.Equal("bad.rss", outcome.Error!.Input);
    }

    [Fact]
    public void DoctypeEntitiesAreNeverExpanded()
    {
        // The DOCTYPE is skipped, not processed: the entity stays literal text and no file is read.
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>";
        var outcome = Assert.Single(ArticleReaders.ReadText("xxe.rss", xxe, new ReadOptions()));
        Assert.Equal("&x;", outcome.Article!.Headline);
    }

    [Fact]
    public void Rss091DoctypeDoesNotCostTheFeed()
    {
        const string feed = """
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>نشرة</title><item><title>عنوان الخبر</title><description>نص الخبر.</description></item></channel></rss>
            """;
        var article = Assert.Single(ArticleReaders.ReadText("old.rss", feed, new ReadOptions())).Article!;
        Assert.Equal("عنوان الخبر", article.Headline);
    }

    [Fact]
    public void HtmlEntitiesAndBareAmpersandsDoNotCostTheFeed()
    {
        // Written by an HTML template: &nbsp; &laquo; &hellip; and a bare & are not XML. Every item must still be read,
        // with the entities' characters, while a CDATA section keeps its text as written.
        const string feed = """
            <rss version="2.0"><channel><title>مرصد&nbsp;تجريبي</title>
            <item><title>&laquo;الاقتصاد&raquo; يتعافى&hellip;</title><description>شراكة AT&T مع شركة محلية &amp; أخرى.</description></item>
            <item><title>خبر ثان</title><description><![CDATA[<p>نص &nbsp;أول&hellip;</p>]]></description></item>
            <item><title>خبر &bogus; ثالث</title><description>نص ثالث &#1575; &#x627;.</description></item>
            </channel></rss>
            """;
        var articles = ArticleReaders.ReadText("template.rss", feed, new ReadOptions()).Select(o => o.Article!).ToList();
        Assert.Equal(3, articles.Count);
        Assert.Equal("مرصد تجريبي", articles[0].Source!.Replace('\u00A0', ' '));
        Assert.Equal("«الاقتصاد» يتعافى…", articles[0].Headline);
        Assert.Equal("شراكة AT&T مع شركة محلية & أخرى.", Assert.Single(articles[0].Paragraphs));
        Assert.Equal("نص أول…", Assert.Single(articles[1].Paragraphs));
        Assert.Equal("خبر &bogus; ثالث", articles[2].Headline);
        Assert.Equal("نص ثالث ا ا.", Assert.Single(articles[2].Paragraphs));
    }

    [Fact]
    public void AFeedBrokenOtherwiseNamesTheFaultLeftAfterTheRepair()
    {
        // &nbsp; on line 1 is repaired; the mistyped closing tag on line 2 is the fault the user must be told about.
        var outcome = Assert.Single(ArticleReaders.ReadText("broken.rss", "<rss><channel><title>A&nbsp;B</title>\n<item><title>x</titel></item></channel></rss>", new ReadOptions()));
        Assert.Equal(ErrorCodes.BadFormat, outcome.Error!.Code);
        Assert.Contains("Line 2", outcome.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nbsp", outcome.Error.Message, StringComparison.Ordinal);
        Assert.Contains("repaired", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TitlesWrittenAsHtmlAreReadAsText()
    {
        const string rss = """
            <rss version="2.0"><channel><title>س</title>
            <item><title><![CDATA[<b>عاجل:</b> قمة &quot;الرياض&quot;]]></title><description>نص.</description></item>
            </channel></rss>
            """;
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>س</title>
            <entry><title type="html">&lt;em&gt;تحليل&lt;/em&gt; اقتصادي</title><content>نص.</content></entry>
            </feed>
            """;
        Assert.Equal("عاجل: قمة \"الرياض\"", Assert.Single(ArticleReaders.ReadText("t.rss", rss, new ReadOptions())).Article!.Headline);
        Assert.Equal("تحليل اقتصادي", Assert.Single(ArticleReaders.ReadText("t.atom", atom, new ReadOptions())).Article!.Headline);
    }

    [Fact]
    public void TitlesWrittenAsTextKeepTheirAngleBrackets()
    {
        // Atom's default type is text: an escaped < is a literal <. In RSS only formatting tags are taken for markup.
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>س</title>
            <entry><title type="text">The &lt;title&gt; element and &amp;amp; entity</title><content>نص.</content></entry>
            <entry><title>x &lt;y</title><content>نص.</content></entry>
            </feed>
            """;
        const string rss = """
            <rss version="2.0"><channel><title>س</title>
            <item><title>Atom &lt;title&gt; element</title><description>نص.</description></item>
            </channel></rss>
            """;
        const string blocks = """
            <rss version="2.0"><channel><title>س</title>
            <item><title><![CDATA[<h2>عنوان <!-- x --></h2><img src="a.png">]]></title><description>نص.</description></item>
            </channel></rss>
            """;
        Assert.Equal("عنوان", Assert.Single(ArticleReaders.ReadText("b.rss", blocks, new ReadOptions())).Article!.Headline);
        var titles = ArticleReaders.ReadText("t.atom", atom, new ReadOptions()).Select(o => o.Article!.Headline).ToList();
        Assert.Equal(["The <title> element and &amp; entity", "x <y"], titles);
        Assert.Equal("Atom <title> element", Assert.Single(ArticleReaders.ReadText("t.rss", rss, new ReadOptions())).Article!.Headline);
    }

    [Fact]
    public void RelativeItemLinksAreResolvedAgainstTheFeed()
    {
        const string rss = """
            <rss version="2.0"><channel><title>س</title><link>https://example.org/news/</link>
            <item><title>أ</title><link>/news/1.html</link></item>
            <item><title>ب</title><link>2.html</link></item>
            <item><title>ج</title><link>https://other.example/3.html</link></item>
            <item><title>د</title><guid isPermaLink="false">story-4</guid></item>
            <item><title>ه</title><guid>123456</guid></item>
            <item><title>و</title><guid>https://example.org/news/6.html</guid></item>
            <item><title>ز</title><link>/news/2023/9/4/عنوان-الخبر</link></item>
            <item><title>ح</title><link>www.example.com/8.html</link></item>
            <item><title>ط</title><link>/news/a%20b%2Fc.html</link></item>
            </channel></rss>
            """;
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.net/ar/"><title>س</title>
            <entry><title>أ</title><link href="world/5.html"/></entry>
            <entry xml:base="/sport/"><title>ب</title><link rel="alternate" href="6.html"/></entry>
            </feed>
            """;
        const string rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel><title>س</title><link>https://example.org/</link></channel>
            <item><title>أ</title><link>/news/1.html</link></item>
            </rdf:RDF>
            """;
        // Guids that are not web addresses (opaque identifiers, whatever isPermaLink says) are no address at all.
        var items = ArticleReaders.ReadText("r.rss", rss, new ReadOptions()).Select(o => o.Article!.Url).ToList();
        Assert.Equal(
            ["https://example.org/news/1.html", "https://example.org/news/2.html", "https://other.example/3.html", null, null,
             "https://example.org/news/6.html", "https://example.org/news/2023/9/4/عنوان-الخبر", "http://www.example.com/8.html",
             "https://example.org/news/a%20b%2Fc.html"],
            items);
        var entries = ArticleReaders.ReadText("a.atom", atom, new ReadOptions()).Select(o => o.Article!.Url).ToList();
        Assert.Equal(["https://example.net/ar/world/5.html", "https://example.net/sport/6.html"], entries);
        Assert.Equal("https://example.org/news/1.html", Assert.Single(ArticleReaders.ReadText("r.rdf", rdf, new ReadOptions())).Article!.Url);
    }
}

public sealed class FeedEntityRepairTests
{
    [Fact]
    public void AWellFormedFeedHasNothingToRepair() =>
        Assert.Null(FeedEntityRepair.Repair("<rss><channel><title>A &amp; B &#1575; &#x627; &lt;</title></channel></rss>"));

    [Fact]
    public void CdataAndCommentsAreLeftAsWritten()
    {
        const string xml = "<a><![CDATA[&nbsp; & ]]><!-- &hellip; --> &nbsp;&hellip; & x</a>";
        Assert.Equal("<a><![CDATA[&nbsp; & ]]><!-- &hellip; --> &#160;&#8230; &amp; x</a>", FeedEntityRepair.Repair(xml));
    }

    [Fact]
    public void Html5NamesAreKnown() =>
        Assert.Equal("<a>&#8208;&#8203;</a>", FeedEntityRepair.Repair("<a>&hyphen;&ZeroWidthSpace;</a>"));

    [Fact]
    public void AnUnknownNameBecomesLiteralText() =>
        Assert.Equal("<a>&amp;bogus; &amp;#; &amp;#x; &amp;</a>", FeedEntityRepair.Repair("<a>&bogus; &#; &#x; &</a>"));
}
