using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Marsad.Duplicates;
using Marsad.Errors;
using Marsad.Json;
using Marsad.Model;
using Marsad.Storage.Search;
using Marsad.Stories;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage.Embedded;

/// <summary>How to open an embedded archive.</summary>
public sealed record ArchiveOpenOptions
{
    /// <summary>Read-only opens take no lock and skip reconciliation: search, stories, entity pages.</summary>
    public bool ReadOnly { get; init; }

    public StoryClusterOptions Stories { get; init; } = new();

    /// <summary>The estimated Jaccard similarity at or above which an article is a near copy.</summary>
    public double NearDuplicateThreshold { get; init; } = 0.8;
}

/// <summary>What opening for writing repaired in the index so that it matches SQLite.</summary>
public sealed record ReconcileReport(int Reindexed, int Removed);

/// <summary>
/// The embedded archive: one data folder with <c>archive.db</c> (SQLite, WAL journal, the source of
/// truth) and <c>index/</c> (Lucene.Net). A batch is written in one SQLite transaction with its
/// originals marked unindexed, then the index is committed, then the originals are marked indexed.
/// Opening for writing reconciles: originals SQLite has but the index lacks are indexed again, and
/// documents SQLite lacks are deleted, so a crash at any point leaves nothing lost or doubled.
/// </summary>
public sealed partial class EmbeddedArchive : IArchive
{
    public const string DatabaseFile = "archive.db";
    public const string IndexFolder = "index";

    /// <summary>The index is committed after this many new originals…</summary>
    public const int IndexCommitArticles = 4096;

    /// <summary>
    /// …or this long after the last commit, whichever comes first. Each commit syncs the index files, which on a
    /// busy disk stalls the single writer for seconds: every 30 s keeps that small against ingest time, and a
    /// crash re-indexes at most that much from SQLite.
    /// </summary>
    public static readonly TimeSpan IndexCommitInterval = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions CompactJson = new(MarsadJsonContext.Default.Options) { WriteIndented = false };
    private static readonly MarsadJsonContext Compact = new(CompactJson);

    private readonly SqliteConnection _db;
    private readonly SearchIndex _index;
    private readonly ArchiveOpenOptions _options;
    private readonly HashSet<string> _knownIds = new(StringComparer.Ordinal);
    private readonly Lock _knownLock = new();
    private readonly NearDuplicateIndex _duplicates;
    private readonly StoryClusterer _stories;
    private long _seq;
    private readonly HashSet<string> _registered = new(StringComparer.Ordinal);
    private readonly List<string> _uncommitted = [];
    private readonly System.Diagnostics.Stopwatch _sinceIndexCommit = System.Diagnostics.Stopwatch.StartNew();
    private SqliteTransaction? _tx;

    private EmbeddedArchive(string directory, SqliteConnection db, SearchIndex index, ArchiveOpenOptions options)
    {
        Directory = directory;
        _db = db;
        _index = index;
        _options = options;
        _duplicates = new NearDuplicateIndex(options.NearDuplicateThreshold);
        _stories = new StoryClusterer(options.Stories);
    }

    public string Directory { get; }

    /// <summary>When set, the writer adds the time of its stages (stories, index) here.</summary>
    public Ingest.StageTimes? Times { get; set; }

    /// <summary>What the last open for writing repaired (null for read-only opens).</summary>
    public ReconcileReport? Reconciled { get; private set; }

