using Marsad.Errors;
using Marsad.Ingest;
using Marsad.Testing;

namespace Marsad.Tests.Ingest;

public sealed class JsonLinesReaderTests
{
    [Fact]
    public void SampleFileGivesThreeArticlesWithFields()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "samples", "news-gulf.jsonl");
        var outcomes = ArticleReaders.ReadPath(path, new ReadOptions()).ToList();
        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.Null(o.Error));

        var first = outcomes[0].Article!;
        Assert.Equal("gulf-0001", first.Id);
        Assert.Equal("jsonl", first.Format);
        Assert.Equal("marsad-samples", first.Source);
        Assert.Equal("https://example.org/gulf/0001", first.Url);
        Assert.Equal("اقتصاد", first.Section);
        Assert.StartsWith("السعودية ترفع", first.Headline, StringComparison.Ordinal);
        Assert.Equal(3, first.Paragraphs.Count);
        Assert.Equal(new DateTimeOffset(2023, 9, 28, 9, 30, 0, TimeSpan.FromHours(3)), first.PublishedAt);
        Assert.Equal("فريق التحرير", first.Byline);

        // RFC 822 dates and a "category" field stand in for date and section.
        var second = outcomes[1].Article!;
        Assert.Equal(new DateTimeOffset(2023, 9, 30, 21, 15, 0, TimeSpan.FromHours(3)), second.PublishedAt);
        Assert.Equal("رياضة", second.Section);
    }

    [Fact]
    public void ALaterDateFieldThatIsUnderstoodIsUsedWithoutAWarning()
    {
        // The first field written is not understood, the next one is: the record has a date, nothing is lost.
        var outcome = Assert.Single(ArticleReaders.ReadText("news.jsonl", "{\"title\":\"خبر\",\"text\":\"نص.\",\"date\":\"منذ ساعتين\",\"published\":\"2023-09-04\"}\n", new ReadOptions()));
        Assert.Null(outcome.Warning);
        Assert.Equal(new DateOnly(2023, 9, 4), DateOnly.FromDateTime(outcome.Article!.PublishedAt!.Value.Date));
    }

    [Fact]
    public void ADateThatIsNotUnderstoodKeepsTheArticleAndWarnsNamingTheRecordAndValue()
    {
        const string lines = "{\"title\":\"خبر أول\",\"text\":\"نص.\",\"date\":\"2023-09-28\"}\n{\"title\":\"خبر ثان\",\"text\":\"نص.\",\"date\":\"منذ ساعتين\"}\n";
        var outcomes = ArticleReaders.ReadText("news.jsonl", lines, new ReadOptions()).ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.Null(outcomes[0].Warning);
        Assert.Equal("خبر ثان", outcomes[1].Article!.Headline);
        Assert.Null(outcomes[1].Article!.PublishedAt);
        var warning = outcomes[1].Warning!;
        Assert.Equal(ErrorCodes.FieldNotUnderstood, warning.Code);
        Assert.Equal("news.jsonl#2", warning.Input);
        Assert.Contains("'منذ ساعتين'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("without a date", warning.Message, StringComparison.Ordinal);

        // With a default date (--date) the article takes it, and the warning says so; --date overriding the record's date warns of nothing.
        var withDefault = ArticleReaders.ReadText("news.jsonl", lines, new ReadOptions { DefaultDate = new DateTimeOffset(2023, 9, 4, 0, 0, 0, TimeSpan.Zero) }).ToList()[1];
        Assert.Equal(new DateTimeOffset(2023, 9, 4, 0, 0, 0, TimeSpan.Zero), withDefault.Article!.PublishedAt);
        Assert.Contains("default date 2023-09-04", withDefault.Warning!.Message, StringComparison.Ordinal);
        Assert.All(ArticleReaders.ReadText("news.jsonl", lines, new ReadOptions { DefaultDate = DateTimeOffset.UnixEpoch, OverrideDate = true }), o => Assert.Null(o.Warning));
    }

    [Fact]
    public void MalformedLineIsAnErrorForThatLineOnly()
    {
        const string text = "{\"title\": \"أ\", \"text\": \"نص أول\"}\n{\"title\": \"ب\", \"text\": \n[1,2]\n\n{\"headline\": \"ج\", \"body\": \"نص ثالث\", \"extra\": {\"x\": 1}}";
        var outcomes = ArticleReaders.ReadText("in.jsonl", text, new ReadOptions { Format = InputFormat.Jsonl }).ToList();
        Assert.Equal(4, outcomes.Count);
        Assert.NotNull(outcomes[0].Article);
        Assert.Equal(ErrorCodes.MalformedRecord, outcomes[1].Error!.Code);
        Assert.Equal("in.jsonl#2", outcomes[1].Error!.Input);
        Assert.Equal(ErrorCodes.MalformedRecord, outcomes[2].Error!.Code);
        Assert.Equal("in.jsonl#3", outcomes[2].Error!.Input);
        Assert.Equal("ج", outcomes[3].Article!.Headline);
    }

    [Fact]
    public void ParagraphsAreTheTrimmedNonBlankLinesOfTheText()
    {
        // CRLF and LF records, a byte-order mark, blank and space-only lines inside the body.
        const string text = "\uFEFF{\"title\": \"أ\", \"text\": \"  فقرة أولى \\r\\n\\r\\n فقرة ثانية\\n \\n\\nفقرة ثالثة  \"}\r\n\r\n{\"title\": \"ب\", \"text\": \"فقرة وحيدة\"}\r\n";
        var outcomes = ArticleReaders.ReadText("in.jsonl", text, new ReadOptions { Format = InputFormat.Jsonl }).ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.Equal(["فقرة أولى", "فقرة ثانية", "فقرة ثالثة"], outcomes[0].Article!.Paragraphs);
        Assert.Equal("in.jsonl#1", outcomes[0].Article!.Origin);
        Assert.Equal(["فقرة وحيدة"], outcomes[1].Article!.Paragraphs);
        Assert.Equal("in.jsonl#3", outcomes[1].Article!.Origin);
    }

    [Fact]
    public void RecordWithoutTextOrTitleIsRejected()
    {
        var outcome = Assert.Single(ArticleReaders.ReadText("in.jsonl", "{\"id\": \"x\", \"url\": \"u\"}", new ReadOptions()));
        Assert.Equal(ErrorCodes.MalformedRecord, outcome.Error!.Code);
    }

    [Fact]
    public void HtmlBodyIsTurnedIntoParagraphsWithoutScripts()
    {
        var outcome = Assert.Single(ArticleReaders.ReadText("in.jsonl", "{\"title\": \"t\", \"text\": \"<p>فقرة أولى</p><script>alert(1)</script><p>فقرة <a href='x'>ثانية</a></p>\"}", new ReadOptions()));
        Assert.Equal(["فقرة أولى", "فقرة ثانية"], outcome.Article!.Paragraphs);
    }
}
