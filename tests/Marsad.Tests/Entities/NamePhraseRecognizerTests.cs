using Marsad.Entities;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Tests.Entities;

/// <summary>Institution, event and facility names completed after the tagger (sentences composed for these tests).</summary>
public sealed class NamePhraseRecognizerTests
{
    private static AnalyzedArticle Recognize(string sentence, params (string Text, string Type)[] taggerMentions)
    {
        var article = new Article { Id = "t", Source = "test", Headline = "خبر", Paragraphs = [sentence], Format = "text" };
        var doc = new AnalyzedArticle(article);
        new TextAnnotator().Annotate(doc);
        foreach (var (text, type) in taggerMentions)
        {
            var start = doc.Text.IndexOf(text, StringComparison.Ordinal);
            doc.Mentions.Add(new Mention(start, start + text.Length, type, text));
        }

        NamePhraseRecognizer.Apply(doc);
        return doc;
    }

    private static string[] Names(AnalyzedArticle doc) => doc.Mentions.Select(m => $"{m.Type}:{m.Text}").ToArray();

    [Fact]
    public void ConstructChainWithGenitiveAndAdjectives()
    {
        var doc = Recognize("وصل الوفد إلى جامعة الشرق الأقصى الفيدرالية صباح أمس.");
        Assert.Contains("ORG:جامعة الشرق الأقصى الفيدرالية", Names(doc));
    }

    [Fact]
    public void TaggerMentionInsideThePhraseGivesWay()
    {
        var doc = Recognize("وصل الوفد إلى جامعة الشرق الأقصى الفيدرالية صباح أمس.", ("الشرق الأقصى", "LOC"));
        Assert.Equal(["ORG:جامعة الشرق الأقصى الفيدرالية"], Names(doc));
    }

    [Fact]
    public void DefiniteEventHeadWithRelationalAdjectivesIsMisc()
    {
        var doc = Recognize("ويشارك الرئيس في المنتدى الاقتصادي الشرقي الذي يعقد سنويا.");
        Assert.Contains("MISC:المنتدى الاقتصادي الشرقي", Names(doc));
    }

    [Fact]
    public void FacilityNounWithNumber()
    {
        var doc = Recognize("رست السفينة عند الرصيف 33 في الميناء.");
        Assert.Contains("LOC:الرصيف 33", Names(doc));
    }

    [Fact]
    public void PressConferenceIsNotAName()
    {
        var doc = Recognize("وقال الوزير في المؤتمر الصحافي إن المحادثات مستمرة.");
        Assert.Empty(doc.Mentions);
    }

    [Fact]
    public void BoardOfDirectorsIsNotAName()
    {
        var doc = Recognize("وقرر مجلس الإدارة توزيع الأرباح.");
        Assert.Empty(doc.Mentions);
    }

    [Fact]
    public void AdjectiveOfAnotherGenderDescribesAnotherNoun()
    {
        var doc = Recognize("وافتتحت دورة المجلس العادية أمس.");
        Assert.Empty(doc.Mentions);
    }

    [Fact]
    public void ChainStopsAtANounAfterTheGenitive()
    {
        var doc = Recognize("أعلنت وزارة الخارجية الروسية القرار مساء أمس.");
        Assert.Equal(["ORG:وزارة الخارجية الروسية"], Names(doc));
    }

    [Fact]
    public void TaggerMentionCrossingThePhraseEdgeStands()
    {
        var doc = Recognize("قال مجلس الأمن القومي الأمريكي إن الاجتماع تأجل.", ("الأمن القومي الأمريكي إن", "ORG"));
        Assert.Equal(["ORG:الأمن القومي الأمريكي إن"], Names(doc));
    }

    [Fact]
    public void EmptyAndHeadOnlyTextsAddNothing()
    {
        Assert.Empty(Recognize("").Mentions);
        Assert.Empty(Recognize("جامعة").Mentions);
        Assert.Empty(Recognize("زار جامعة عريقة في المدينة.").Mentions);
    }

    [Fact]
    public void TaggerNameUsedElsewhereInTheArticleIsNotLengthened()
    {
        var doc = Recognize("قال حزب الله اللبناني إن مقاتليه ردوا، وأضاف حزب الله في بيان أن القصف توقف.");
        doc.Mentions.Clear();
        var first = doc.Text.IndexOf("حزب الله", StringComparison.Ordinal);
        var second = doc.Text.IndexOf("حزب الله", first + 1, StringComparison.Ordinal);
        doc.Mentions.Add(new Mention(first, first + 8, "ORG", "حزب الله"));
        doc.Mentions.Add(new Mention(second, second + 8, "ORG", "حزب الله"));
        NamePhraseRecognizer.Apply(doc);
        Assert.Equal(["ORG:حزب الله", "ORG:حزب الله"], Names(doc));
    }
}
