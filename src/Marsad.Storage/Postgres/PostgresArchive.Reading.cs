using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Marsad.Storage.Postgres;

/// <summary>Which tsvector a search ranks on.</summary>
public enum PostgresTextSearch
{
    /// <summary>Marsad's analyzer terms through the 'simple' configuration (the default).</summary>
    Marsad,

    /// <summary>PostgreSQL's built-in 'arabic' configuration (Snowball stemmer), for comparison.</summary>
    Arabic,
}

/// <summary>The read side: search, articles, stories, entity pages, quotes, statistics.</summary>
public sealed partial class PostgresArchive
{
    public StoredArticle? GetArticle(string articleId)
    {
        using var connection = _source.OpenConnection();
        return GetArticle(connection, articleId);
    }

    private static StoredArticle? GetArticle(NpgsqlConnection connection, string articleId)
    {
        using var cmd = new NpgsqlCommand(
            "SELECT an.doc::text, a.duplicate_of, a.duplicate_kind, COALESCE(a.story_id, o.story_id) FROM articles a JOIN analyses an ON an.article_id = a.id " +
            "LEFT JOIN articles o ON o.id = a.duplicate_of WHERE a.id = $1",
            connection);
        cmd.Parameters.AddWithValue(articleId);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredArticle(ParseAnalysis(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
    }

    public SearchResults Search(SearchQuery query) => Search(query, PostgresTextSearch.Marsad);

    /// <summary>Ranked full-text search (ts_rank over headline A / body B) with the archive's filters.</summary>
    public SearchResults Search(SearchQuery query, PostgresTextSearch mode)
    {
        ArgumentNullException.ThrowIfNull(query);
        var watch = Stopwatch.StartNew();
        var where = new StringBuilder("a.duplicate_of IS NULL");
        var parameters = new List<object?>();
        string P(object? value)
        {
            parameters.Add(value);
            return "$" + parameters.Count;
        }

        string? tsquery;
        if (mode == PostgresTextSearch.Marsad)
        {
            tsquery = TsvectorTerms.Query(query.Text);
            if (tsquery is not null)
            {
                tsquery = $"to_tsquery('simple', {P(tsquery)})";
            }
        }
        else
        {
            // OR the words, as the Marsad side does, so the two differ only in analysis.
            tsquery = string.IsNullOrWhiteSpace(query.Text) ? null : $"replace(plainto_tsquery('arabic', {P(query.Text.Replace("\"", " ", StringComparison.Ordinal))})::text, '&', '|')::tsquery";
        }

        var column = mode == PostgresTextSearch.Marsad ? "a.tsv_marsad" : "a.tsv_arabic";
        if (tsquery is not null)
        {
            where.Append($" AND {column} @@ q.query");
        }
        else
        {
            where.Append($" AND {column} IS NOT NULL");
        }

        if (!string.IsNullOrEmpty(query.Source)) where.Append($" AND lower(a.source) = lower({P(query.Source)})");
        if (!string.IsNullOrEmpty(query.Section)) where.Append($" AND lower(a.section) = lower({P(query.Section)})");
        if (query.From is { } from) where.Append($" AND a.published >= {P(from.ToUnixTimeSeconds())}");
        if (query.To is { } to) where.Append($" AND a.published <= {P(to.ToUnixTimeSeconds())}");
        if (!string.IsNullOrEmpty(query.EntityKey)) where.Append($" AND EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id AND ae.entity_key = {P(query.EntityKey)})");

        var rank = tsquery is null ? "0::real" : $"ts_rank({column}, q.query)";
        var from_ = tsquery is null ? "articles a, (SELECT NULL::tsquery AS query) q" : $"articles a, (SELECT {tsquery} AS query) q";
        var sql =
            $"SELECT a.id, {rank} AS score, a.headline, a.source, a.section, a.published, a.url, COUNT(*) OVER () FROM {from_} WHERE {where} " +
            $"ORDER BY score DESC, a.published DESC NULLS LAST, a.seq LIMIT {P(Math.Max(1, query.Limit))}";

        using var connection = _source.OpenConnection();
        var rows = new List<(string Id, double Score, string? Headline, string? Source, string? Section, long? Published, string? Url)>();
        var total = 0;
        using (var cmd = new NpgsqlCommand(sql, connection))
        {
            foreach (var value in parameters)
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetFloat(1), Str(reader, 2), Str(reader, 3), Str(reader, 4), reader.IsDBNull(5) ? null : reader.GetInt64(5), Str(reader, 6)));
                total = (int)reader.GetInt64(7);
            }
        }

        var hits = rows.Select(r => new SearchHit(
            r.Id,
            Math.Round(r.Score, 6),
            r.Headline,
            r.Source,
            r.Section,
            r.Published is { } p ? FormatTime(p) : null,
            r.Url,
            query.Highlights && tsquery is not null ? TsvectorTerms.Highlights(GetArticle(connection, r.Id)?.Analysis.Text, query.Text) : [])).ToList();
        return new SearchResults(total, hits, Math.Round(watch.Elapsed.TotalMilliseconds, 2));
    }

    public StoryPage Stories(StoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = _source.OpenConnection();
        var newest = Scalar<long?>(connection, "SELECT MAX(published) FROM articles") ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var recentStart = newest - (long)query.Window.TotalSeconds;
        var recent = Counts(connection,
            "SELECT story, COUNT(*) FROM (SELECT a.story_id AS story FROM articles a WHERE a.story_id IS NOT NULL AND a.published >= $1 " +
            "UNION ALL SELECT o.story_id FROM articles c JOIN articles o ON o.id = c.duplicate_of WHERE c.published >= $1 AND o.story_id IS NOT NULL) s GROUP BY story",
            recentStart);
        var copies = Counts(connection, "SELECT o.story_id, COUNT(*) FROM articles c JOIN articles o ON o.id = c.duplicate_of WHERE o.story_id IS NOT NULL GROUP BY o.story_id");

        var rows = new List<StoryRow>();
        using (var cmd = new NpgsqlCommand("SELECT id, headline, representative, size, first_seen, last_seen, entities::text, sources::text FROM stories WHERE last_seen >= $1 AND ($2::bigint IS NULL OR id = $2)", connection))
        {
            cmd.Parameters.AddWithValue(query.Since?.ToUnixTimeSeconds() ?? long.MinValue);
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)query.StoryId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(new StoryRow(reader.GetInt64(0), Str(reader, 1), Str(reader, 2), reader.GetInt32(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetString(6), reader.GetString(7)));
            }
        }

        var (total, page) = StoryRows.Rank(rows, recent, copies, query);
        var result = new List<StorySummary>();
        foreach (var r in page)
        {
            var members = new List<string>();
            using (var cmd = new NpgsqlCommand("SELECT id FROM (SELECT id, seq FROM articles WHERE story_id = $1 UNION ALL SELECT c.id, c.seq FROM articles c JOIN articles o ON o.id = c.duplicate_of WHERE o.story_id = $1) m ORDER BY seq", connection))
            {
                cmd.Parameters.AddWithValue(r.Id);
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    members.Add(reader.GetString(0));
                }
            }

            result.Add(StoryRows.Summary(r, recent, copies, query, members));
        }

        return new StoryPage(total, result);
    }

    public StorySummary? Story(long storyId) =>
        Stories(new StoryQuery { StoryId = storyId, MinSize = 1, Limit = 1 }).Items.FirstOrDefault();

    public EntityProfile? Entity(string key)
    {
        using var connection = _source.OpenConnection();
        string? type, name;
        using (var cmd = new NpgsqlCommand("SELECT key, type, name FROM entities WHERE key = $1 OR name = $1 ORDER BY key = $1 DESC LIMIT 1", connection))
        {
            cmd.Parameters.AddWithValue(key);
            using var reader = cmd.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            key = reader.GetString(0);
            type = Str(reader, 1);
            name = Str(reader, 2);
        }

        var days = new List<EntityDay>();
        int articles = 0, mentions = 0;
        using (var cmd = new NpgsqlCommand(
            "SELECT COALESCE(to_char(to_timestamp(a.published) AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 'undated') AS day, COUNT(*), SUM(ae.mentions) FROM article_entities ae JOIN articles a ON a.id = ae.article_id " +
            "WHERE ae.entity_key = $1 GROUP BY 1 ORDER BY 1",
            connection))
        {
            cmd.Parameters.AddWithValue(key);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var day = new EntityDay(reader.GetString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
                days.Add(day);
                articles += day.Articles;
                mentions += day.Mentions;
            }
        }

        var co = new List<CoOccurrence>();
        using (var cmd = new NpgsqlCommand(
            "SELECT b.entity_key, e.name, COUNT(*) FROM article_entities a JOIN article_entities b ON b.article_id = a.article_id AND b.entity_key <> a.entity_key " +
            "LEFT JOIN entities e ON e.key = b.entity_key WHERE a.entity_key = $1 GROUP BY b.entity_key, e.name ORDER BY 3 DESC, 1 LIMIT 20",
            connection))
        {
            cmd.Parameters.AddWithValue(key);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                co.Add(new CoOccurrence(reader.GetString(0), Str(reader, 1), (int)reader.GetInt64(2)));
            }
        }

        return new EntityProfile(key, type, name, articles, mentions, days, co, QuotesBySpeaker(key, 50));
    }

    public IReadOnlyList<StoredQuote> QuotesBySpeaker(string speakerKey, int limit = 100)
    {
        using var connection = _source.OpenConnection();
        var quotes = new List<StoredQuote>();
        using var cmd = new NpgsqlCommand(
            "SELECT q.article_id, a.headline, a.published, q.speaker, q.speaker_key, q.role, q.cue, q.kind, q.content FROM quotes q JOIN articles a ON a.id = q.article_id " +
            "WHERE q.speaker_key = $1 OR (q.speaker_key IS NULL AND q.speaker = $1) ORDER BY a.published DESC NULLS LAST, q.article_id, q.idx LIMIT $2",
            connection);
        cmd.Parameters.AddWithValue(speakerKey);
        cmd.Parameters.AddWithValue(limit);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            quotes.Add(new StoredQuote(
                reader.GetString(0),
                Str(reader, 1),
                reader.IsDBNull(2) ? null : FormatTime(reader.GetInt64(2)),
                Str(reader, 3),
                Str(reader, 4),
                Str(reader, 5),
                Str(reader, 6),
                reader.IsDBNull(7) ? "direct" : reader.GetString(7),
                Str(reader, 8)));
        }

        return quotes;
    }

    public ArchiveStats Stats()
    {
        using var connection = _source.OpenConnection();
        var articles = (int)(Scalar<long?>(connection, "SELECT COUNT(*) FROM articles") ?? 0);
        var duplicates = (int)(Scalar<long?>(connection, "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL") ?? 0);
        var indexed = (int)(Scalar<long?>(connection, "SELECT COUNT(*) FROM articles WHERE tsv_marsad IS NOT NULL") ?? 0);
        var stories = (int)(Scalar<long?>(connection, "SELECT COUNT(*) FROM stories") ?? 0);
        var entities = (int)(Scalar<long?>(connection, "SELECT COUNT(*) FROM entities") ?? 0);
        var dbBytes = Scalar<long?>(connection, "SELECT pg_database_size(current_database())") ?? 0;
        var indexBytes = Scalar<long?>(connection, "SELECT pg_relation_size('articles_tsv_marsad') + pg_relation_size('articles_tsv_arabic')") ?? 0;
        return new ArchiveStats(articles, articles - duplicates, duplicates, indexed, indexed, stories, entities, dbBytes, indexBytes);
    }

    public ArticlePage Articles(ArticleListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder("a.duplicate_of IS NULL");
        var parameters = new List<object?>();
        string P(object? value)
        {
            parameters.Add(value);
            return "$" + parameters.Count;
        }

        if (!string.IsNullOrEmpty(query.Source)) where.Append($" AND lower(a.source) = lower({P(query.Source)})");
        if (!string.IsNullOrEmpty(query.Section)) where.Append($" AND lower(a.section) = lower({P(query.Section)})");
        if (query.From is { } from) where.Append($" AND a.published >= {P(from.ToUnixTimeSeconds())}");
        if (query.To is { } to) where.Append($" AND a.published <= {P(to.ToUnixTimeSeconds())}");
        if (!string.IsNullOrEmpty(query.EntityKey)) where.Append($" AND EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id AND ae.entity_key = {P(query.EntityKey)})");
        if (!string.IsNullOrEmpty(query.Topic)) where.Append($" AND lower(an.doc->'topics'->0->>'label') = lower({P(query.Topic)})");

        using var connection = _source.OpenConnection();
        var ids = new List<string>();
        var total = 0;
        using (var cmd = new NpgsqlCommand(
            $"SELECT a.id, COUNT(*) OVER () FROM articles a JOIN analyses an ON an.article_id = a.id WHERE {where} ORDER BY a.published DESC NULLS LAST, a.seq DESC OFFSET {P(Math.Max(0, query.Offset))} LIMIT {P(Math.Max(0, query.Limit))}",
            connection))
        {
            foreach (var value in parameters)
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
                total = (int)reader.GetInt64(1);
            }
        }

        if (ids.Count == 0 && query.Offset > 0)
        {
            // The window count is empty past the end: count separately.
            using var cmd = new NpgsqlCommand($"SELECT COUNT(*) FROM articles a JOIN analyses an ON an.article_id = a.id WHERE {where}", connection);
            foreach (var value in parameters.Take(parameters.Count - 2))
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            total = (int)(long)cmd.ExecuteScalar()!;
        }

        return new ArticlePage(total, ids.Select(id => GetArticle(connection, id)).OfType<StoredArticle>().ToList());
    }

    /// <summary>Every stored original's analysis, in the order they were added (evaluation).</summary>
    public IEnumerable<Json.AnalysisDocument> Originals()
    {
        using var connection = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT an.doc::text FROM articles a JOIN analyses an ON an.article_id = a.id WHERE a.duplicate_of IS NULL ORDER BY a.seq", connection);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            yield return ParseAnalysis(reader.GetString(0));
        }
    }

    /// <summary>How many times each article id is stored (always once; the tests check it).</summary>
    public Dictionary<string, int> ArticleCounts()
    {
        using var connection = _source.OpenConnection();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var cmd = new NpgsqlCommand("SELECT a.id, (SELECT COUNT(*) FROM analyses an WHERE an.article_id = a.id) FROM articles a", connection);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    private static string? Str(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static T? Scalar<T>(NpgsqlConnection connection, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection);
        var value = cmd.ExecuteScalar();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<long, int> Counts(NpgsqlConnection connection, string sql, params object[] values)
    {
        var counts = new Dictionary<long, int>();
        using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            cmd.Parameters.AddWithValue(value);
        }

        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetInt64(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }
}
