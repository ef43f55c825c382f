using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Quotes;
using Marsad.Testing;

namespace Marsad.Tests.Quotes;

/// <summary>The annotator's wiring, and the gold set's scores as a regression guard on the dev split.</summary>
public sealed class QuoteAnnotatorTests
{
    [Fact]
    public void DeclaresItsLayers()
    {
        var annotator = new QuoteAnnotator();
        Assert.Equal("quotes", annotator.Name);
        Assert.Contains(Layers.Sentences, annotator.Requires);
        Assert.Contains(Layers.Entities, annotator.Requires);
        Assert.Equal([Layers.Quotes], annotator.Assigns);
    }

    [Fact]
    public void FillsQuotesAndAttributionsWithSentenceIndexes()
    {
        var doc = new AnalyzedArticle(new Article
        {
            Id = "t",
            Format = "text",
            Headline = "عنوان الخبر",
            Paragraphs = ["وقال الوزير إن الخطة جاهزة، بحسب البيان."],
        });
        var paragraph = doc.Blocks[1];
        doc.Sentences.Add(new SentenceSpan(doc.Blocks[0].Start, doc.Blocks[0].End, 0));
        doc.Sentences.Add(new SentenceSpan(paragraph.Start, paragraph.End, 1));

        new QuoteAnnotator().Annotate(doc);

        var quote = Assert.Single(doc.Quotes);
        Assert.Equal(1, quote.SentenceIndex);
        Assert.Equal("الخطة جاهزة", doc.Slice(quote.ContentStart, quote.ContentEnd));
        Assert.Equal("البيان", Assert.Single(doc.Attributions).Source);
    }

    [Fact]
    public void GoldDevSplitMeetsTheIssueGoals()
    {
        var gold = Path.Combine(SharedData.RepositoryRoot, "gold", "quotes", "quotes-gold.jsonl");
        var report = QuoteEvaluation.Evaluate(QuoteEvaluation.ReadGold(gold), "dev");
        Assert.True(report.GoldQuotes >= 100, "the dev split holds at least 100 quotes");
        Assert.True(report.F1 >= 90, $"detection F1 {report.F1:F1}");
        Assert.True(report.SpeakerAccuracy >= 90, $"speaker accuracy {report.SpeakerAccuracy:F1}");
        Assert.True(report.ContentTokenF1 >= 90, $"content F1 {report.ContentTokenF1:F1}");
    }

    [Fact]
    public void TokenF1CountsSharedNormalisedWords()
    {
        Assert.Equal(1.0, QuoteEvaluation.TokenF1("قال إن «الأمر»", "قال ان الامر"), 6);
        Assert.Equal(0.5, QuoteEvaluation.TokenF1("أ ب", "أ ج"), 6);
        Assert.Equal(0.0, QuoteEvaluation.TokenF1("أ", "ب"), 6);
    }
}
