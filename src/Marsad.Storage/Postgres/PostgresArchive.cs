using System.Globalization;
using System.Text.Json;
using Marsad.Duplicates;
using Marsad.Errors;
using Marsad.Json;
using Marsad.Model;
using Marsad.Stories;
using Npgsql;
using NpgsqlTypes;

namespace Marsad.Storage.Postgres;

/// <summary>How to open a PostgreSQL archive.</summary>
public sealed record PostgresArchiveOptions
{
    public StoryClusterOptions Stories { get; init; } = new();

    /// <summary>The estimated Jaccard similarity at or above which an article is a near copy.</summary>
    public double NearDuplicateThreshold { get; init; } = 0.8;

    /// <summary>Read-only opens skip loading the writer's state (duplicate index, stories).</summary>
    public bool ReadOnly { get; init; }
}

/// <summary>
/// The archive in PostgreSQL, for several machines: any number of writers (workers) share it. Each
/// write batch runs in one transaction under a global advisory lock, so that duplicate detection and
/// story clustering (the embedded archive's <see cref="NearDuplicateIndex"/> and <see cref="StoryClusterer"/>,
/// held in memory by each writer) see every earlier batch: under the lock a writer first catches up on
/// the rows other writers stamped with a newer version, then assigns, writes and bumps the version.
/// Analysis, the expensive part, runs outside the lock. Full-text search uses two tsvector columns:
/// Marsad's terms through the 'simple' configuration, and PostgreSQL's 'arabic' configuration for comparison.
/// </summary>
public sealed partial class PostgresArchive : IArchive
{
    private static readonly JsonSerializerOptions CompactJson = new(MarsadJsonContext.Default.Options) { WriteIndented = false };
    private static readonly MarsadJsonContext Compact = new(CompactJson);

    private readonly NpgsqlDataSource _source;
    private readonly PostgresArchiveOptions _options;
    private readonly Lock _stateLock = new();
    private HashSet<string> _knownIds = new(StringComparer.Ordinal);
    private NearDuplicateIndex _duplicates;
    private StoryClusterer _stories;
    private long _version = -1;

    private PostgresArchive(NpgsqlDataSource source, PostgresArchiveOptions options)
    {
        _source = source;
        _options = options;
        _duplicates = new NearDuplicateIndex(options.NearDuplicateThreshold);
        _stories = new StoryClusterer(options.Stories);
    }

