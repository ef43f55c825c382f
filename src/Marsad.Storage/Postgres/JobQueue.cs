using System.Text.Json;
using Marsad.Json;
using Marsad.Model;
using Npgsql;
using NpgsqlTypes;

namespace Marsad.Storage.Postgres;

/// <summary>One claimed job: the raw article a reader produced.</summary>
public sealed record ClaimedJob(long Id, Article Article, int Attempts);

/// <summary>Counts of the queue by state.</summary>
public sealed record QueueCounts(long Queued, long Running, long Done, long Failed);

/// <summary>
/// The job queue in PostgreSQL: one job per raw article, keyed by the article id so that enqueuing the
/// same input twice adds nothing. Workers claim with <c>FOR UPDATE SKIP LOCKED</c> and a lease: a job
/// whose worker died (its lease expired) is claimed again by another. A job is marked done in the
/// transaction that stores its result (see <see cref="PostgresArchive.AddBatch(IReadOnlyList{ArchiveEntry}, Action{NpgsqlConnection, NpgsqlTransaction}?)"/>).
/// </summary>
public sealed class JobQueue(PostgresArchive archive)
{
    /// <summary>After this many claims a job is marked failed instead of being retried forever.</summary>
    public const int MaxAttempts = 5;

    private static readonly JsonSerializerOptions CompactJson = new(MarsadJsonContext.Default.Options) { WriteIndented = false };
    private static readonly MarsadJsonContext Compact = new(CompactJson);

    /// <summary>Enqueues articles; returns how many were new (the others were already queued or done).</summary>
    public int Enqueue(IReadOnlyList<Article> articles)
    {
        if (articles.Count == 0)
        {
            return 0;
        }

        using var connection = archive.Source.OpenConnection();
        using var cmd = new NpgsqlCommand(
            "INSERT INTO jobs(key, payload) SELECT k, p FROM unnest($1::text[], $2::jsonb[]) WITH ORDINALITY AS u(k, p, n) ORDER BY n ON CONFLICT (key) DO NOTHING",
            connection);
        // A batch may repeat an id: keep the first.
        var distinct = articles.DistinctBy(a => a.Id, StringComparer.Ordinal).ToList();
        cmd.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(a => a.Id).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = distinct.Select(a => JsonSerializer.Serialize(a, Compact.Article)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Claims up to <paramref name="count"/> open jobs (queued, or running with an expired lease).</summary>
    public IReadOnlyList<ClaimedJob> Claim(string worker, int count, TimeSpan lease)
    {
        using var connection = archive.Source.OpenConnection();
        using var tx = connection.BeginTransaction();
        var jobs = new List<ClaimedJob>();
        using (var cmd = new NpgsqlCommand(
            "UPDATE jobs j SET status = 'running', worker = $1, lease_until = now() + $2, attempts = j.attempts + 1 " +
            "FROM (SELECT id FROM jobs WHERE status = 'queued' OR (status = 'running' AND lease_until < now()) ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) c " +
            "WHERE j.id = c.id RETURNING j.id, j.payload::text, j.attempts",
            connection,
            tx))
        {
            cmd.Parameters.AddWithValue(worker);
            cmd.Parameters.AddWithValue(lease);
            cmd.Parameters.AddWithValue(count);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var article = JsonSerializer.Deserialize(reader.GetString(1), Compact.Article)!;
                jobs.Add(new ClaimedJob(reader.GetInt64(0), article, reader.GetInt32(2)));
            }
        }

        if (jobs.Count > 0)
        {
            using var log = new NpgsqlCommand("INSERT INTO job_log(job_id, worker, outcome) SELECT unnest($1::bigint[]), $2, 'claimed'", connection, tx);
            log.Parameters.AddWithValue(jobs.Select(j => j.Id).ToArray());
            log.Parameters.AddWithValue(worker);
            log.ExecuteNonQuery();
        }

        tx.Commit();
        return jobs.OrderBy(j => j.Id).ToList();
    }

    /// <summary>Marks jobs done inside the transaction that stored their results.</summary>
    public static void MarkDone(NpgsqlConnection connection, NpgsqlTransaction tx, string worker, IEnumerable<long> ids, string outcome = "done")
    {
        var array = ids.ToArray();
        if (array.Length == 0)
        {
            return;
        }

        using (var cmd = new NpgsqlCommand("UPDATE jobs SET status = 'done', finished = now(), lease_until = NULL, worker = $2 WHERE id = ANY($1) AND status <> 'done'", connection, tx))
        {
            cmd.Parameters.AddWithValue(array);
            cmd.Parameters.AddWithValue(worker);
            cmd.ExecuteNonQuery();
        }

        using var log = new NpgsqlCommand("INSERT INTO job_log(job_id, worker, outcome) SELECT unnest($1::bigint[]), $2, $3", connection, tx);
        log.Parameters.AddWithValue(array);
        log.Parameters.AddWithValue(worker);
        log.Parameters.AddWithValue(outcome);
        log.ExecuteNonQuery();
    }

    /// <summary>Marks a job failed (analysis error, or too many attempts), with the reason.</summary>
    public void MarkFailed(string worker, long id, string error)
    {
        using var connection = archive.Source.OpenConnection();
        using var cmd = new NpgsqlCommand("UPDATE jobs SET status = 'failed', finished = now(), lease_until = NULL, worker = $2, error = $3 WHERE id = $1 AND status <> 'done'", connection);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(worker);
        cmd.Parameters.AddWithValue(error);
        cmd.ExecuteNonQuery();
    }

    public QueueCounts Counts()
    {
        using var connection = archive.Source.OpenConnection();
        using var cmd = new NpgsqlCommand(
            "SELECT COUNT(*) FILTER (WHERE status = 'queued'), COUNT(*) FILTER (WHERE status = 'running'), COUNT(*) FILTER (WHERE status = 'done'), COUNT(*) FILTER (WHERE status = 'failed') FROM jobs",
            connection);
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return new QueueCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
