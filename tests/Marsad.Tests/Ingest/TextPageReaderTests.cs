using Marsad.Ingest;
using Marsad.Testing;

namespace Marsad.Tests.Ingest;

public sealed class TextPageReaderTests
{
    private static Model.Article Read(string text)
    {
        var outcome = Assert.Single(ArticleReaders.ReadText("test.txt", text, new ReadOptions { Format = InputFormat.Text }));
        Assert.Null(outcome.Error);
        return outcome.Article!;
    }

    [Fact]
    public void SampleLevantPageHasSectionHeadlineCaptionBodyAndDroppedBlocks()
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "samples", "text-levant-energy.txt");
        var article = Assert.Single(ArticleReaders.ReadPath(path, new ReadOptions())).Article!;

        Assert.Equal("اقتصاد", article.Section);
        Assert.StartsWith("وزير الطاقة اللبناني يعلن خطة لزيادة", article.Headline, StringComparison.Ordinal);
        Assert.Equal(["محطة دير عمار لتوليد الكهرباء شمالي لبنان"], article.Captions);
        Assert.Equal(5, article.Paragraphs.Count);
        Assert.StartsWith("أعلن وزير الطاقة", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains(article.Dropped, d => d.Reason == "teaser" && d.Text == "وزير الطاقة اللبناني يعلن خطة");
        Assert.Contains(article.Dropped, d => d.Reason == "widget" && d.Text == "الأكثر قراءة");
        Assert.Contains(article.Dropped, d => d.Text == "مصرف لبنان يصدر تعميما جديدا");
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("الأكثر قراءة", StringComparison.Ordinal));
    }

    [Fact]
    public void SingleSentenceIsBodyWithNothingDropped()
    {
        var article = Read("قال الرئيس إن المحادثات تتقدم");
        Assert.Null(article.Headline);
        Assert.Null(article.Section);
        Assert.Equal(["قال الرئيس إن المحادثات تتقدم"], article.Paragraphs);
        Assert.Empty(article.Dropped);
    }

    [Fact]
    public void ParagraphsOfProseAreAllBody()
    {
        var article = Read("قال الوزير إن الخطة جاهزة.\n\nوأضاف أن التنفيذ يبدأ الأسبوع المقبل.");
        Assert.Null(article.Headline);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.Empty(article.Dropped);
    }

    [Fact]
    public void WidgetLabelMatchesDespiteDiacriticsAndPunctuation()
    {
        var article = Read("رياضة\n\nالفريق يفوز باللقب\n\nفاز الفريق باللقب بعد مباراة صعبة امتدت إلى الأشواط الإضافية أمام جمهور غفير.\n\nإقرأ أيضاً:\n\nالمدرب يمدد عقده");
        Assert.Equal("رياضة", article.Section);
        Assert.Single(article.Paragraphs);
        Assert.Equal(2, article.Dropped.Count);
    }

    [Fact]
    public void InlineRelatedLinkInsideBodyIsDroppedButBodyContinues()
    {
        var article = Read("سياسة\n\nالبرلمان يقر الموازنة\n\nأقر البرلمان الموازنة العامة بأغلبية كبيرة بعد نقاش استمر ثلاثة أيام متتالية.\n\nاقرأ أيضاً: الحكومة تستعد لجلسة الثقة\n\nوقال رئيس البرلمان إن الموازنة تعكس الأولويات الوطنية للمرحلة المقبلة.");
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.Contains(article.Dropped, d => d.Text.StartsWith("اقرأ أيضاً", StringComparison.Ordinal));
    }

    [Fact]
    public void CrLfLineEndingsAndBomAreHandled()
    {
        var article = Read("\uFEFFدولي\r\n\r\nعنوان الخبر\r\n\r\nنص الخبر الكامل هنا مع تفاصيل كثيرة عن الحدث الذي وقع في العاصمة اليوم.\r\n");
        Assert.Equal("دولي", article.Section);
        Assert.Equal("عنوان الخبر", article.Headline);
        Assert.Single(article.Paragraphs);
    }

    [Fact]
    public void DefaultDateIsUsedForTextPages()
    {
        var date = new DateTimeOffset(2023, 9, 4, 0, 0, 0, TimeSpan.Zero);
        var outcome = Assert.Single(ArticleReaders.ReadText("t.txt", "نص قصير.", new ReadOptions { DefaultDate = date }));
        Assert.Equal(date, outcome.Article!.PublishedAt);
    }

    [Fact]
    public void SameTextGetsSameIdAcrossReads()
    {
        var a = Read("عنوان\n\nنص الخبر الأول.");
        var b = Read("عنوانٌ\n\nنص الخبر الأول.");
        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, Read("عنوان\n\nنص خبر آخر.").Id);
    }
}
