using Marsad.Keyphrases;
using Marsad.Model;
using Marsad.Summaries;

namespace Marsad.Tests.Topics;

public sealed class SummarizerTests
{
    private static readonly KeyphraseStatistics Statistics = KeyphraseStatistics.Learn(
        ["الحكومة تعلن خطة جديدة للمياه", "وزير الزراعة يزور السد", "أمطار غزيرة في الشمال"],
        ["في", "من", "على", "إلى"]);

    private static AnalyzedArticle Doc(params string[] paragraphs)
    {
        var doc = new AnalyzedArticle(new Article { Id = "t", Format = "text", Headline = "الحكومة تعلن خطة لمواجهة شح المياه", Paragraphs = paragraphs });
        new Marsad.Text.TextAnnotator().Annotate(doc);
        return doc;
    }

    [Fact]
    public void Never_picks_a_sentence_with_half_a_quotation()
    {
        var doc = Doc(
            "أعلنت الحكومة اليوم خطة وطنية لمواجهة شح المياه في المحافظات الجنوبية.",
            "وقال الوزير «إن الخطة تبدأ الشهر المقبل. وستشمل بناء سدود جديدة في الجنوب» خلال مؤتمر صحفي في العاصمة.");
        var splitter = doc.Sentences.Select(s => doc.Slice(s.Start, s.End)).ToList();

        // The splitter does not cut inside the quotation.
        Assert.Contains(splitter, s => s.Contains('«') && s.Contains('»'));
        var summary = new ExtractiveSummarizer(Statistics).Summarize(doc);
        foreach (var i in summary)
        {
            var s = doc.Slice(doc.Sentences[i].Start, doc.Sentences[i].End);
            Assert.Equal(s.Count(c => c == '«'), s.Count(c => c == '»'));
        }
    }

    [Fact]
    public void Skips_near_duplicate_sentences()
    {
        var doc = Doc(
            "أعلنت الحكومة خطة وطنية جديدة لمواجهة شح المياه في المحافظات.",
            "أعلنت الحكومة خطة وطنية جديدة لمواجهة شح المياه في المحافظات الجنوبية.",
            "وتشمل الخطة بناء ثلاثة سدود وتحلية مياه البحر على الساحل الغربي للبلاد.");
        var summary = new ExtractiveSummarizer(Statistics, SummaryWeights.Default with { MinWords = 100 }).Summarize(doc);
        Assert.False(summary.Contains(0) && summary.Contains(1), "both near-identical sentences were chosen");
        Assert.InRange(summary.Count, 1, 3);
    }

    [Fact]
    public void A_lone_quotation_mark_typo_does_not_disqualify_the_lead()
    {
        // The source forgot to close the quotation in the lead; the next sentence has no quotation at all.
        var doc = Doc(
            "أعلنت الحكومة اليوم \"خطة وطنية لمواجهة شح المياه في المحافظات الجنوبية.",
            "وتشمل الخطة بناء ثلاثة سدود وتحلية مياه البحر على الساحل الغربي للبلاد.");
        var summary = new ExtractiveSummarizer(Statistics).Summarize(doc);
        Assert.Contains(ExtractiveSummarizer.BodySentences(doc)[0].Index, summary);
    }

    [Fact]
    public void A_quotation_split_between_two_sentences_is_never_picked()
    {
        var doc = Doc("وقال الوزير في مؤتمر صحفي «إن الخطة تبدأ الشهر المقبل في المحافظات. وستشمل بناء سدود جديدة في الجنوب» خلال العام.");

        // Force the split inside the quotation, as a splitter that misses the quotation would.
        var text = doc.Text;
        var cut = text.IndexOf(". و", StringComparison.Ordinal) + 1;
        var paragraph = doc.Blocks[^1];
        doc.Sentences.RemoveAll(s => s.Start >= paragraph.Start);
        doc.Sentences.Add(new SentenceSpan(paragraph.Start, cut, doc.Sentences.Count));
        doc.Sentences.Add(new SentenceSpan(cut + 1, paragraph.End, doc.Sentences.Count));
        Assert.Empty(new ExtractiveSummarizer(Statistics).Summarize(doc));
    }
}
