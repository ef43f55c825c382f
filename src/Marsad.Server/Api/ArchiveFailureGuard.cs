using Marsad.Duplicates;
using Marsad.Errors;
using Marsad.Storage;
using Microsoft.Extensions.Logging;

namespace Marsad.Server.Api;

/// <summary>
/// The archive as the endpoints see it: a failure of the store while answering a request (its folder
/// deleted or unmounted under a running server, a database gone away) becomes a <see cref="MarsadException"/>
/// with code MRS301, which <see cref="ProblemExceptionHandler"/> answers as a problem body. The reason goes to the
/// server log only: the response names no server path and carries no stack trace.
/// </summary>
public sealed class ArchiveFailureGuard(IArchive inner, ILogger logger) : IArchive
{
    public const string Detail = "the archive could not be read (was its folder moved or deleted while the server runs?); the server log has the reason";

    public bool Contains(string articleId) => Guard(() => inner.Contains(articleId));

    public DuplicateMatch? FindDuplicate(ContentFingerprint fingerprint) => Guard(() => inner.FindDuplicate(fingerprint));

    public void RegisterOriginal(string articleId, ContentFingerprint fingerprint) => Guard(() => { inner.RegisterOriginal(articleId, fingerprint); return 0; });

    public BatchResult AddBatch(IReadOnlyList<ArchiveEntry> entries) => Guard(() => inner.AddBatch(entries));

    public void Flush() => Guard(() => { inner.Flush(); return 0; });

    public StoredArticle? GetArticle(string articleId) => Guard(() => inner.GetArticle(articleId));

    public SearchResults Search(SearchQuery query) => Guard(() => inner.Search(query));

    public StoryPage Stories(StoryQuery query) => Guard(() => inner.Stories(query));

    public EntityProfile? Entity(string key) => Guard(() => inner.Entity(key));

    public IReadOnlyList<StoredQuote> QuotesBySpeaker(string speakerKey, int limit = 100) => Guard(() => inner.QuotesBySpeaker(speakerKey, limit));

    public ArchiveStats Stats() => Guard(inner.Stats);

    public ArticlePage Articles(ArticleListQuery query) => Guard(() => inner.Articles(query));

    public StorySummary? Story(long storyId) => Guard(() => inner.Story(storyId));

    /// <summary>The server owns the archive and disposes it; the guard does not.</summary>
    public void Dispose()
    {
    }

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            // The stack trace stays in the server log, never in the response.
            logger.LogError(e, "MRS301 archive failure: {Type}: {Message}", e.GetType().Name, e.Message);
            throw new MarsadException(ErrorCodes.Storage, Detail, inner: e);
        }
    }

    /// <summary>
    /// A failure of the store itself (files gone, database refused, index closed or corrupt, an MRS301 of the archive); a
    /// bug in the archive code (a null reference, a bad index) or another Marsad error is not one and goes on as it is.
    /// </summary>
    private static bool IsStorageFailure(Exception e) =>
        e is MarsadException { Code: ErrorCodes.Storage } or System.Data.Common.DbException or IOException or UnauthorizedAccessException or ObjectDisposedException
        || (e.GetType().Namespace?.StartsWith("Lucene.Net", StringComparison.Ordinal) ?? false);
}
