using Marsad.Entities.Evaluation;
using Marsad.Entities.Resolution;
using Marsad.Errors;
using Marsad.Model;
using Marsad.Testing;

namespace Marsad.Tests.Entities;

public sealed class EntityEvaluationTests
{
    private static string WriteGold(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), "marsad-entity-gold-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string TwoKims = """
        {"articles": [{"id": "a1", "headline": "[[كيم جونغ أون|kju]] يلتقي [[كيم يو جونغ|kyj]]",
          "paragraphs": ["قال [[كيم|kju]] إن الزيارة ناجحة. وسافر [[لروسيا|ru]] ثم عاد."],
          "entities": {"kju": {"type": "PER", "canonical": "كيم جونغ أون", "wikidata": "Q56226"},
                       "kyj": {"type": "PER", "canonical": "كيم يو جونغ"},
                       "ru": {"type": "LOC", "canonical": "روسيا", "wikidata": "Q159"}}}]}
        """;

    [Fact]
    public void GoldMarkupGivesSpansIntoTheArticleText()
    {
        var article = Assert.Single(EntityGold.Read(WriteGold(TwoKims)));
        var doc = new AnalyzedArticle(article.Article);
        Assert.Equal(["كيم جونغ أون", "كيم يو جونغ", "كيم", "لروسيا"], article.Mentions.Select(m => m.Text));
        Assert.All(article.Mentions, m => Assert.Equal(m.Text, doc.Slice(m.Start, m.End)));
        Assert.DoesNotContain("[[", doc.Text);
    }

    [Fact]
    public void ScorerCountsSplitsAndFalseMerges()
    {
        var gold = EntityGold.Read(WriteGold(TwoKims));

        // Exact match splits كيم from كيم جونغ أون: one gold pair, no predicted pair.
        var baseline = EntityEvaluator.EvaluateExactMatchBaseline(gold);
        Assert.Equal(1, baseline.GoldPairs);
        Assert.Equal(0, baseline.PredictedPairs);
        Assert.Equal(0, baseline.Recall);

        var rules = EntityEvaluator.EvaluateWithGoldMentions(gold, new EntityResolver(TestMentions.SmallKb));
        Assert.Equal(1, rules.PredictedPairs);
        Assert.Equal(100, rules.Precision);
        Assert.Equal(100, rules.Recall);
        // The small KB knows روسيا but not كيم جونغ أون: one of the two linkable clusters is linked.
        Assert.Equal(2, rules.LinkableClusters);
        Assert.Equal(50, rules.LinkingAccuracy);
    }

    [Fact]
    public void MentionNamingNoEntityIsAGoldError()
    {
        var path = WriteGold("""{"articles": [{"id": "x", "paragraphs": ["[[روسيا|nope]]"], "entities": {}}]}""");
        Assert.Equal(ErrorCodes.BadGold, Assert.Throws<MarsadException>(() => EntityGold.Read(path)).Code);
    }

    [Fact]
    public void RepositoryGoldSetsAreWellFormed()
    {
        foreach (var file in new[] { "news.json", "heldout.json" })
        {
            var articles = EntityGold.Read(Path.Combine(SharedData.RepositoryRoot, "gold", "entities", file));
            Assert.NotEmpty(articles);
            Assert.All(articles, a => Assert.All(a.Clusters.Keys, id => Assert.Contains(a.Mentions, m => m.ClusterId == id)));
        }
    }
}
