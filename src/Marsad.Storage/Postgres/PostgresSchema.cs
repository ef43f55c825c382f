using Npgsql;

namespace Marsad.Storage.Postgres;

/// <summary>
/// Numbered migration scripts, applied in order at start inside one transaction under an advisory
/// lock (so workers starting together migrate once); <c>schema_migrations</c> records what ran.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock every writer takes for the length of its write transaction (dedup and stories are global state).</summary>
    public const long WriterLock = 0x4D61727361640001;

    private const long MigrationLock = 0x4D61727361640002;

    public static readonly IReadOnlyList<(int Version, string Name, string Sql)> Migrations =
    [
        (1, "archive", """
            CREATE TABLE meta(key text PRIMARY KEY, value bigint NOT NULL);
            INSERT INTO meta(key, value) VALUES ('version', 0);
            CREATE TABLE articles(
                id text PRIMARY KEY,
                seq bigint NOT NULL UNIQUE,
                version bigint NOT NULL,
                source text, url text, section text, headline text,
                published bigint,
                origin text,
                exact_hash text,
                signature bytea,
                duplicate_of text,
                duplicate_kind text,
                similarity double precision,
                story_id bigint,
                added timestamptz NOT NULL DEFAULT now(),
                tsv_marsad tsvector,
                tsv_arabic tsvector);
            CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
            CREATE INDEX articles_story ON articles(story_id);
            CREATE INDEX articles_published ON articles(published);
            CREATE INDEX articles_version ON articles(version);
            CREATE INDEX articles_tsv_marsad ON articles USING gin(tsv_marsad);
            CREATE INDEX articles_tsv_arabic ON articles USING gin(tsv_arabic);
            CREATE TABLE analyses(article_id text PRIMARY KEY REFERENCES articles(id), doc jsonb NOT NULL);
            CREATE TABLE entities(key text PRIMARY KEY, type text, name text, english text, wikidata text);
            CREATE TABLE article_entities(entity_key text NOT NULL, article_id text NOT NULL REFERENCES articles(id), mentions int NOT NULL, PRIMARY KEY(entity_key, article_id));
            CREATE INDEX article_entities_article ON article_entities(article_id);
            CREATE TABLE mentions(article_id text NOT NULL REFERENCES articles(id), start_offset int NOT NULL, end_offset int NOT NULL, type text, text text, entity_key text);
            CREATE INDEX mentions_article ON mentions(article_id);
            CREATE TABLE quotes(article_id text NOT NULL REFERENCES articles(id), idx int NOT NULL, speaker text, speaker_key text, role text, cue text, kind text, content text, start_offset int, end_offset int);
            CREATE INDEX quotes_article ON quotes(article_id);
            CREATE INDEX quotes_speaker ON quotes(speaker_key);
            CREATE TABLE times(article_id text NOT NULL REFERENCES articles(id), start_offset int NOT NULL, end_offset int NOT NULL, text text, type text, value text);
            CREATE INDEX times_article ON times(article_id);
            CREATE TABLE stories(
                id bigint PRIMARY KEY,
                version bigint NOT NULL,
                headline text, representative text, representative_score double precision,
                first_seen bigint NOT NULL, last_seen bigint NOT NULL, size int NOT NULL,
                centroid jsonb NOT NULL, entities jsonb NOT NULL, sources jsonb NOT NULL);
            CREATE INDEX stories_version ON stories(version);
            CREATE TABLE term_df(term text PRIMARY KEY, df int NOT NULL, version bigint NOT NULL);
            CREATE INDEX term_df_version ON term_df(version);
            """),
        (2, "job queue", """
            CREATE TABLE jobs(
                id bigserial PRIMARY KEY,
                key text NOT NULL UNIQUE,
                payload jsonb NOT NULL,
                status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
                lease_until timestamptz,
                worker text,
                attempts int NOT NULL DEFAULT 0,
                error text,
                enqueued timestamptz NOT NULL DEFAULT now(),
                finished timestamptz);
            CREATE INDEX jobs_open ON jobs(id) WHERE status IN ('queued', 'running');
            CREATE TABLE job_log(job_id bigint NOT NULL, worker text NOT NULL, outcome text NOT NULL, at timestamptz NOT NULL DEFAULT now());
            """),
    ];

    /// <summary>Applies the migrations the database lacks.</summary>
    public static void Migrate(NpgsqlConnection connection)
    {
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        Execute(connection, tx, "CREATE TABLE IF NOT EXISTS schema_migrations(version int PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())");
        var applied = new HashSet<int>();
        using (var cmd = new NpgsqlCommand("SELECT version FROM schema_migrations", connection, tx))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var (version, name, sql) in Migrations)
        {
            if (applied.Contains(version))
            {
                continue;
            }

            Execute(connection, tx, sql);
            using var record = new NpgsqlCommand("INSERT INTO schema_migrations(version, name) VALUES ($1, $2)", connection, tx);
            record.Parameters.AddWithValue(version);
            record.Parameters.AddWithValue(name);
            record.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.ExecuteNonQuery();
    }
}
