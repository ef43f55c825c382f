namespace Marsad.Server.Api;

/// <summary>A page of results with its total.</summary>
public sealed record Page<T>(int Total, int Offset, int Limit, IReadOnlyList<T> Items);

/// <summary>An article in a list: enough to show a line and link to it.</summary>
public sealed record ArticleSummary(string Id, string? Headline, string? Source, string? Section, string? Topic, string? PublishedAt, string? Url);

/// <summary>One search hit; highlights are plain-text fragments split into matched and unmatched runs (never markup).</summary>
public sealed record SearchItem(string Id, double Score, string? Headline, string? Source, string? Section, string? PublishedAt, string? Url, IReadOnlyList<HighlightRun> Highlights);

public sealed record HighlightRun(string Text, bool Hit);

public sealed record SearchResponse(int Total, double ElapsedMs, IReadOnlyList<SearchItem> Items);

/// <summary>An entity as shown on a story or chip: key, name and type.</summary>
public sealed record EntityRef(string Key, string? Name, string? Type);

public sealed record StoryItem(long Id, string? Headline, int ArticleCount, int SourceCount, string FirstSeen, string LastSeen, double Velocity, IReadOnlyList<string> Sources, IReadOnlyList<EntityRef> TopEntities);

public sealed record StoryDetail(long Id, string? Headline, string FirstSeen, string LastSeen, double Velocity, IReadOnlyList<string> Sources, IReadOnlyList<EntityRef> TopEntities, IReadOnlyList<ArticleSummary> Members);

public sealed record EntityPoint(string Date, int Count, int Articles);

public sealed record EntityCoOccurrence(string Key, string? Name, string? Type, int Count);

public sealed record EntityQuote(string ArticleId, string? Headline, string? PublishedAt, string? Speaker, string? Role, string? Cue, string Kind, string? Content);

public sealed record EntityPage(
    string Key,
    string? Name,
    string? Type,
    string? EnglishName,
    string? WikidataId,
    int Articles,
    int Mentions,
    IReadOnlyList<EntityPoint> MentionsOverTime,
    IReadOnlyList<EntityCoOccurrence> Cooccurring,
    IReadOnlyList<EntityQuote> Quotes);
