using Marsad.Duplicates;
using Marsad.Model;

namespace Marsad.Storage;

/// <summary>
/// The archive contract: what ingest writes and what search, stories, entity pages and the API read.
/// The embedded archive (SQLite + Lucene.Net, <see cref="Embedded.EmbeddedArchive"/>) implements it;
/// a PostgreSQL archive can implement the same. Writes are idempotent by article id: adding an
/// article that is already stored changes nothing. One writer at a time; reads may run alongside.
/// </summary>
public interface IArchive : IDisposable
{
    /// <summary>True when an article with this id is stored (as an original or as a copy).</summary>
    bool Contains(string articleId);

    /// <summary>The stored original that an article copies (exact or near), or null. Only the ingest thread calls it.</summary>
    DuplicateMatch? FindDuplicate(ContentFingerprint fingerprint);

    /// <summary>Registers an original that is being analysed, so that later copies in the same run link to it.</summary>
    void RegisterOriginal(string articleId, ContentFingerprint fingerprint);

    /// <summary>
    /// Does the part of storing an analysed original that does not depend on the archive's order or state
    /// (serialising and compressing, the search-index document). The ingest calls it on its analysis threads, so
    /// that the single writer of <see cref="AddBatch"/> only does the ordered part; an entry that was not
    /// prepared is prepared by <see cref="AddBatch"/> itself. Thread-safe.
    /// </summary>
    AnalysedEntry Prepare(AnalysedEntry entry) => entry;

    /// <summary>Stores a batch atomically: analysed originals, linked copies. Articles already stored are skipped. Returns what was added.</summary>
    BatchResult AddBatch(IReadOnlyList<ArchiveEntry> entries);

    /// <summary>Makes everything added so far durable and searchable (the ingest calls it at the end).</summary>
    void Flush();

    /// <summary>One stored article with its analysis, or null.</summary>
    StoredArticle? GetArticle(string articleId);

    SearchResults Search(SearchQuery query);

    /// <summary>Stories, most active (trending) first, paged: the total that match and one page of them.</summary>
    StoryPage Stories(StoryQuery query);

    /// <summary>An entity's page: mentions over time, co-occurring entities, quotes; null when unknown.</summary>
    EntityProfile? Entity(string key);

    IReadOnlyList<StoredQuote> QuotesBySpeaker(string speakerKey, int limit = 100);

    ArchiveStats Stats();

    /// <summary>Original articles, newest first, filtered and paged (the API's article list).</summary>
    ArticlePage Articles(ArticleListQuery query);

    /// <summary>One story by id, whatever its size or age; null when unknown.</summary>
    StorySummary? Story(long storyId);
}

/// <summary>One thing to store: an analysed original (with its fingerprint) or a copy linked to its original.</summary>
public abstract record ArchiveEntry(Article Article);

/// <summary>An original article with its analysis.</summary>
public sealed record AnalysedEntry(AnalyzedArticle Doc, ContentFingerprint Fingerprint) : ArchiveEntry(Doc.Article)
{
    /// <summary>What <see cref="IArchive.Prepare"/> computed ahead of the writer, when it was called.</summary>
    public PreparedOriginal? Prepared { get; init; }
}

/// <summary>
/// An analysed original's rows, ready to insert: the compressed analysis JSON and text, its story features,
/// and whether its search-index document was already put (it is then committed with the next index commit).
/// </summary>
public sealed record PreparedOriginal(byte[] Analysis, byte[] Text, Stories.StoryFeatures Story, bool Indexed);

/// <summary>A copy of an earlier article: stored and linked, not analysed or indexed.</summary>
public sealed record DuplicateEntry(Article Copy, DuplicateMatch Match) : ArchiveEntry(Copy);

/// <summary>What a batch added.</summary>
public sealed record BatchResult(int Originals, int Duplicates, int AlreadyStored);

/// <summary>A stored article: its fields, its analysis (the JSON contract, without tokens), its copy link and story.</summary>
public sealed record StoredArticle(Json.AnalysisDocument Analysis, string? DuplicateOf, string? DuplicateKind, long? StoryId);

/// <summary>A search: the query text (BM25; "…" for phrases) and filters.</summary>
public sealed record SearchQuery(string Text)
{
    public string? EntityKey { get; init; }
    public string? Source { get; init; }
    public string? Section { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Limit { get; init; } = 10;
    public bool Highlights { get; init; } = true;
}

public sealed record SearchResults(int TotalHits, IReadOnlyList<SearchHit> Hits, double ElapsedMs);

/// <summary>One hit: the article, its score and highlighted fragments ([…] marks the matches).</summary>
public sealed record SearchHit(string Id, double Score, string? Headline, string? Source, string? Section, string? PublishedAt, string? Url, IReadOnlyList<string> Highlights);

public sealed record StoryQuery
{
    /// <summary>Only stories seen on or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Trending is the number of articles in this window ending at the archive's newest article, per day.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Stories with fewer members are left out (1 lists singletons too).</summary>
    public int MinSize { get; init; } = 2;

    /// <summary>Stories to skip in the ranked list (paging).</summary>
    public int Offset { get; init; }

    public int Limit { get; init; } = 50;

    /// <summary>Only this story (for <see cref="IArchive.Story"/>); null lists all.</summary>
    public long? StoryId { get; init; }
}

/// <summary>One page of <see cref="IArchive.Stories"/>: the number of stories that match (all pages) and the page's stories.</summary>
public sealed record StoryPage(int Total, IReadOnlyList<StorySummary> Items);

public sealed record StorySummary(
    long Id,
    string? Headline,
    string? RepresentativeId,
    int Size,
    int Copies,
    string FirstSeen,
    string LastSeen,
    double Velocity,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> TopEntities,
    IReadOnlyList<string> Members);

public sealed record EntityProfile(
    string Key,
    string? Type,
    string? Name,
    int Articles,
    int Mentions,
    IReadOnlyList<EntityDay> OverTime,
    IReadOnlyList<CoOccurrence> CoOccurring,
    IReadOnlyList<StoredQuote> Quotes);

public sealed record EntityDay(string Date, int Articles, int Mentions);

public sealed record CoOccurrence(string Key, string? Name, int Articles);

public sealed record StoredQuote(string ArticleId, string? Headline, string? PublishedAt, string? Speaker, string? SpeakerKey, string? Role, string? Cue, string Kind, string? Content);

public sealed record ArchiveStats(int Articles, int Originals, int Duplicates, int Indexed, int IndexDocuments, int Stories, int Entities, long DatabaseBytes, long IndexBytes);

/// <summary>A filtered, paged list of articles; dates are inclusive bounds on the publication time.</summary>
public sealed record ArticleListQuery
{
    public string? Source { get; init; }
    public string? Section { get; init; }
    public string? Topic { get; init; }
    public string? EntityKey { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 20;
}

/// <summary>One page of <see cref="IArchive.Articles"/>: the total that match and the page's articles.</summary>
public sealed record ArticlePage(int Total, IReadOnlyList<StoredArticle> Items);

/// <summary>
/// Marks around the matched words in <see cref="SearchHit.Highlights"/>: private-use characters that
/// never occur in news text, so hosts can render matches safely (the CLI as colour, the API as runs).
/// </summary>
public static class HighlightMarkers
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';
}
