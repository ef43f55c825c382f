using Marsad.Duplicates;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Storage.Embedded;
using Marsad.Storage.Ingest;
using Marsad.Storage.Search;
using Marsad.Storage.Tests.Fixtures;

namespace Marsad.Storage.Tests.Embedded;

public sealed class EmbeddedArchiveTests
{
    private static AnalysedEntry Analysed(string id, string headline, string body, params Entity[] entities)
    {
        var article = new Article { Id = id, Source = "wire", Headline = headline, Paragraphs = [body], Format = "jsonl", PublishedAt = new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero) };
        var doc = new AnalyzedArticle(article);
        doc.Entities.AddRange(entities);
        if (entities.Length > 0)
        {
            doc.Quotes.Add(new Quote(0, 5, "direct") { Speaker = entities[0].CanonicalName, SpeakerEntityKey = entities[0].Key, Content = "نحن مستعدون", Cue = "قال" });
        }

        return new AnalysedEntry(doc, ContentFingerprint.Of(article));
    }

    [Fact]
    public void A_data_path_that_is_a_file_is_a_storage_error_naming_it()
    {
        using var temp = new TempFolder();
        var file = System.IO.Path.Combine(temp.Path, "notes.txt");
        File.WriteAllText(file, "x");
        var error = Assert.Throws<Marsad.Errors.MarsadException>(() => EmbeddedArchive.Open(file));
        Assert.Equal(Marsad.Errors.ErrorCodes.Storage, error.Code);
        Assert.Equal(file, error.Input);
        Assert.Contains("is a file", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_data_folder_that_cannot_be_created_is_a_storage_error_not_a_crash()
    {
        // /sys refuses new folders to every user, root included (EPERM/EACCES: UnauthorizedAccessException).
        Skip.IfNot(OperatingSystem.IsLinux() && Directory.Exists("/sys/kernel"), "needs Linux /sys");
        var error = Assert.Throws<Marsad.Errors.MarsadException>(() => EmbeddedArchive.Open("/sys/marsad-test-archive"));
        Assert.Equal(Marsad.Errors.ErrorCodes.Storage, error.Code);
    }

    [Fact]
    public void Adding_the_same_batch_twice_stores_each_article_once()
    {
        using var temp = new TempFolder();
        var batch = new ArchiveEntry[] { Analysed("a", "زيارة", "وصل الوفد لروسيا."), Analysed("b", "محادثات", "اتفقت الصين وروسيا.") };
        using (var archive = EmbeddedArchive.Open(temp.Path))
        {
            Assert.Equal(new BatchResult(2, 0, 0), archive.AddBatch(batch));
            Assert.Equal(new BatchResult(0, 0, 2), archive.AddBatch(batch));
        }

        using var reopened = EmbeddedArchive.Open(temp.Path);
        Assert.Equal(new BatchResult(0, 0, 2), reopened.AddBatch(batch));
        var stats = reopened.Stats();
        Assert.Equal(2, stats.Articles);
        Assert.Equal(2, stats.IndexDocuments);
    }

    [Fact]
    public void Stories_are_paged_with_a_total_of_every_story_that_matches()
    {
        using var temp = new TempFolder();
        using var archive = EmbeddedArchive.Open(temp.Path);
        StoryPagingCheck.Run(archive);
    }

    [Fact]
    public void A_copy_is_stored_linked_and_not_indexed()
    {
        using var temp = new TempFolder();
        using var archive = EmbeddedArchive.Open(temp.Path);
        var original = Analysed("a", "زيارة", "وصل الوفد لروسيا صباح الأحد في زيارة رسمية تستمر ثلاثة أيام.");
        archive.AddBatch([original]);
        var copyArticle = original.Article with { Id = "c", Source = "daily" };
        var match = archive.FindDuplicate(ContentFingerprint.Of(copyArticle));
        Assert.NotNull(match);
        archive.AddBatch([new DuplicateEntry(copyArticle, match)]);
        archive.Flush();
        var stored = archive.GetArticle("c");
        Assert.NotNull(stored);
        Assert.Equal("a", stored.DuplicateOf);
        Assert.Equal("exact", stored.DuplicateKind);
        Assert.Equal(archive.GetArticle("a")!.StoryId, stored.StoryId);
        Assert.Equal(["a"], archive.Search(new SearchQuery("روسيا")).Hits.Select(h => h.Id));
    }

    [Fact]
    public void Entries_prepared_on_several_threads_are_stored_and_found_like_unprepared_ones()
    {
        var places = new[] { "لروسيا", "للصين", "لمصر", "للأردن", "لتونس" };
        ArchiveEntry[] Batch() => Enumerable.Range(0, 40)
            .Select(i => (ArchiveEntry)Analysed("n" + i, $"زيارة {places[i % places.Length]} رقم {i}", $"وصل الوفد {places[i % places.Length]} في زيارة رسمية رقم {i}."))
            .ToArray();

        using var temp = new TempFolder();
        using var plain = EmbeddedArchive.Open(temp.Sub("plain"));
        plain.AddBatch(Batch());
        plain.Flush();

        using var prepared = EmbeddedArchive.Open(temp.Sub("prepared"));
        var entries = Batch();
        Parallel.For(0, entries.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => entries[i] = prepared.Prepare((AnalysedEntry)entries[i]));
        Assert.All(entries, e => Assert.True(((AnalysedEntry)e).Prepared?.Indexed));
        prepared.AddBatch(entries);
        prepared.Flush();

        Assert.Equal(plain.Stats(), prepared.Stats() with { DatabaseBytes = plain.Stats().DatabaseBytes, IndexBytes = plain.Stats().IndexBytes });
        Assert.Equal(prepared.OriginalIds(), prepared.IndexedIds());
        foreach (var place in places)
        {
            var query = new SearchQuery(place) { Limit = 20 };
            Assert.Equal(plain.Search(query).Hits.Select(h => h.Id).Order(), prepared.Search(query).Hits.Select(h => h.Id).Order());
        }

        foreach (var id in new[] { "n0", "n17", "n39" })
        {
            Assert.Equal(plain.GetArticle(id)!.StoryId, prepared.GetArticle(id)!.StoryId);
            Assert.Equal(plain.GetArticle(id)!.Analysis.Text, prepared.GetArticle(id)!.Analysis.Text);
        }
    }

    [Fact]
    public void A_prepared_original_that_was_never_stored_is_not_left_in_the_index()
    {
        using var temp = new TempFolder();
        using (var archive = EmbeddedArchive.Open(temp.Path))
        {
            archive.AddBatch([Analysed("a", "زيارة", "وصل الوفد لروسيا.")]);
            archive.Prepare(Analysed("b", "محادثات", "اتفقت الصين وروسيا."));

            // As when the process dies after the analysis, before the writer stored "b".
        }

        using var reopened = EmbeddedArchive.Open(temp.Path);
        Assert.Equal(reopened.OriginalIds(), reopened.IndexedIds());
        Assert.Equal(["a"], reopened.Search(new SearchQuery("روسيا")).Hits.Select(h => h.Id));
    }

    [Fact]
    public void Reopening_reindexes_what_the_index_lost_and_drops_what_sqlite_lacks()
    {
        using var temp = new TempFolder();
        using (var archive = EmbeddedArchive.Open(temp.Path))
        {
            archive.AddBatch([Analysed("a", "زيارة", "وصل الوفد لروسيا."), Analysed("b", "محادثات", "اتفقت الصين وروسيا.")]);
        }

        // Lose the index and plant a document SQLite never had.
        Directory.Delete(Path.Combine(temp.Path, EmbeddedArchive.IndexFolder), recursive: true);
        using (var index = SearchIndex.Open(Path.Combine(temp.Path, EmbeddedArchive.IndexFolder), writable: true))
        {
            index.Put(new IndexDocument("ghost", "شبح", "شبح", null, null, null, null, []));
            index.Commit();
        }

        using var reopened = EmbeddedArchive.Open(temp.Path);
        Assert.Equal(new ReconcileReport(2, 1), reopened.Reconciled);
        Assert.Equal(reopened.OriginalIds(), reopened.IndexedIds());
        Assert.Equal(2, reopened.Search(new SearchQuery("روسيا")).TotalHits);
    }

    [Fact]
    public void Unindexed_originals_are_indexed_again_on_open()
    {
        using var temp = new TempFolder();
        using (var archive = EmbeddedArchive.Open(temp.Path))
        {
            archive.AddBatch([Analysed("a", "زيارة", "وصل الوفد لروسيا.")]);
        }

        // As after a crash between the SQLite commit and the index commit.
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(temp.Path, EmbeddedArchive.DatabaseFile)};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE articles SET indexed = 0";
            cmd.ExecuteNonQuery();
        }

        Directory.Delete(Path.Combine(temp.Path, EmbeddedArchive.IndexFolder), recursive: true);
        using var reopened = EmbeddedArchive.Open(temp.Path);
        Assert.Equal(1, reopened.Reconciled!.Reindexed);
        Assert.Equal(["a"], reopened.Search(new SearchQuery("لروسيا")).Hits.Select(h => h.Id));
        Assert.Equal(1, reopened.Stats().Indexed);
    }

    [Fact]
    public void Entity_pages_and_quotes_come_from_the_stored_layers()
    {
        using var temp = new TempFolder();
        var putin = new Entity("PER:بوتين", "PER", "فلاديمير بوتين") { MentionCount = 2 };
        var moscow = new Entity("LOC:موسكو", "LOC", "موسكو") { MentionCount = 1 };
        using var archive = EmbeddedArchive.Open(temp.Path);
        archive.AddBatch([Analysed("a", "بوتين في موسكو", "قال بوتين في موسكو إن بلاده مستعدة.", putin, moscow)]);
        var profile = archive.Entity("PER:بوتين");
        Assert.NotNull(profile);
        Assert.Equal(1, profile.Articles);
        Assert.Equal(2, profile.Mentions);
        Assert.Equal("2024-03-05", Assert.Single(profile.OverTime).Date);
        Assert.Equal("LOC:موسكو", Assert.Single(profile.CoOccurring).Key);
        Assert.Equal("نحن مستعدون", Assert.Single(archive.QuotesBySpeaker("PER:بوتين")).Content);
        Assert.Null(archive.Entity("PER:غير-موجود"));
    }

    [Fact]
    public async Task Ingest_counts_rejects_copies_and_repeats_and_writes_the_rejects_file()
    {
        using var temp = new TempFolder();
        var corpus = new NewsGenerator(11).WriteFolder(temp.Sub("in"), files: 2, perFile: 60);
        using var archive = EmbeddedArchive.Open(temp.Sub("data"));
        var ingestor = new ArchiveIngestor(archive, new PipelineBuilder().Build(), new IngestOptions { BatchSize = 7 });
        var rejects = Path.Combine(temp.Sub("data"), ArchiveIngestor.RejectsFile);
        var summary = await ingestor.RunAsync(ArchiveIngestor.ExpandPaths([temp.Sub("in")]), rejects);
        Assert.Equal(corpus.Malformed, summary.Rejected);
        Assert.Equal(corpus.Malformed, File.ReadAllLines(rejects).Length);
        Assert.Equal(corpus.Repeated, summary.AlreadyStored);
        Assert.Equal(corpus.DistinctArticles, summary.Accepted + summary.Duplicates);
        Assert.Equal(corpus.ExactCopies, summary.ExactDuplicates);
        Assert.Equal(corpus.NearCopies, summary.NearDuplicates);
        Assert.Equal(archive.OriginalIds(), archive.IndexedIds());
    }
}