    /// <summary>Opens (creating when absent) the archive in a data folder.</summary>
    public static EmbeddedArchive Open(string directory, ArchiveOpenOptions? options = null)
    {
        options ??= new ArchiveOpenOptions();
        var full = Path.GetFullPath(directory);
        var dbPath = Path.Combine(full, DatabaseFile);
        if (File.Exists(full))
        {
            throw new MarsadException(ErrorCodes.Storage, "is a file: the archive is a folder (give --data a folder)", full);
        }

        if (options.ReadOnly && !File.Exists(dbPath))
        {
            throw new MarsadException(ErrorCodes.Storage, "no archive here: run `marsad ingest` first", full);
        }

        SqliteConnection? db = null;
        SearchIndex? index = null;
        try
        {
            System.IO.Directory.CreateDirectory(full);
            db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString());
            db.Open();
            // WAL with synchronous=NORMAL survives a killed process (not a power cut, which ingest can redo).
            Execute(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA cache_size=-32000;");
            if (!options.ReadOnly)
            {
                Execute(db, ArchiveSchema.Create);
                Execute(db, $"INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '{ArchiveSchema.Version}')");
            }

            index = SearchIndex.Open(Path.Combine(full, IndexFolder), writable: !options.ReadOnly);
            var archive = new EmbeddedArchive(full, db, index, options);
            if (!options.ReadOnly)
            {
                archive.LoadState();
                archive.Reconciled = archive.Reconcile();
            }

            return archive;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or Lucene.Net.Store.LockObtainFailedException)
        {
            index?.Dispose();
            db?.Dispose();
            throw new MarsadException(ErrorCodes.Storage, $"the archive could not be opened: {e.Message}", full, e);
        }
    }

    public bool Contains(string articleId)
    {
        if (!_options.ReadOnly)
        {
            lock (_knownLock)
            {
                return _knownIds.Contains(articleId);
            }
        }

        using var cmd = Command("SELECT 1 FROM articles WHERE id = $id", ("$id", articleId));
        return cmd.ExecuteScalar() is not null;
    }

    public DuplicateMatch? FindDuplicate(ContentFingerprint fingerprint)
    {
        lock (_duplicates)
        {
            return _duplicates.Find(fingerprint);
        }
    }

    public void RegisterOriginal(string articleId, ContentFingerprint fingerprint)
    {
        lock (_duplicates)
        {
            if (_registered.Add(articleId))
            {
                _duplicates.Add(articleId, fingerprint.ExactHash, fingerprint.Signature);
            }
        }
    }

    public AnalysedEntry Prepare(AnalysedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Prepared is not null ? entry : entry with { Prepared = PrepareRows(entry.Doc, DateTimeOffset.UtcNow, index: !_options.ReadOnly) };
    }

    /// <summary>
    /// The order-free part of storing an original. Putting the index document here (before its SQLite row exists)
    /// is safe: the index is only committed by <see cref="Flush"/>, which marks indexed only the originals SQLite
    /// already holds, and opening for writing deletes documents SQLite lacks (a crash between the two).
    /// </summary>
    private PreparedOriginal PrepareRows(AnalyzedArticle doc, DateTimeOffset now, bool index)
    {
        var story = StoryFeatures.From(doc, doc.Article.PublishedAt ?? now);
        var analysis = Compress(AnalysisDocument.From(doc, includeTokens: false));
        var text = CompressText(doc.Text);
        if (index)
        {
            _index.Put(ToIndexDocument(doc));
        }

        return new PreparedOriginal(analysis, text, story, index);
    }

