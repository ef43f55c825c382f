using Marsad.Ingest;
using Marsad.Keyphrases;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Summaries;
using Marsad.Testing;
using Marsad.Topics;

namespace Marsad.Tests.Topics;

/// <summary>The seed page (North Korea's leader to visit Russia) through the topic, keyphrase and summary annotators.</summary>
public sealed class SeedPageTopicsTests
{
    private static readonly Lazy<(TopicAnnotator Topics, KeyphraseStatistics Statistics)> Models = new(() =>
    {
        var models = MarsadModels.Locate();
        return (TopicAnnotator.Load(models), KeyphraseStatistics.Load(models.PathOf(KeyphraseStatistics.ModelFile)));
    });

    private static AnalyzedArticle ReadSeed()
    {
        var path = SharedData.Require("seeds/000_4a4df9c2005a90e5.txt");
        var article = ArticleReaders.ReadPath(path, new ReadOptions()).Single().Article!;
        var doc = new AnalyzedArticle(article);
        new Marsad.Text.TextAnnotator().Annotate(doc);
        return doc;
    }

    [SkippableFact]
    public void Seed_page_is_international()
    {
        var doc = ReadSeed(); // the text layer has run: the classifier reads its tokens
        Models.Value.Topics.Annotate(doc);
        Assert.Equal(TopicLabels.International, doc.Topics[0].Label);
        Assert.True(doc.Topics[0].Score > 0.5, $"top score {doc.Topics[0].Score}");
        Assert.Equal(1.0, doc.Topics.Sum(t => t.Score), 2);
    }

    [SkippableFact]
    public void Seed_page_keyphrases_cover_the_story()
    {
        var doc = ReadSeed();
        new KeyphraseAnnotator(new KeyphraseExtractor(Models.Value.Statistics)).Annotate(doc);
        var top = doc.Keyphrases.Take(10).Select(k => k.Text).ToList();
        var joined = string.Join(" | ", top);
        var all = string.Join(" | ", doc.Keyphrases.Select(k => $"{k.Text} {k.Score}"));
        Assert.True(top.Any(k => k.Contains("كوريا الشمالية", StringComparison.Ordinal)), all);
        Assert.True(top.Any(k => k == "روسيا"), all);
        Assert.True(top.Any(k => k.Contains("أسلحة", StringComparison.Ordinal)), all);
        Assert.True(top.Any(k => k.StartsWith("كيم", StringComparison.Ordinal)), all);
        Assert.True(top.Any(k => k.Contains("بوتين", StringComparison.Ordinal)), all);

        // No keyphrase starts with a glued conjunction or is a stop word.
        Assert.DoesNotContain(top, k => k.StartsWith("و", StringComparison.Ordinal) && !k.StartsWith("وا", StringComparison.Ordinal));
        Assert.DoesNotContain(top, k => Models.Value.Statistics.IsStopWord(k));
        Assert.True(doc.Keyphrases.Zip(doc.Keyphrases.Skip(1)).All(p => p.First.Score >= p.Second.Score), joined);
    }

    [SkippableFact]
    public void Seed_page_summary_is_one_to_three_body_sentences()
    {
        var doc = ReadSeed();
        new SummaryAnnotator(new ExtractiveSummarizer(Models.Value.Statistics)).Annotate(doc);
        Assert.InRange(doc.Summary.Count, 1, 3);
        Assert.Equal(doc.Summary.Order(), doc.Summary);
        foreach (var i in doc.Summary)
        {
            Assert.Equal(BlockKind.Paragraph, doc.BlockAt(doc.Sentences[i].Start)!.Kind);
        }

        var summary = string.Join(" ", doc.Summary.Select(i => doc.Slice(doc.Sentences[i].Start, doc.Sentences[i].End)));
        Assert.Contains("كيم", summary, StringComparison.Ordinal);
    }
}
