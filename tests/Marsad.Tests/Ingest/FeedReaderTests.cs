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
    public void MalformedFeedIsOneClearError()
    {
        var outcome = Assert.Single(ArticleReaders.ReadText("bad.rss", "<rss><channel><item><title>x</title>", new ReadOptions()));
        Assert.Equal(ErrorCodes.BadFormat, outcome.Error!.Code);
        Assert.Equal("bad.rss", outcome.Error!.Input);
    }

    [Fact]
    public void DoctypeEntitiesAreRefused()
    {
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&x;</title></item></channel></rss>";
        var outcome = Assert.Single(ArticleReaders.ReadText("xxe.rss", xxe, new ReadOptions()));
        Assert.NotNull(outcome.Error);
    }
}