    /// <summary>The connection string in use (without changes).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Connects (a postgres:// URL or an Npgsql connection string) and applies the migrations the database lacks.</summary>
    public static PostgresArchive Open(string db, PostgresArchiveOptions? options = null)
    {
        options ??= new PostgresArchiveOptions();
        var connectionString = PostgresConnection.ToConnectionString(db);
        var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            using (var connection = source.OpenConnection())
            {
                PostgresSchema.Migrate(connection);
            }

            return new PostgresArchive(source, options) { ConnectionString = connectionString };
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            source.Dispose();
            throw new MarsadException(ErrorCodes.Storage, $"PostgreSQL could not be reached: {e.Message}", Redact(connectionString), e);
        }
    }

    internal NpgsqlDataSource Source => _source;

    /// <summary>Drops pooled connections (after the server restarted, they are all broken).</summary>
    public void ResetConnections() => _source.Clear();

    public bool Contains(string articleId)
    {
        using var connection = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT 1 FROM articles WHERE id = $1", connection);
        cmd.Parameters.AddWithValue(articleId);
        return cmd.ExecuteScalar() is not null;
    }

    public DuplicateMatch? FindDuplicate(ContentFingerprint fingerprint)
    {
        lock (_stateLock)
        {
            return _duplicates.Find(fingerprint);
        }
    }

    /// <summary>Registers an original in this writer's duplicate index (other writers see it once it is stored).</summary>
    public void RegisterOriginal(string articleId, ContentFingerprint fingerprint)
    {
        lock (_stateLock)
        {
            _duplicates.Add(articleId, fingerprint.ExactHash, fingerprint.Signature);
        }
    }

    /// <summary>Brings this writer's duplicate index and stories up to what is committed (outside any write).</summary>
    public void Refresh()
    {
        lock (_stateLock)
        {
            using var connection = _source.OpenConnection();
            using var tx = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            CatchUp(connection, tx);
            tx.Commit();
        }
    }

    public BatchResult AddBatch(IReadOnlyList<ArchiveEntry> entries) => AddBatch(entries, null);

    /// <summary>
    /// Stores a batch in one transaction; <paramref name="alsoInTransaction"/> runs inside it before the
    /// commit (the worker marks its jobs done there, so results and job state commit together).
    /// </summary>
    public BatchResult AddBatch(IReadOnlyList<ArchiveEntry> entries, Action<NpgsqlConnection, NpgsqlTransaction>? alsoInTransaction)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_stateLock)
        {
            var committed = false;
            try
            {
                using var connection = _source.OpenConnection();
                using var tx = connection.BeginTransaction();
                using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresSchema.WriterLock})", connection, tx))
                {
                    lockCmd.ExecuteNonQuery();
                }

                CatchUp(connection, tx);
                var version = _version + 1;
                long seq;
                using (var seqCmd = new NpgsqlCommand("SELECT COALESCE(MAX(seq), 0) FROM articles", connection, tx))
                {
                    seq = (long)seqCmd.ExecuteScalar()!;
                }

                var batch = new NpgsqlBatch(connection, tx);
                var now = DateTimeOffset.UtcNow;
                int originals = 0, duplicates = 0, already = 0;
                var added = new List<string>();
                foreach (var entry in entries)
                {
                    var article = entry.Article;
                    if (_knownIds.Contains(article.Id) || added.Contains(article.Id, StringComparer.Ordinal))
                    {
                        already++;
                        continue;
                    }

                    var stored = entry;
                    if (entry is AnalysedEntry analysed && _duplicates.Find(analysed.Fingerprint) is { } match && match.OriginalId != article.Id)
                    {
                        // Another writer stored the same content while this one analysed it: link, do not duplicate.
                        stored = new DuplicateEntry(article, match);
                    }

                    added.Add(article.Id);
                    switch (stored)
                    {
                        case AnalysedEntry a:
                            var assignment = _stories.Assign(StoryFeatures.From(a.Doc, article.PublishedAt ?? now));
                            AddArticle(batch, article, ++seq, version, a.Fingerprint.ExactHash, a.Fingerprint.SignatureBytes(), null, assignment.StoryId, a.Doc.Text);
                            AddAnalysis(batch, article.Id, AnalysisDocument.From(a.Doc, includeTokens: false));
                            AddLayers(batch, a.Doc);
                            _duplicates.Add(article.Id, a.Fingerprint.ExactHash, a.Fingerprint.Signature);
                            originals++;
                            break;
                        case DuplicateEntry d:
                            AddArticle(batch, article, ++seq, version, null, null, d.Match, null, null);
                            AddAnalysis(batch, article.Id, AnalysisDocument.From(new AnalyzedArticle(article), includeTokens: false));
                            duplicates++;
                            break;
                    }
                }

                AddStories(batch, version);
                batch.BatchCommands.Add(Cmd("UPDATE meta SET value = $1 WHERE key = 'version'", version));
                batch.ExecuteNonQuery();
                batch.Dispose();
                alsoInTransaction?.Invoke(connection, tx);
                tx.Commit();
                committed = true;
                _version = version;
                _knownIds.UnionWith(added);
                return new BatchResult(originals, duplicates, already);
            }
            finally
            {
                if (!committed)
                {
                    // The in-memory state took changes that did not commit: rebuild it from the database next time.
                    _version = -1;
                }
            }
        }
    }

    /// <summary>Nothing to do: every batch is durable and searchable when it commits.</summary>
    public void Flush()
    {
    }

    public void Dispose() => _source.Dispose();

    /// <summary>Loads what other writers committed since this writer's version (everything after a reset).</summary>
    private void CatchUp(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        long current;
        using (var cmd = new NpgsqlCommand("SELECT value FROM meta WHERE key = 'version'", connection, tx))
        {
            current = (long)cmd.ExecuteScalar()!;
        }

        if (current == _version)
        {
            return;
        }

        if (_version < 0)
        {
            _knownIds = new HashSet<string>(StringComparer.Ordinal);
            _duplicates = new NearDuplicateIndex(_options.NearDuplicateThreshold);
            _stories = new StoryClusterer(_options.Stories);
        }

        var since = Math.Max(_version, 0);
        if (_version < 0)
        {
            since = -1;
        }

        using (var cmd = new NpgsqlCommand("SELECT id, duplicate_of, exact_hash, signature FROM articles WHERE version > $1 ORDER BY seq", connection, tx))
        {
            cmd.Parameters.AddWithValue(since);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                _knownIds.Add(id);
                if (reader.IsDBNull(1) && !reader.IsDBNull(2) && !reader.IsDBNull(3))
                {
                    _duplicates.Add(id, reader.GetString(2), ContentFingerprint.SignatureFromBytes((byte[])reader[3]));
                }
            }
        }

        using (var cmd = new NpgsqlCommand("SELECT term, df FROM term_df WHERE version > $1", connection, tx))
        {
            cmd.Parameters.AddWithValue(since);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                _stories.RestoreTerm(reader.GetString(0), reader.GetInt32(1));
            }
        }

        using (var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL", connection, tx))
        {
            _stories.RestoreDocumentCount((int)(long)cmd.ExecuteScalar()!);
        }

        using (var cmd = new NpgsqlCommand(
            "SELECT id, headline, representative, representative_score, first_seen, last_seen, size, centroid::text, entities::text, sources::text FROM stories WHERE version > $1", connection, tx))
        {
            cmd.Parameters.AddWithValue(since);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                StoryRows.Restore(_stories, reader);
            }
        }

        // Restoring does not mark anything changed; clear what a failed batch may have left.
        _stories.TakeChangedStories();
        _stories.TakeChangedTerms();
        _version = current;
    }

    private static void AddArticle(NpgsqlBatch batch, Article article, long seq, long version, string? hash, byte[]? signature, DuplicateMatch? copyOf, long? story, string? text)
    {
        var cmd = Cmd(
            "INSERT INTO articles(id, seq, version, source, url, section, headline, published, origin, exact_hash, signature, duplicate_of, duplicate_kind, similarity, story_id, tsv_marsad, tsv_arabic) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, " +
            "CASE WHEN $16::text IS NULL THEN NULL ELSE setweight(to_tsvector('simple', $17), 'A') || setweight(to_tsvector('simple', $16), 'B') END, " +
            "CASE WHEN $16::text IS NULL THEN NULL ELSE setweight(to_tsvector('arabic', coalesce($7, '')), 'A') || setweight(to_tsvector('arabic', $18), 'B') END)",
            article.Id, seq, version, article.Source, article.Url, article.Section, article.Headline, article.PublishedAt?.ToUnixTimeSeconds(), article.Origin,
            hash, signature, copyOf?.OriginalId, copyOf is null ? null : copyOf.Kind == DuplicateKind.Exact ? "exact" : "near", copyOf?.Similarity, story,
            text is null ? null : TsvectorTerms.Document(text), TsvectorTerms.Document(article.Headline), text);
        cmd.Parameters[15].NpgsqlDbType = NpgsqlDbType.Text;
        cmd.Parameters[16].NpgsqlDbType = NpgsqlDbType.Text;
        cmd.Parameters[17].NpgsqlDbType = NpgsqlDbType.Text;
        cmd.Parameters[10].NpgsqlDbType = NpgsqlDbType.Bytea;
        batch.BatchCommands.Add(cmd);
    }

    private static void AddAnalysis(NpgsqlBatch batch, string id, AnalysisDocument doc)
    {
        var cmd = Cmd("INSERT INTO analyses(article_id, doc) VALUES ($1, $2)", id, JsonSerializer.Serialize(doc, Compact.AnalysisDocument));
        cmd.Parameters[1].NpgsqlDbType = NpgsqlDbType.Jsonb;
        batch.BatchCommands.Add(cmd);
    }

    private static void AddLayers(NpgsqlBatch batch, AnalyzedArticle doc)
    {
        var id = doc.Article.Id;
        foreach (var e in doc.Entities)
        {
            batch.BatchCommands.Add(Cmd("INSERT INTO entities(key, type, name, english, wikidata) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING", e.Key, e.Type, e.CanonicalName, e.EnglishName, e.WikidataId));
            batch.BatchCommands.Add(Cmd("INSERT INTO article_entities(entity_key, article_id, mentions) VALUES ($1, $2, $3) ON CONFLICT (entity_key, article_id) DO UPDATE SET mentions = EXCLUDED.mentions", e.Key, id, Math.Max(1, e.MentionCount)));
        }

        foreach (var m in doc.Mentions)
        {
            batch.BatchCommands.Add(Cmd("INSERT INTO mentions(article_id, start_offset, end_offset, type, text, entity_key) VALUES ($1, $2, $3, $4, $5, $6)", id, m.Start, m.End, m.Type, m.Text, m.EntityKey));
        }

        for (var i = 0; i < doc.Quotes.Count; i++)
        {
            var q = doc.Quotes[i];
            batch.BatchCommands.Add(Cmd(
                "INSERT INTO quotes(article_id, idx, speaker, speaker_key, role, cue, kind, content, start_offset, end_offset) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                id, i, q.Speaker, q.SpeakerEntityKey, q.Role, q.Cue, q.Kind, q.Content ?? doc.Slice(q.ContentStart, q.ContentEnd), q.ContentStart, q.ContentEnd));
        }

        foreach (var t in doc.TimeExpressions)
        {
            batch.BatchCommands.Add(Cmd("INSERT INTO times(article_id, start_offset, end_offset, text, type, value) VALUES ($1, $2, $3, $4, $5, $6)", id, t.Start, t.End, t.Text, t.Type, t.Value));
        }
    }

    private void AddStories(NpgsqlBatch batch, long version)
    {
        foreach (var s in _stories.TakeChangedStories())
        {
            var centroid = s.Centroid;
            var cmd = Cmd(
                "INSERT INTO stories(id, version, headline, representative, representative_score, first_seen, last_seen, size, centroid, entities, sources) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) " +
                "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, headline = EXCLUDED.headline, representative = EXCLUDED.representative, representative_score = EXCLUDED.representative_score, " +
                "first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen, size = EXCLUDED.size, centroid = EXCLUDED.centroid, entities = EXCLUDED.entities, sources = EXCLUDED.sources",
                s.Id, version, s.Headline, s.RepresentativeId, s.RepresentativeScore, s.FirstSeen.ToUnixTimeSeconds(), s.LastSeen.ToUnixTimeSeconds(), s.Size,
                JsonSerializer.Serialize(new StoredCentroid(centroid.Select(c => c.Term).ToList(), centroid.Select(c => c.Weight).ToList()), StorageJsonContext.Default.StoredCentroid),
                JsonSerializer.Serialize(s.EntityCounts, StorageJsonContext.Default.DictionaryStringInt32),
                JsonSerializer.Serialize(s.Sources.Order(StringComparer.Ordinal).ToList(), StorageJsonContext.Default.ListString));
            cmd.Parameters[8].NpgsqlDbType = NpgsqlDbType.Jsonb;
            cmd.Parameters[9].NpgsqlDbType = NpgsqlDbType.Jsonb;
            cmd.Parameters[10].NpgsqlDbType = NpgsqlDbType.Jsonb;
            batch.BatchCommands.Add(cmd);
        }

        var terms = _stories.TakeChangedTerms();
        if (terms.Count > 0)
        {
            var cmd = Cmd(
                "INSERT INTO term_df(term, df, version) SELECT t, d, $3 FROM unnest($1::text[], $2::int[]) AS u(t, d) ON CONFLICT (term) DO UPDATE SET df = EXCLUDED.df, version = EXCLUDED.version",
                terms.Select(t => t.Term).ToArray(), terms.Select(t => t.Df).ToArray(), version);
            batch.BatchCommands.Add(cmd);
        }
    }

    internal static NpgsqlBatchCommand Cmd(string sql, params object?[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return cmd;
    }

    internal static string FormatTime(long unixSeconds) => StoryRows.FormatTime(unixSeconds);

    internal static AnalysisDocument ParseAnalysis(string json) =>
        JsonSerializer.Deserialize(json, Compact.AnalysisDocument) ?? throw new MarsadException(ErrorCodes.Storage, "a stored analysis is empty");

    private static string Redact(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Password is not null)
        {
            builder.Password = "***";
        }

        return builder.ConnectionString;
    }
}
