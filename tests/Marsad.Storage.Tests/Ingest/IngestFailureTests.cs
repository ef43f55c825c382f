using Marsad.Duplicates;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Storage.Embedded;
using Marsad.Storage.Ingest;
using Marsad.Storage.Search;
using Marsad.Storage.Tests.Fixtures;

namespace Marsad.Storage.Tests.Ingest;

/// <summary>A failure of the archive on the analysis threads fails the run; it is not filed as a record's rejection.</summary>
public sealed class IngestFailureTests
{
    [Fact]
    public async Task An_archive_that_cannot_prepare_fails_the_run_instead_of_rejecting_every_record()
    {
        using var temp = new TempFolder();
        new NewsGenerator(5).WriteFolder(temp.Sub("in"), files: 1, perFile: 20);
        using var inner = EmbeddedArchive.Open(temp.Sub("data"));
        using var archive = new PrepareFails(inner);
        var ingestor = new ArchiveIngestor(archive, new PipelineBuilder().Build(), new IngestOptions { BatchSize = 4 });
        var rejects = Path.Combine(temp.Sub("data"), ArchiveIngestor.RejectsFile);

        var error = await Assert.ThrowsAsync<IOException>(() => ingestor.RunAsync(ArchiveIngestor.ExpandPaths([temp.Sub("in")]), rejects));
        Assert.Equal(PrepareFails.Message, error.Message);
        Assert.DoesNotContain("analysis failed", File.Exists(rejects) ? File.ReadAllText(rejects) : "", StringComparison.Ordinal);
    }

    /// <summary>An embedded archive whose preparation step fails as a full disk would.</summary>
    private sealed class PrepareFails(IArchive inner) : IArchive
    {
        public const string Message = "No space left on device";

        public AnalysedEntry Prepare(AnalysedEntry entry) => throw new IOException(Message);

        public bool Contains(string articleId) => inner.Contains(articleId);

        public DuplicateMatch? FindDuplicate(ContentFingerprint fingerprint) => inner.FindDuplicate(fingerprint);

        public void RegisterOriginal(string articleId, ContentFingerprint fingerprint) => inner.RegisterOriginal(articleId, fingerprint);

        public BatchResult AddBatch(IReadOnlyList<ArchiveEntry> entries) => inner.AddBatch(entries);

        public void Flush() => inner.Flush();

        public StoredArticle? GetArticle(string articleId) => inner.GetArticle(articleId);

        public SearchResults Search(SearchQuery query) => inner.Search(query);

        public StoryPage Stories(StoryQuery query) => inner.Stories(query);

        public EntityProfile? Entity(string key) => inner.Entity(key);

        public IReadOnlyList<StoredQuote> QuotesBySpeaker(string speakerKey, int limit = 100) => inner.QuotesBySpeaker(speakerKey, limit);

        public ArchiveStats Stats() => inner.Stats();

        public ArticlePage Articles(ArticleListQuery query) => inner.Articles(query);

        public StorySummary? Story(long storyId) => inner.Story(storyId);

        public void Dispose()
        {
        }
    }
}
