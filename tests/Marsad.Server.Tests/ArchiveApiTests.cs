using System.Net;
using System.Text.Json;
using Marsad.Errors;

namespace Marsad.Server.Tests;

[CollectionDefinition("archive")]
public sealed class ArchiveCollection : ICollectionFixture<ArchiveFixture>
{
}

/// <summary>Every archive endpoint against the real host and a real archive of the samples.</summary>
[Collection("archive")]
public sealed class ArchiveApiTests(ArchiveFixture server)
{
    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task ArticlesAreListedNewestFirstWithPaging()
    {
        var page = await GetJson("/api/articles?limit=5");
        Assert.True(page.GetProperty("total").GetInt32() >= 15);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        var dates = items.Select(i => i.GetProperty("publishedAt").GetString()).Where(d => d is not null).Select(d => DateTimeOffset.Parse(d!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);

        var next = await GetJson("/api/articles?limit=5&offset=5");
        Assert.Empty(items.Select(i => i.GetProperty("id").GetString()).Intersect(next.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())));
    }

    [Fact]
    public async Task ArticlesFilterBySectionSourceAndDate()
    {
        var economy = await GetJson("/api/articles?section=" + Uri.EscapeDataString("اقتصاد"));
        Assert.True(economy.GetProperty("total").GetInt32() >= 2);
        Assert.All(economy.GetProperty("items").EnumerateArray(), i => Assert.Equal("اقتصاد", i.GetProperty("section").GetString()));

        var october = await GetJson("/api/articles?from=2023-10-12&to=2023-10-13");
        Assert.True(october.GetProperty("total").GetInt32() >= 3);
        Assert.All(october.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("2023-10-1", i.GetProperty("publishedAt").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ArticleByIdHasTheFullAnalysis()
    {
        var doc = await GetJson("/api/articles/gulf-0001");
        Assert.StartsWith("السعودية ترفع", doc.GetProperty("article").GetProperty("headline").GetString(), StringComparison.Ordinal);
        Assert.True(doc.GetProperty("sentences").GetArrayLength() >= 3);
        Assert.True(doc.GetProperty("entities").GetArrayLength() > 0);
        Assert.True(doc.GetProperty("times").GetArrayLength() > 0);
    }

    [Fact]
    public async Task SearchMatchesAcrossCliticsAndReturnsHighlightRuns()
    {
        // "الدوحة" is written with clitics in the samples (في الدوحة، بالدوحة); the query has none.
        var results = await GetJson("/api/search?q=" + Uri.EscapeDataString("الدوحة"));
        Assert.True(results.GetProperty("total").GetInt32() >= 3);
        var first = results.GetProperty("items")[0];
        Assert.Contains(first.GetProperty("highlights").EnumerateArray(), r => r.GetProperty("hit").GetBoolean());
    }

    [Fact]
    public async Task StoriesListTheCrossOutletStoryAndItsDetail()
    {
        var stories = await GetJson("/api/stories");
        var story = stories.GetProperty("items").EnumerateArray().First(s => s.GetProperty("headline").GetString()!.Contains("الدوحة", StringComparison.Ordinal));
        Assert.True(story.GetProperty("articleCount").GetInt32() >= 3);
        Assert.True(story.GetProperty("sourceCount").GetInt32() >= 3);

        var detail = await GetJson($"/api/stories/{story.GetProperty("id").GetInt64()}");
        Assert.True(detail.GetProperty("members").GetArrayLength() >= 3);
        Assert.True(detail.GetProperty("topEntities").GetArrayLength() > 0);
    }

    [Fact]
    public async Task StoriesHaveATrueTotalAndOffsetPaging()
    {
        var all = await GetJson("/api/stories?limit=50");
        var ids = all.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, all.GetProperty("total").GetInt32());

        // One story a page: total still counts them all, and offset walks the same ranked list.
        var paged = new List<long>();
        for (var offset = 0; offset < ids.Count; offset++)
        {
            var page = await GetJson($"/api/stories?limit=1&offset={offset}");
            Assert.Equal(ids.Count, page.GetProperty("total").GetInt32());
            Assert.Equal(offset, page.GetProperty("offset").GetInt32());
            paged.Add(page.GetProperty("items")[0].GetProperty("id").GetInt64());
        }

        Assert.Equal(ids, paged);
        var past = await GetJson($"/api/stories?limit=5&offset={ids.Count}");
        Assert.Equal(ids.Count, past.GetProperty("total").GetInt32());
        Assert.Equal(ids.Count, past.GetProperty("offset").GetInt32());
        Assert.Equal(0, past.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task EntityPageHasMentionsOverTimeCoOccurrencesAndQuotes()
    {
        var stories = await GetJson("/api/stories");
        var key = stories.GetProperty("items").EnumerateArray()
            .SelectMany(s => s.GetProperty("topEntities").EnumerateArray())
            .First(e => e.GetProperty("type").GetString() == "PER").GetProperty("key").GetString()!;
        var entity = await GetJson("/api/entities/" + Uri.EscapeDataString(key));
        Assert.Equal(key, entity.GetProperty("key").GetString());
        Assert.True(entity.GetProperty("mentionsOverTime").GetArrayLength() > 0);
        Assert.True(entity.GetProperty("cooccurring").GetArrayLength() > 0);
        Assert.True(entity.GetProperty("quotes").GetArrayLength() > 0, "the samples quote this person");
    }

    [Theory]
    [InlineData("/api/articles?to=9999-12-31&limit=3", "/api/articles?limit=3")]
    [InlineData("/api/articles?from=&to=&source=&limit=3", "/api/articles?limit=3")]
    [InlineData("/api/stories?since=&limit=3", "/api/stories?limit=3")]
    public async Task BlankFiltersFromAFormMeanNoFilter(string blank, string plain)
    {
        var page = await GetJson(blank);
        Assert.True(page.GetProperty("items").GetArrayLength() > 0);
        Assert.Equal((await GetJson(plain)).GetProperty("items").ToString(), page.GetProperty("items").ToString());
    }

    [Theory]
    [InlineData("/api/articles?limit=0")]
    [InlineData("/api/articles?limit=1000")]
    [InlineData("/api/articles?offset=-1")]
    [InlineData("/api/articles?from=yesterday")]
    [InlineData("/api/search")]
    [InlineData("/api/stories?since=last-week")]
    [InlineData("/api/stories?offset=-1")]
    [InlineData("/api/stories/not-a-number")]
    [InlineData("/api/articles?from=2023-10-13&to=2023-10-12")]
    [InlineData("/api/search?q=x&from=2023-10-13&to=2023-10-12")]
    [InlineData("/api/articles?limit=abc")]
    [InlineData("/api/articles?offset=99999999999")]
    [InlineData("/api/search?q=x&limit=ten")]
    [InlineData("/api/stories?limit=1&limit=2")]
    public async Task BadParametersAre400WithACode(string url)
    {
        var problem = await GetJson(url, HttpStatusCode.BadRequest);
        Assert.Equal(ErrorCodes.BadArgument, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AParameterThatDoesNotBindIsNamedInTheProblem()
    {
        var problem = await GetJson("/api/articles?limit=abc", HttpStatusCode.BadRequest);
        Assert.Contains("limit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("abc", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/articles/no-such-article")]
    [InlineData("/api/stories/987654321")]
    [InlineData("/api/entities/per:nobody")]
    public async Task UnknownIdsAre404WithACode(string url)
    {
        var problem = await GetJson(url, HttpStatusCode.NotFound);
        Assert.Equal(ErrorCodes.UnknownId, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task HostilePageIsStoredAsTextOnly()
    {
        var results = await GetJson("/api/search?q=" + Uri.EscapeDataString("قانون الانتخابات"));
        var id = results.GetProperty("items")[0].GetProperty("id").GetString();
        var doc = await GetJson($"/api/articles/{id}");
        var text = doc.GetProperty("text").GetString()!;
        Assert.DoesNotContain("onclick", text, StringComparison.Ordinal);
        Assert.DoesNotContain("window.__pwned='head'", text, StringComparison.Ordinal);
    }
}
