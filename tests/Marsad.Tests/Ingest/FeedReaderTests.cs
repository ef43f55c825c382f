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
    public void AFeedBrokenOtherwiseStillNamesTheParserReason()
    {
        var outcome = Assert.Single(ArticleReaders.ReadText("cut.rss", "<rss><channel><item><title>AT&T &nbsp;</title>", new ReadOptions()));
        Assert.Equal(ErrorCodes.BadFormat, outcome.Error!.Code);
        Assert.Contains("not well-formed XML", outcome.Error.Message, StringComparison.Ordinal);
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
    public void RelativeItemLinksAreResolvedAgainstTheFeed()
    {
        const string rss = """
            <rss version="2.0"><channel><title>س</title><link>https://example.org/news/</link>
            <item><title>أ</title><link>/news/1.html</link></item>
            <item><title>ب</title><link>2.html</link></item>
            <item><title>ج</title><link>https://other.example/3.html</link></item>
            <item><title>د</title><guid isPermaLink="false">story-4</guid></item>
            </channel></rss>
            """;
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.net/ar/"><title>س</title>
            <entry><title>أ</title><link href="world/5.html"/></entry>
            <entry xml:base="/sport/"><title>ب</title><link rel="alternate" href="6.html"/></entry>
            </feed>
            """;
        // The last item's guid is an opaque identifier (isPermaLink="false"), not an address to resolve.
        var items = ArticleReaders.ReadText("r.rss", rss, new ReadOptions()).Select(o => o.Article!.Url).ToList();
        Assert.Equal(["https://example.org/news/1.html", "https://example.org/news/2.html", "https://other.example/3.html", null], items);
        var entries = ArticleReaders.ReadText("a.atom", atom, new ReadOptions()).Select(o => o.Article!.Url).ToList();
        Assert.Equal(["https://example.net/ar/world/5.html", "https://example.net/sport/6.html"], entries);
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
    public void AnUnknownNameBecomesLiteralText() =>
        Assert.Equal("<a>&amp;bogus; &amp;#; &amp;#x; &amp;</a>", FeedEntityRepair.Repair("<a>&bogus; &#; &#x; &</a>"));
}
