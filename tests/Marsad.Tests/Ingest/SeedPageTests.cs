using System.Text.Json;
using Marsad.Ingest;
using Marsad.Testing;

namespace Marsad.Tests.Ingest;

/// <summary>The seed page must come out as its hand-written expected analysis says (article block).</summary>
public sealed class SeedPageTests
{
    private const string Seed = "seeds/000_4a4df9c2005a90e5";

    [SkippableFact]
    public void SeedPageArticleMatchesExpectedArticleBlock()
    {
        var page = SharedData.Require(Seed + ".txt");
        using var expected = JsonDocument.Parse(File.ReadAllText(SharedData.Require(Seed + ".expected.json")));
        var block = expected.RootElement.GetProperty("article");

        var outcome = Assert.Single(ArticleReaders.ReadPath(page, new ReadOptions()));
        Assert.Null(outcome.Error);
        var article = outcome.Article!;

        Assert.Equal("text", article.Format);
        Assert.Equal(block.GetProperty("section").GetString(), article.Section);
        Assert.Equal(block.GetProperty("headline").GetString(), article.Headline);
        Assert.Equal(block.GetProperty("captions").EnumerateArray().Select(e => e.GetString()), article.Captions);
        Assert.Equal(block.GetProperty("body_paragraphs").GetInt32(), article.Paragraphs.Count);
        Assert.StartsWith(block.GetProperty("body_starts_with").GetString()!, article.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith(block.GetProperty("body_ends_with").GetString()!, article.Paragraphs[^1], StringComparison.Ordinal);
        Assert.Equal(block.GetProperty("dropped").EnumerateArray().Select(e => e.GetString()), article.Dropped.Select(d => d.Text));
    }
}
