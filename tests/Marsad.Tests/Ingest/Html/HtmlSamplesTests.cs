using System.Text;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Testing;

namespace Marsad.Tests.Ingest.Html;

/// <summary>The team's HTML sample pages: the body is kept, page furniture is dropped, metadata is read.</summary>
public sealed class HtmlSamplesTests
{
    private static Article Read(string sample)
    {
        var path = Path.Combine(SharedData.RepositoryRoot, "samples", sample);
        var outcome = Assert.Single(ArticleReaders.ReadPath(path, new ReadOptions()));
        Assert.Null(outcome.Error);
        Assert.Equal("html", outcome.Article!.Format);
        return outcome.Article;
    }

    private static string Body(Article article) => string.Join("\n", article.Paragraphs);

    private static string Everything(Article article) => string.Join("\n", new[] { article.Headline ?? string.Empty }.Concat(article.Captions).Concat(article.Paragraphs));

    [Fact]
    public void LevantEconomyKeepsBodyAndDropsFurniture()
    {
        var article = Read("html-levant-economy.html");
        Assert.Equal(5, article.Paragraphs.Count);
        Assert.StartsWith("أعلن مصرف لبنان، صباح الاثنين", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("ويؤخر عودة الاستثمارات إلى البلاد.", article.Paragraphs[^1], StringComparison.Ordinal);

        var all = Everything(article);
        foreach (var furniture in new[] { "الرئيسية", "عاجل", "واتساب", "اقرأ أيضاً", "صندوق النقد: الإصلاحات", "كلمات مفتاحية", "اشترك في نشرتنا", "مواضيع ذات صلة",
                     "الدولار يستقر", "أبو علي", "نريد حلاً جذرياً", "لا تعبر عن رأي", "الأكثر قراءة", "جميع الحقوق محفوظة", "مشاهدة", "gtag", "لا يجب أن يظهر", "font-family" })
        {
            Assert.DoesNotContain(furniture, all, StringComparison.Ordinal);
        }

        Assert.Contains(article.Dropped, d => d.Reason == "related" && d.Text.Contains("صندوق النقد", StringComparison.Ordinal));
    }

    [Fact]
    public void LevantEconomyReadsMetaTags()
    {
        var article = Read("html-levant-economy.html");
        Assert.Equal("مصرف لبنان يمدد العمل بآلية سحب الودائع حتى نهاية العام", article.Headline);
        Assert.Equal("صدى المشرق", article.Source);
        Assert.Equal("اقتصاد", article.Section);
        Assert.Equal("ريما الحاج", article.Byline);
        Assert.Equal(new DateTimeOffset(2024, 3, 18, 9, 40, 0, TimeSpan.FromHours(2)), article.PublishedAt);
        Assert.Equal("https://sada-almashreq.example/economy/2024/03/18/deposits-mechanism", article.Url);
        Assert.Equal(["مبنى مصرف لبنان في شارع الحمرا في بيروت"], article.Captions);
    }

    [Fact]
    public void EgyptSportsReadsJsonLdGraph()
    {
        var article = Read("html-egypt-sports.html");
        Assert.Equal("الأهلي يفوز على الزمالك بهدفين ويبتعد بصدارة الدوري", article.Headline);
        Assert.Equal("رياضة", article.Section);
        Assert.Equal("محمود عبد الحميد", article.Byline);
        Assert.Equal("بوابة الملاعب", article.Source);
        Assert.Equal(new DateTimeOffset(2024, 5, 11, 21, 15, 0, TimeSpan.FromHours(3)), article.PublishedAt);
    }

    [Fact]
    public void EgyptSportsDropsShareBarsRelatedAndComments()
    {
        var article = Read("html-egypt-sports.html");
        Assert.Equal(5, article.Paragraphs.Count);
        Assert.DoesNotContain(article.Paragraphs, p => p == article.Headline);
        var body = Body(article);
        foreach (var furniture in new[] { "مشاركة على فيسبوك", "أخبار ذات صلة", "موعد مباراة الأهلي المقبلة", "أضف تعليقاً", "الحكم ظلم الزمالك", "كرة السلة", "شروط الاستخدام", "إعلان", "disqus" })
        {
            Assert.DoesNotContain(furniture, body, StringComparison.Ordinal);
        }

        Assert.Contains(article.Dropped, d => d.Reason == "share");
        Assert.Contains(article.Dropped, d => d.Reason == "tags");
    }

    [Fact]
    public void GulfBriefInWindows1256IsReadWhole()
    {
        var article = Read("html-gulf-brief-windows1256.html");
        // A brief under 500 characters: SmartReader alone finds no article in it.
        Assert.True(article.Paragraphs.Sum(p => p.Length) < 500);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.StartsWith("سجلت موانئ الساحل الشرقي ارتفاعاً", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("موانئ الساحل تسجل ارتفاعاً في حركة الحاويات", article.Headline);
        Assert.Equal(new DateOnly(2024, 5, 14), DateOnly.FromDateTime(article.PublishedAt!.Value.DateTime));
        Assert.DoesNotContain("الأكثر قراءة", Everything(article), StringComparison.Ordinal);
        Assert.DoesNotContain("استفتاء", Everything(article), StringComparison.Ordinal);
    }

    [Fact]
    public void MaghrebCultureReadsFigcaptionsBreadcrumbsAndTime()
    {
        var article = Read("html-maghreb-culture-figure.html");
        Assert.Equal(["فرقة الطرب الأندلسي خلال حفل الافتتاح في ساحة القصبة", "ورشة تعليم العزف على العود لفائدة الأطفال"], article.Captions);
        Assert.Equal("ثقافة", article.Section);
        Assert.Equal("نزهة الإدريسي", article.Byline);
        Assert.Equal(new DateTimeOffset(2024, 7, 4, 19, 30, 0, TimeSpan.FromHours(1)), article.PublishedAt);
        Assert.Contains("مشاركة دولية", article.Paragraphs);
        Assert.EndsWith("حسب ما أعلنته الجهة المنظمة.", article.Paragraphs[^1], StringComparison.Ordinal);
        var all = Everything(article);
        foreach (var furniture in new[] { "شارك هذا المقال", "السابق", "التالي", "معرض الكتاب يستقبل", "اترك تعليقاً", "دقائق قراءة", "تسجيل الدخول" })
        {
            Assert.DoesNotContain(furniture, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Windows1256PageWithoutDeclarationIsDetected()
    {
        var utf8 = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "html-levant-economy.html"));
        var undeclared = utf8.Replace("<meta charset=\"utf-8\">", string.Empty, StringComparison.Ordinal);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1256).GetBytes(undeclared);

        var outcome = Assert.Single(ArticleReaders.ReadBytes("undeclared.html", bytes, new ReadOptions()));
        Assert.Null(outcome.Error);
        Assert.Equal("مصرف لبنان يمدد العمل بآلية سحب الودائع حتى نهاية العام", outcome.Article!.Headline);
        Assert.StartsWith("أعلن مصرف لبنان، صباح الاثنين", outcome.Article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedPageGivesTheContentItHolds()
    {
        var html = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "html-levant-economy.html"));
        var cut = html[..html.IndexOf("ورحبت جمعية المصارف", StringComparison.Ordinal)];
        var outcome = Assert.Single(ArticleReaders.ReadBytes("cut.html", Encoding.UTF8.GetBytes(cut), new ReadOptions()));
        Assert.Null(outcome.Error);
        Assert.Equal(2, outcome.Article!.Paragraphs.Count);
        Assert.StartsWith("أعلن مصرف لبنان", outcome.Article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedPageWithoutBodyTextIsAClearError()
    {
        var html = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "html-levant-economy.html"));
        var cut = html[..html.IndexOf("<body>", StringComparison.Ordinal)];
        var outcome = Assert.Single(ArticleReaders.ReadBytes("cut.html", Encoding.UTF8.GetBytes(cut), new ReadOptions { Format = InputFormat.Html }));
        Assert.Null(outcome.Article);
        Assert.Equal(Marsad.Errors.ErrorCodes.NoContent, outcome.Error!.Code);
        Assert.Contains("truncated", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNestingIsRefusedNotOverflowed()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 20000)) + "نص عربي قصير." + "</body></html>";
        var outcome = Assert.Single(ArticleReaders.ReadBytes("deep.html", Encoding.UTF8.GetBytes(html), new ReadOptions { Format = InputFormat.Html }));
        Assert.NotNull(outcome.Error);
    }
}

/// <summary>Encodings of HTML pages beyond the samples: declarations that lie.</summary>
public sealed class HtmlEncodingTests
{
    [Fact]
    public void Utf8PageDeclaringWindows1256IsReadAsUtf8()
    {
        var html = "<html><head><meta charset=\"windows-1256\"><title>خبر</title></head><body><p>قال الوزير إن الحكومة ستعلن خطتها الاقتصادية الجديدة الأسبوع المقبل.</p></body></html>";
        var (text, encoding) = InputDecoder.Decode("lie.html", Encoding.UTF8.GetBytes(html));
        Assert.Equal("utf-8", encoding);
        Assert.Equal(html, text);
    }

    [Fact]
    public void Windows1256PageDeclaringUtf8IsReadAsWindows1256()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<html><head><meta charset=\"utf-8\"></head><body><p>قال الوزير إن الحكومة ستعلن خطتها الاقتصادية الجديدة الأسبوع المقبل.</p></body></html>";
        var (text, _) = InputDecoder.Decode("lie.html", Encoding.GetEncoding(1256).GetBytes(html));
        Assert.Equal(html, text);
    }
}
