using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Json;
using Marsad.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Server.Api;

/// <summary>The read endpoints over the archive: articles, search, stories, entities.</summary>
public static partial class ArchiveApi
{
    public static RouteGroupBuilder MapArchiveApi(this RouteGroupBuilder api, IArchive archive, MarsadServerOptions options)
    {
        api.MapGet("/articles", (string? source, string? section, string? topic, string? entity, string? from, string? to, int? offset, int? limit) =>
        {
            if (!TryRange(from, to, out var fromDate, out var toDate, out var problem) || !TryPaging(offset, limit, options, out var o, out var l, out problem))
            {
                return problem!;
            }

            var page = archive.Articles(new ArticleListQuery
            {
                Source = source, Section = section, Topic = topic, EntityKey = entity, From = fromDate, To = toDate, Offset = o, Limit = l,
            });
            return Results.Ok(new Page<ArticleSummary>(page.Total, o, l, page.Items.Select(ToSummary).ToList()));
        }).WithName("ListArticles").WithSummary("Articles, newest first, filtered by source, section, topic, entity and date; paged with offset/limit.")
        .Produces<Page<ArticleSummary>>().ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/articles/{id}", (string id) =>
            archive.GetArticle(id) is { } stored
                ? Results.Json(stored.Analysis, MarsadJson.Web.AnalysisDocument)
                : Problems.NotFound($"no article with id '{id}'"))
        .WithName("GetArticle").WithSummary("One article with its full analysis (the JSON contract).")
        .Produces<AnalysisDocument>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/search", (string? q, string? entity, string? source, string? section, string? from, string? to, int? limit) =>
        {
            if (string.IsNullOrWhiteSpace(q) && string.IsNullOrWhiteSpace(entity))
            {
                return Problems.BadRequest("give a query q (or an entity filter)");
            }

            if (q is { Length: > 500 })
            {
                return Problems.BadRequest("the query is longer than 500 characters");
            }

            if (!TryRange(from, to, out var fromDate, out var toDate, out var problem) || !TryPaging(0, limit, options, out _, out var l, out problem))
            {
                return problem!;
            }

            var results = archive.Search(new SearchQuery(q ?? string.Empty)
            {
                EntityKey = entity, Source = source, Section = section, From = fromDate, To = toDate, Limit = l,
            });
            return Results.Ok(new SearchResponse(
                results.TotalHits,
                Math.Round(results.ElapsedMs, 2),
                results.Hits.Select(h => new SearchItem(h.Id, h.Score, h.Headline, h.Source, h.Section, h.PublishedAt, h.Url, Runs(h.Highlights))).ToList()));
        }).WithName("Search").WithSummary("Arabic-aware full-text search (BM25, \"phrases\", clitics and spelling variants) with filters and highlights.")
        .Produces<SearchResponse>().ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/stories", (string? since, int? offset, int? limit) =>
        {
            DateTimeOffset? sinceDate = null;
            since = NullIfEmpty(since);
            if (since is not null && (sinceDate = AnalyzeApi.ParseDate(since)) is null)
            {
                return Problems.BadRequest($"since '{since}' is not YYYY-MM-DD");
            }

            if (!TryPaging(offset, limit, options, out var o, out var l, out var problem))
            {
                return problem!;
            }

            var stories = archive.Stories(new StoryQuery { Since = sinceDate, Offset = o, Limit = l });
            return Results.Ok(new Page<StoryItem>(stories.Total, o, l, stories.Items.Select(s => new StoryItem(
                s.Id, s.Headline, s.Size, s.Sources.Count, s.FirstSeen, s.LastSeen, s.Velocity, s.Sources, EntityRefs(archive, s.TopEntities))).ToList()));
        }).WithName("ListStories").WithSummary("Stories across outlets, trending (most active recently) first; paged with offset/limit, total counts every matching story.")
        .Produces<Page<StoryItem>>().ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/stories/{id}", (string id) =>
        {
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var storyId))
            {
                return Problems.BadRequest($"story id '{id}' is not a number");
            }

            if (archive.Story(storyId) is not { } s)
            {
                return Problems.NotFound($"no story with id {storyId}");
            }

            var members = s.Members.Select(archive.GetArticle).Where(a => a is not null).Select(a => ToSummary(a!)).ToList();
            return Results.Ok(new StoryDetail(s.Id, s.Headline, s.FirstSeen, s.LastSeen, s.Velocity, s.Sources, EntityRefs(archive, s.TopEntities), members));
        }).WithName("GetStory").WithSummary("One story: its member articles by outlet and time, and its top entities.")
        .Produces<StoryDetail>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/entities/{key}", (string key) =>
        {
            if (archive.Entity(key) is not { } e)
            {
                return Problems.NotFound($"no entity '{key}' in the archive");
            }

            var (english, wikidata) = Describe(archive, e.Key);
            return Results.Ok(new EntityPage(
                e.Key, e.Name, e.Type, english, wikidata, e.Articles, e.Mentions,
                e.OverTime.Select(d => new EntityPoint(d.Date, d.Mentions, d.Articles)).ToList(),
                e.CoOccurring.Select(c => new EntityCoOccurrence(c.Key, c.Name, archive.Entity(c.Key)?.Type, c.Articles)).ToList(),
                e.Quotes.Select(q => new EntityQuote(q.ArticleId, q.Headline, q.PublishedAt, q.Speaker, q.Role, q.Cue, q.Kind, q.Content)).ToList()));
        }).WithName("GetEntity").WithSummary("An entity: mentions over time, co-occurring entities and its quotes.")
        .Produces<EntityPage>().ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static ArticleSummary ToSummary(StoredArticle stored)
    {
        var a = stored.Analysis.Article;
        return new ArticleSummary(a.Id, a.Headline, a.Source, a.Section, stored.Analysis.Topics.FirstOrDefault()?.Label, a.PublishedAt, a.Url);
    }

    private static List<EntityRef> EntityRefs(IArchive archive, IEnumerable<string> keys) =>
        keys.Select(k => archive.Entity(k) is { } e ? new EntityRef(e.Key, e.Name, e.Type) : new EntityRef(k, null, null)).ToList();

    /// <summary>English name and Wikidata id of an entity, as its latest analysed article recorded them.</summary>
    private static (string? English, string? Wikidata) Describe(IArchive archive, string key)
    {
        var latest = archive.Search(new SearchQuery(string.Empty) { EntityKey = key, Limit = 1, Highlights = false }).Hits.FirstOrDefault();
        var entity = latest is null ? null : archive.GetArticle(latest.Id)?.Analysis.Entities.FirstOrDefault(e => e.Key == key);
        return (entity?.EnglishName, entity?.WikidataId ?? (WikidataId().IsMatch(key) ? key : null));
    }

    [GeneratedRegex("^Q[0-9]+$")]
    private static partial Regex WikidataId();

    /// <summary>Splits a highlighted fragment (matches between the archive's markers) into runs the UI shows as text.</summary>
    internal static List<HighlightRun> Runs(IReadOnlyList<string> fragments)
    {
        var runs = new List<HighlightRun>();
        foreach (var fragment in fragments)
        {
            if (runs.Count > 0)
            {
                runs.Add(new HighlightRun(" … ", false));
            }

            var rest = fragment.AsSpan();
            while (!rest.IsEmpty)
            {
                var open = rest.IndexOf(HighlightMarkers.Open);
                if (open < 0)
                {
                    runs.Add(new HighlightRun(rest.ToString(), false));
                    break;
                }

                if (open > 0)
                {
                    runs.Add(new HighlightRun(rest[..open].ToString(), false));
                }

                rest = rest[(open + 1)..];
                var close = rest.IndexOf(HighlightMarkers.Close);
                var hit = close < 0 ? rest : rest[..close];
                runs.Add(new HighlightRun(hit.ToString(), true));
                rest = close < 0 ? [] : rest[(close + 1)..];
            }
        }

        return runs;
    }

    private static bool TryRange(string? from, string? to, out DateTimeOffset? fromDate, out DateTimeOffset? toDate, out IResult? problem)
    {
        // An empty value (a form's blank date field: from=&to=) means no bound, as for the text filters.
        from = NullIfEmpty(from);
        to = NullIfEmpty(to);
        fromDate = from is null ? null : AnalyzeApi.ParseDate(from);
        // The end of the day "to" names; the last representable day (9999-12-31) has no next day to count back from.
        toDate = to is null ? null : AnalyzeApi.ParseDate(to) is not { } day ? null
            : day.Date >= DateTime.MaxValue.Date ? DateTimeOffset.MaxValue : day.AddDays(1).AddTicks(-1);
        problem = (from is not null && fromDate is null) || (to is not null && toDate is null)
            ? Problems.BadRequest("from and to are dates, YYYY-MM-DD")
            : fromDate > toDate ? Problems.BadRequest($"from {from} is after to {to}")
            : null;
        return problem is null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool TryPaging(int? offset, int? limit, MarsadServerOptions options, out int o, out int l, out IResult? problem)
    {
        o = offset ?? 0;
        l = limit ?? 20;
        problem = o < 0 ? Problems.BadRequest("offset must be 0 or more")
            : l < 1 || l > options.MaxPageSize ? Problems.BadRequest($"limit must be between 1 and {options.MaxPageSize}")
            : null;
        return problem is null;
    }
}
