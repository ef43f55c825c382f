using Marsad.Entities;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Tests.Entities.Ner;

/// <summary>
/// A surname used alone after the full name is the person, whatever type the tagger gave it alone
/// (the shipped model calls غوتيريش ORG after أكد and in the headline).
/// </summary>
public sealed class SurnameTypeTests
{
    private const string Text = """
        ميقاتي يبحث مع غوتيريش الوضع في جنوب لبنان

        بحث رئيس حكومة تصريف الأعمال اللبنانية نجيب ميقاتي هاتفيا مع الأمين العام للأمم المتحدة أنطونيو غوتيريش التطورات في جنوب لبنان، وسبل تطبيق القرار 1701.

        وقال ميقاتي إن بيروت ملتزمة بالقرارات الدولية، داعيا الأمم المتحدة إلى الضغط على إسرائيل لوقف الاعتداءات. من جهته، أكد غوتيريش دعم المنظمة لاستقرار لبنان.
        """;

    private static AnalyzedArticle Tag()
    {
        var article = Assert.Single(ArticleReaders.ReadText("surname.txt", Text, new ReadOptions())).Article!;
        var doc = new AnalyzedArticle(article);
        new Marsad.Text.TextAnnotator().Annotate(doc);
        MentionAnnotator.Load(MarsadModels.Locate()).Annotate(doc);
        return doc;
    }

    [Fact]
    public void SurnameAloneTakesThePersonType()
    {
        var doc = Tag();
        var guterres = doc.Mentions.Where(m => m.Text.EndsWith("غوتيريش", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, guterres.Count);
        Assert.All(guterres, m => Assert.Equal("PER", m.Type));
    }

    [Fact]
    public void OtherNamesKeepTheirTypes()
    {
        var doc = Tag();
        Assert.Contains(doc.Mentions, m => m.Text == "الأمم المتحدة" && m.Type == "ORG");
        Assert.Contains(doc.Mentions, m => m.Text == "لبنان" && m.Type == "LOC");
    }
}