    public BatchResult AddBatch(IReadOnlyList<ArchiveEntry> entries)
    {
        var originals = new List<string>();
        var toIndex = new List<AnalyzedArticle>();
        var duplicates = 0;
        var already = 0;
        var now = DateTimeOffset.UtcNow;
        using (var tx = Begin())
        {
            var insertArticle = Command(
                "INSERT INTO articles(id, seq, source, url, section, headline, published, origin, exact_hash, signature, duplicate_of, duplicate_kind, similarity, story_id, indexed, added) " +
                "VALUES ($id, $seq, $source, $url, $section, $headline, $published, $origin, $hash, $signature, $dupOf, $dupKind, $similarity, $story, 0, $added)");
            var insertAnalysis = Command("INSERT INTO analyses(article_id, json) VALUES ($id, $json)");
            var insertText = Command("INSERT OR REPLACE INTO texts(article_id, text) VALUES ($id, $text)");
            using var layers = new LayerCommands(this);
            var batchIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var article = entry.Article;
                if (Contains(article.Id) || !batchIds.Add(article.Id))
                {
                    already++;
                    continue;
                }

                Bind(insertArticle, "$id", article.Id);
                Bind(insertArticle, "$seq", ++_seq);
                Bind(insertArticle, "$source", article.Source);
                Bind(insertArticle, "$url", article.Url);
                Bind(insertArticle, "$section", article.Section);
                Bind(insertArticle, "$headline", article.Headline);
                Bind(insertArticle, "$published", article.PublishedAt?.ToUnixTimeSeconds());
                Bind(insertArticle, "$origin", article.Origin);
                Bind(insertArticle, "$added", now.ToUnixTimeSeconds());
                switch (entry)
                {
                    case AnalysedEntry analysed:
                        var prepared = analysed.Prepared ?? PrepareRows(analysed.Doc, now, index: false);
                        var storyStart = System.Diagnostics.Stopwatch.GetTimestamp();
                        var assignment = _stories.Assign(prepared.Story);
                        Times?.Add("store.stories", System.Diagnostics.Stopwatch.GetTimestamp() - storyStart);
                        Bind(insertArticle, "$hash", analysed.Fingerprint.ExactHash);
                        Bind(insertArticle, "$signature", analysed.Fingerprint.SignatureBytes());
                        Bind(insertArticle, "$dupOf", null);
                        Bind(insertArticle, "$dupKind", null);
                        Bind(insertArticle, "$similarity", null);
                        Bind(insertArticle, "$story", assignment.StoryId);
                        insertArticle.ExecuteNonQuery();
                        Bind(insertAnalysis, "$id", article.Id);
                        Bind(insertAnalysis, "$json", prepared.Analysis);
                        insertAnalysis.ExecuteNonQuery();
                        Bind(insertText, "$id", article.Id);
                        Bind(insertText, "$text", prepared.Text);
                        insertText.ExecuteNonQuery();
                        layers.Write(analysed.Doc);
                        RegisterOriginal(article.Id, analysed.Fingerprint);
                        originals.Add(article.Id);
                        if (!prepared.Indexed)
                        {
                            toIndex.Add(analysed.Doc);
                        }

                        break;
                    case DuplicateEntry copy:
                        Bind(insertArticle, "$hash", null);
                        Bind(insertArticle, "$signature", null);
                        Bind(insertArticle, "$dupOf", copy.Match.OriginalId);
                        Bind(insertArticle, "$dupKind", copy.Match.Kind == DuplicateKind.Exact ? "exact" : "near");
                        Bind(insertArticle, "$similarity", copy.Match.Similarity);
                        Bind(insertArticle, "$story", null);
                        insertArticle.ExecuteNonQuery();
                        Bind(insertAnalysis, "$id", article.Id);
                        Bind(insertAnalysis, "$json", Compress(AnalysisDocument.From(new AnalyzedArticle(article), includeTokens: false)));
                        insertAnalysis.ExecuteNonQuery();
                        duplicates++;
                        break;
                }
            }

            var saveStart = System.Diagnostics.Stopwatch.GetTimestamp();
            SaveStories();
            Times?.Add("store.stories.save", System.Diagnostics.Stopwatch.GetTimestamp() - saveStart);
            insertArticle.Dispose();
            insertAnalysis.Dispose();
            insertText.Dispose();
            tx.Commit();
            _tx = null;
            lock (_knownLock)
            {
                _knownIds.UnionWith(batchIds);
            }
        }

        if (toIndex.Count > 0)
        {
            var indexStart = System.Diagnostics.Stopwatch.GetTimestamp();
            foreach (var doc in toIndex)
            {
                _index.Put(ToIndexDocument(doc));
            }

            Times?.Add("store.index", System.Diagnostics.Stopwatch.GetTimestamp() - indexStart);
        }

