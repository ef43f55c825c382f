using System.Text.Json;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Testing;
using Marsad.Time;

namespace Marsad.Tests.Time;

/// <summary>The five time expressions of the seed page's hand-written expected analysis, with and without the publication date.</summary>
public sealed class SeedTimeTests
{
    private const string Seed = "seeds/000_4a4df9c2005a90e5";

    [SkippableFact]
    public void SeedTimesResolveAgainstThePublicationDate() => AssertSeedTimes(withDate: true);

    [SkippableFact]
    public void SeedTimesStayUnderspecifiedWithoutADate() => AssertSeedTimes(withDate: false);

    private static void AssertSeedTimes(bool withDate)
    {
        var page = SharedData.Require(Seed + ".txt");
        using var expected = JsonDocument.Parse(File.ReadAllText(SharedData.Require(Seed + ".expected.json")));
        var publication = DateOnly.Parse(expected.RootElement.GetProperty("publication_date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var options = new ReadOptions
        {
            DefaultDate = withDate ? new DateTimeOffset(publication.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        };
        var outcome = Assert.Single(ArticleReaders.ReadPath(page, options));
        Assert.Null(outcome.Error);
        var doc = new AnalyzedArticle(outcome.Article!);
        new TimeAnnotator().Annotate(doc);

        foreach (var time in expected.RootElement.GetProperty("times").EnumerateArray())
        {
            var surface = time.GetProperty("surface").GetString()!;
            var value = time.GetProperty(withDate ? "value" : "value_without_date").GetString();
            var count = time.TryGetProperty("count", out var c) ? c.GetInt32() : 1;
            var found = doc.TimeExpressions.Where(t => t.Text == surface).ToList();
            Assert.True(found.Count >= count, $"expected {count} × '{surface}', found {found.Count}: {string.Join(" | ", doc.TimeExpressions.Select(t => t.Text))}");
            Assert.All(found, t => Assert.Equal(value, t.Value));
            Assert.All(found, t => Assert.Equal(doc.Text[t.Start..t.End], t.Text));
        }
    }
}