        _uncommitted.AddRange(originals);

        // An index commit syncs files to disk: do it every few thousand articles or seconds, not per
        // batch. Until then the originals stay unindexed in SQLite, and a crash re-indexes them.
        if (_uncommitted.Count >= IndexCommitArticles || (_uncommitted.Count > 0 && _sinceIndexCommit.Elapsed >= IndexCommitInterval))
        {
            Flush();
        }

        return new BatchResult(originals.Count, duplicates, already);
    }

    public StoredArticle? GetArticle(string articleId)
    {
        using var cmd = Command(
            "SELECT an.json, a.duplicate_of, a.duplicate_kind, COALESCE(a.story_id, o.story_id) FROM articles a JOIN analyses an ON an.article_id = a.id " +
            "LEFT JOIN articles o ON o.id = a.duplicate_of WHERE a.id = $id",
            ("$id", articleId));
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var analysis = Decompress((byte[])reader[0]);
        return new StoredArticle(analysis, reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
    }

    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _index.Search(query, HitSources);
    }

    /// <summary>The hits' display fields from the articles table, and their texts when highlighting, in one query each.</summary>
    private Dictionary<string, HitSource> HitSources(IReadOnlyList<string> ids, bool withText)
    {
        var found = new Dictionary<string, HitSource>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        var names = string.Join(", ", ids.Select((_, i) => "$i" + i.ToString(CultureInfo.InvariantCulture)));
        var parameters = ids.Select((id, i) => ("$i" + i.ToString(CultureInfo.InvariantCulture), (object?)id)).ToArray();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (withText)
        {
            using var cmd = Command($"SELECT article_id, text FROM texts WHERE article_id IN ({names})", parameters);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                texts[reader.GetString(0)] = DecompressText((byte[])reader[1]);
            }
        }

        using (var cmd = Command($"SELECT id, headline, source, section, published, url FROM articles WHERE id IN ({names})", parameters))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                var text = texts.GetValueOrDefault(id);
                if (withText && text is null)
                {
                    // An archive written before the texts table: the text from the stored analysis.
                    text = GetArticle(id)?.Analysis.Text;
                }

                found[id] = new HitSource(
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : FormatTime(reader.GetInt64(4)),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    text);
            }
        }

        return found;
    }

    /// <summary>Commits the index and marks the articles it now holds as indexed. Called by batches, and on dispose.</summary>
    public void Flush()
    {
        if (_options.ReadOnly || _uncommitted.Count == 0)
        {
            return;
        }

        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        _index.Commit();
        Times?.Add("store.index.commit", System.Diagnostics.Stopwatch.GetTimestamp() - start);
        MarkIndexed(_uncommitted);
        _uncommitted.Clear();
        _sinceIndexCommit.Restart();
    }

    public StoryPage Stories(StoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var newest = Scalar<long?>("SELECT MAX(published) FROM articles") ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var recentStart = newest - (long)query.Window.TotalSeconds;
        var recent = new Dictionary<long, int>();
        using (var cmd = Command(
            "SELECT story, COUNT(*) FROM (SELECT a.story_id AS story FROM articles a WHERE a.story_id IS NOT NULL AND a.published >= $recent " +
            "UNION ALL SELECT o.story_id FROM articles c JOIN articles o ON o.id = c.duplicate_of WHERE c.published >= $recent AND o.story_id IS NOT NULL) GROUP BY story",
            ("$recent", recentStart)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                recent[reader.GetInt64(0)] = reader.GetInt32(1);
            }
        }

        var copies = new Dictionary<long, int>();
        using (var cmd = Command("SELECT o.story_id, COUNT(*) FROM articles c JOIN articles o ON o.id = c.duplicate_of WHERE o.story_id IS NOT NULL GROUP BY o.story_id"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                copies[reader.GetInt64(0)] = reader.GetInt32(1);
            }
        }

        var rows = new List<StoryRow>();
        using (var cmd = Command(
            "SELECT id, headline, representative, size, first_seen, last_seen, entities, sources FROM stories WHERE last_seen >= $since AND ($id IS NULL OR id = $id)",
            ("$since", query.Since?.ToUnixTimeSeconds() ?? long.MinValue), ("$id", query.StoryId)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(new StoryRow(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetString(6), reader.GetString(7)));
            }
        }

        var (total, page) = StoryRows.Rank(rows, recent, copies, query);
        var result = new List<StorySummary>();
        foreach (var r in page)
        {
            var members = new List<string>();
            using (var cmd = Command("SELECT id FROM articles WHERE story_id = $s UNION ALL SELECT c.id FROM articles c JOIN articles o ON o.id = c.duplicate_of WHERE o.story_id = $s", ("$s", r.Id)))
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                {
                    members.Add(reader.GetString(0));
                }
            }

            result.Add(StoryRows.Summary(r, recent, copies, query, members));
        }

        return new StoryPage(total, result);
    }

    /// <summary>The story of every original article (id → story id), for evaluation.</summary>
    public Dictionary<string, long> StoryOfEachArticle()
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        using var cmd = Command("SELECT a.id, COALESCE(a.story_id, o.story_id) FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            if (!reader.IsDBNull(1))
            {
                map[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return map;
    }

    public EntityProfile? Entity(string key)
    {
        string? type = null, name = null;
        using (var cmd = Command("SELECT key, type, name FROM entities WHERE key = $k OR name = $k ORDER BY key = $k DESC LIMIT 1", ("$k", key)))
        using (var reader = cmd.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            key = reader.GetString(0);
            type = reader.IsDBNull(1) ? null : reader.GetString(1);
            name = reader.IsDBNull(2) ? null : reader.GetString(2);
        }

        var days = new List<EntityDay>();
        int articles = 0, mentions = 0;
        using (var cmd = Command(
            "SELECT COALESCE(date(a.published, 'unixepoch'), 'undated'), COUNT(*), SUM(ae.mentions) FROM article_entities ae JOIN articles a ON a.id = ae.article_id " +
            "WHERE ae.entity_key = $k GROUP BY 1 ORDER BY 1",
            ("$k", key)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var day = new EntityDay(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2));
                days.Add(day);
                articles += day.Articles;
                mentions += day.Mentions;
            }
        }

        var co = new List<CoOccurrence>();
        using (var cmd = Command(
            "SELECT b.entity_key, e.name, COUNT(*) FROM article_entities a JOIN article_entities b ON b.article_id = a.article_id AND b.entity_key <> a.entity_key " +
            "LEFT JOIN entities e ON e.key = b.entity_key WHERE a.entity_key = $k GROUP BY b.entity_key ORDER BY 3 DESC, 1 LIMIT 20",
            ("$k", key)))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                co.Add(new CoOccurrence(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2)));
            }
        }

        return new EntityProfile(key, type, name, articles, mentions, days, co, QuotesBySpeaker(key, 50));
    }

    public IReadOnlyList<StoredQuote> QuotesBySpeaker(string speakerKey, int limit = 100)
    {
        var quotes = new List<StoredQuote>();
        using var cmd = Command(
            "SELECT q.article_id, a.headline, a.published, q.speaker, q.speaker_key, q.role, q.cue, q.kind, q.content FROM quotes q JOIN articles a ON a.id = q.article_id " +
            "WHERE q.speaker_key = $k OR (q.speaker_key IS NULL AND q.speaker = $k) ORDER BY a.published DESC, q.article_id, q.idx LIMIT $limit",
            ("$k", speakerKey),
            ("$limit", limit));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            quotes.Add(new StoredQuote(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : FormatTime(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return quotes;
    }

    public ArchiveStats Stats()
    {
        var articles = (int)(Scalar<long?>("SELECT COUNT(*) FROM articles") ?? 0);
        var duplicates = (int)(Scalar<long?>("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL") ?? 0);
        var indexed = (int)(Scalar<long?>("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL AND indexed = 1") ?? 0);
        var stories = (int)(Scalar<long?>("SELECT COUNT(*) FROM stories") ?? 0);
        var entities = (int)(Scalar<long?>("SELECT COUNT(*) FROM entities") ?? 0);
        long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
        var dbBytes = Size(Path.Combine(Directory, DatabaseFile)) + Size(Path.Combine(Directory, DatabaseFile + "-wal"));
        var indexDir = new DirectoryInfo(Path.Combine(Directory, IndexFolder));
        var indexBytes = indexDir.Exists ? indexDir.EnumerateFiles().Sum(f => f.Length) : 0;
        return new ArchiveStats(articles, articles - duplicates, duplicates, indexed, _index.Count, stories, entities, dbBytes, indexBytes);
    }

    /// <summary>The ids in the search index (for consistency checks).</summary>
    public HashSet<string> IndexedIds() => _index.Ids();

    /// <summary>The ids of stored originals (articles that are not copies).</summary>
    public HashSet<string> OriginalIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = Command("SELECT id FROM articles WHERE duplicate_of IS NULL");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Every stored original's analysis, in the order they were added (evaluation, re-clustering, export).</summary>
    public IEnumerable<AnalysisDocument> Originals()
    {
        using var cmd = Command("SELECT an.json FROM articles a JOIN analyses an ON an.article_id = a.id WHERE a.duplicate_of IS NULL ORDER BY a.seq");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return Decompress((byte[])reader[0]);
        }
    }

    /// <summary>Copies (id → original id), for evaluation.</summary>
    public Dictionary<string, string> Copies()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = Command("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            map[reader.GetString(0)] = reader.GetString(1);
        }

        return map;
    }

    public void Dispose()
    {
        Flush();
        _index.Dispose();
        _db.Dispose();
    }

    private void LoadState()
    {
        _seq = Scalar<long?>("SELECT MAX(seq) FROM articles") ?? 0;
        using (var cmd = Command("SELECT id, duplicate_of, exact_hash, signature FROM articles ORDER BY seq"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                _knownIds.Add(id);
                if (reader.IsDBNull(1) && !reader.IsDBNull(2) && !reader.IsDBNull(3))
                {
                    _registered.Add(id);
                    _duplicates.Add(id, reader.GetString(2), ContentFingerprint.SignatureFromBytes((byte[])reader[3]));
                }
            }
        }

        using (var cmd = Command("SELECT term, df FROM term_df"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                _stories.RestoreTerm(reader.GetString(0), reader.GetInt32(1));
            }
        }

        _stories.RestoreDocumentCount((int)(Scalar<long?>("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL") ?? 0));
        using (var cmd = Command("SELECT id, headline, representative, representative_score, first_seen, last_seen, size, centroid, entities, sources FROM stories"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                StoryRows.Restore(_stories, reader);
            }
        }
    }

    /// <summary>Makes the index agree with SQLite: re-indexes unindexed originals, deletes documents SQLite lacks.</summary>
    private ReconcileReport Reconcile()
    {
        var originals = OriginalIds();
        var indexed = _index.Ids();
        var removed = 0;
        foreach (var id in indexed)
        {
            if (!originals.Contains(id))
            {
                _index.Delete(id);
                removed++;
            }
        }

        // Originals the index lacks: those never marked indexed (a crash before the index commit)
        // and any whose document is missing (a lost or replaced index folder).
        var pending = new HashSet<string>(originals.Where(id => !indexed.Contains(id)), StringComparer.Ordinal);
        using (var cmd = Command("SELECT id FROM articles WHERE indexed = 0 AND duplicate_of IS NULL"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                pending.Add(reader.GetString(0));
            }
        }

        foreach (var id in pending)
        {
            var stored = GetArticle(id);
            if (stored is not null)
            {
                _index.Put(ToIndexDocument(stored.Analysis));
            }
        }

        if (removed > 0 || pending.Count > 0)
        {
            _index.Commit();
            MarkIndexed(pending);
        }

        return new ReconcileReport(pending.Count, removed);
    }

    private void MarkIndexed(IEnumerable<string> ids)
    {
        using var tx = Begin();
        using var cmd = Command("UPDATE articles SET indexed = 1 WHERE id = $id");
        foreach (var id in ids)
        {
            Bind(cmd, "$id", id);
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
        _tx = null;
    }

    /// <summary>The inserts of an original's layers (entities, mentions, quotes, times): prepared once per batch, not per article.</summary>
    private sealed class LayerCommands(EmbeddedArchive archive) : IDisposable
    {
        private readonly SqliteCommand _entity = archive.Command("INSERT INTO entities(key, type, name, english, wikidata) VALUES ($k, $t, $n, $e, $w) ON CONFLICT(key) DO NOTHING");
        private readonly SqliteCommand _link = archive.Command("INSERT OR REPLACE INTO article_entities(entity_key, article_id, mentions) VALUES ($k, $a, $m)");
        private readonly SqliteCommand _mention = archive.Command("INSERT INTO mentions(article_id, start, end, type, text, entity_key) VALUES ($a, $s, $e, $t, $x, $k)");
        private readonly SqliteCommand _quote = archive.Command("INSERT INTO quotes(article_id, idx, speaker, speaker_key, role, cue, kind, content, start, end) VALUES ($a, $i, $s, $k, $r, $c, $kind, $x, $st, $en)");
        private readonly SqliteCommand _time = archive.Command("INSERT INTO times(article_id, start, end, text, type, value) VALUES ($a, $s, $e, $x, $t, $v)");

        public void Write(AnalyzedArticle doc)
        {
            var id = doc.Article.Id;
            foreach (var e in doc.Entities)
            {
                Bind(_entity, "$k", e.Key);
                Bind(_entity, "$t", e.Type);
                Bind(_entity, "$n", e.CanonicalName);
                Bind(_entity, "$e", e.EnglishName);
                Bind(_entity, "$w", e.WikidataId);
                _entity.ExecuteNonQuery();
                Bind(_link, "$k", e.Key);
                Bind(_link, "$a", id);
                Bind(_link, "$m", Math.Max(1, e.MentionCount));
                _link.ExecuteNonQuery();
            }

            foreach (var m in doc.Mentions)
            {
                Bind(_mention, "$a", id);
                Bind(_mention, "$s", m.Start);
                Bind(_mention, "$e", m.End);
                Bind(_mention, "$t", m.Type);
                Bind(_mention, "$x", m.Text);
                Bind(_mention, "$k", m.EntityKey);
                _mention.ExecuteNonQuery();
            }

            for (var i = 0; i < doc.Quotes.Count; i++)
            {
                var q = doc.Quotes[i];
                Bind(_quote, "$a", id);
                Bind(_quote, "$i", i);
                Bind(_quote, "$s", q.Speaker);
                Bind(_quote, "$k", q.SpeakerEntityKey);
                Bind(_quote, "$r", q.Role);
                Bind(_quote, "$c", q.Cue);
                Bind(_quote, "$kind", q.Kind);
                Bind(_quote, "$x", q.Content ?? doc.Slice(q.ContentStart, q.ContentEnd));
                Bind(_quote, "$st", q.ContentStart);
                Bind(_quote, "$en", q.ContentEnd);
                _quote.ExecuteNonQuery();
            }

            foreach (var t in doc.TimeExpressions)
            {
                Bind(_time, "$a", id);
                Bind(_time, "$s", t.Start);
                Bind(_time, "$e", t.End);
                Bind(_time, "$x", t.Text);
                Bind(_time, "$t", t.Type);
                Bind(_time, "$v", t.Value);
                _time.ExecuteNonQuery();
            }
        }

        public void Dispose()
        {
            _entity.Dispose();
            _link.Dispose();
            _mention.Dispose();
            _quote.Dispose();
            _time.Dispose();
        }
    }

    private void SaveStories()
    {
        using var story = Command(
            "INSERT OR REPLACE INTO stories(id, headline, representative, representative_score, first_seen, last_seen, size, centroid, entities, sources) " +
            "VALUES ($id, $h, $r, $rs, $f, $l, $n, $c, $e, $s)");
        foreach (var s in _stories.TakeChangedStories())
        {
            var centroid = s.Centroid;
            Bind(story, "$id", s.Id);
            Bind(story, "$h", s.Headline);
            Bind(story, "$r", s.RepresentativeId);
            Bind(story, "$rs", s.RepresentativeScore);
            Bind(story, "$f", s.FirstSeen.ToUnixTimeSeconds());
            Bind(story, "$l", s.LastSeen.ToUnixTimeSeconds());
            Bind(story, "$n", s.Size);
            Bind(story, "$c", JsonSerializer.Serialize(new StoredCentroid(centroid.Select(c => c.Term).ToList(), centroid.Select(c => c.Weight).ToList()), StorageJsonContext.Default.StoredCentroid));
            Bind(story, "$e", JsonSerializer.Serialize(s.EntityCounts, StorageJsonContext.Default.DictionaryStringInt32));
            Bind(story, "$s", JsonSerializer.Serialize(s.Sources.Order(StringComparer.Ordinal).ToList(), StorageJsonContext.Default.ListString));
            story.ExecuteNonQuery();
        }

        using var df = Command("INSERT OR REPLACE INTO term_df(term, df) VALUES ($t, $d)");
        foreach (var (term, count) in _stories.TakeChangedTerms())
        {
            Bind(df, "$t", term);
            Bind(df, "$d", count);
            df.ExecuteNonQuery();
        }
    }

    private static IndexDocument ToIndexDocument(AnalyzedArticle doc) => new(
        doc.Article.Id,
        doc.Article.Headline,
        doc.Text,
        doc.Article.Source,
        doc.Article.Section,
        doc.Article.PublishedAt,
        doc.Article.Url,
        doc.Entities.Select(e => e.Key).ToList())
    {
        Tokens = doc.Tokens,
    };

    private static IndexDocument ToIndexDocument(AnalysisDocument doc) => new(
        doc.Article.Id,
        doc.Article.Headline,
        doc.Text,
        doc.Article.Source,
        doc.Article.Section,
        doc.Article.PublishedAt is { } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture) : null,
        doc.Article.Url,
        doc.Entities.Select(e => e.Key).ToList());

    internal static byte[] Compress(AnalysisDocument doc)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(gzip, doc, Compact.AnalysisDocument);
        }

        return buffer.ToArray();
    }

    /// <summary>Deflates UTF-8 text at the fastest level: texts are read back on every highlighted hit.</summary>
    internal static byte[] CompressText(string text)
    {
        using var buffer = new MemoryStream(text.Length);
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            deflate.Write(bytes);
        }

        return buffer.ToArray();
    }

    internal static string DecompressText(byte[] bytes)
    {
        using var deflate = new DeflateStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(deflate, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    internal static AnalysisDocument Decompress(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        return JsonSerializer.Deserialize(gzip, Compact.AnalysisDocument)
            ?? throw new MarsadException(ErrorCodes.Storage, "a stored analysis is empty");
    }

    private static string FormatTime(long unixSeconds) => StoryRows.FormatTime(unixSeconds);

    private T? Scalar<T>(string sql)
    {
        using var cmd = Command(sql);
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = _tx;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private SqliteTransaction Begin()
    {
        _tx = _db.BeginTransaction();
        return _tx;
    }

    private static void Bind(SqliteCommand cmd, string name, object? value)
    {
        if (cmd.Parameters.Contains(name))
        {
            cmd.Parameters[name].Value = value ?? DBNull.Value;
        }
        else
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
