using System.Diagnostics;
using System.Net.Sockets;
using Marsad.Duplicates;
using Marsad.Errors;
using Marsad.Pipeline;
using Npgsql;

namespace Marsad.Storage.Postgres;

/// <summary>How a worker runs.</summary>
public sealed record WorkerOptions
{
    /// <summary>A name for the job log (default host:pid).</summary>
    public string Name { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Jobs claimed, analysed and stored together.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>How long a claim holds; a job whose worker died is claimed again after it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Stop when no job is queued or running (otherwise wait for more).</summary>
    public bool ExitWhenIdle { get; init; }

    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>What a worker did.</summary>
public sealed record WorkerSummary(string Worker, int Jobs, int Originals, int Duplicates, int AlreadyStored, int Failed, int Reconnects, double Seconds)
{
    public double ArticlesPerSecond => Seconds > 0 ? Jobs / Seconds : 0;
}

/// <summary>
/// A stateless worker: claims jobs, skips copies (duplicate index caught up from the database),
/// analyses the rest with the pipeline, and stores the results and marks the jobs done in one
/// transaction. When PostgreSQL goes away it waits and reconnects; its claimed jobs are not lost, since
/// they are only done once stored, and another worker takes them after the lease if this one dies.
/// </summary>
public sealed class PostgresWorker(PostgresArchive archive, AnalysisPipeline pipeline, WorkerOptions options)
{
    private readonly JobQueue _queue = new(archive);

    public async Task<WorkerSummary> RunAsync(Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        int jobs = 0, originals = 0, duplicates = 0, already = 0, failed = 0, reconnects = 0;
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var claimed = _queue.Claim(options.Name, options.BatchSize, options.Lease);
                if (claimed.Count == 0)
                {
                    var counts = _queue.Counts();
                    if (options.ExitWhenIdle && counts.Queued == 0 && counts.Running == 0)
                    {
                        break;
                    }

                    await Task.Delay(options.IdlePoll, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                archive.Refresh();
                var entries = new List<ArchiveEntry>(claimed.Count);
                var done = new List<long>(claimed.Count);
                foreach (var job in claimed)
                {
                    if (job.Attempts > JobQueue.MaxAttempts)
                    {
                        _queue.MarkFailed(options.Name, job.Id, $"gave up after {JobQueue.MaxAttempts} attempts");
                        failed++;
                        continue;
                    }

                    var fingerprint = ContentFingerprint.Of(job.Article);
                    if (archive.FindDuplicate(fingerprint) is { } match && match.OriginalId != job.Article.Id)
                    {
                        entries.Add(new DuplicateEntry(job.Article, match));
                        done.Add(job.Id);
                        continue;
                    }

                    try
                    {
                        var doc = pipeline.Analyze(job.Article);
                        entries.Add(new AnalysedEntry(doc, fingerprint));
                        done.Add(job.Id);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        _queue.MarkFailed(options.Name, job.Id, $"{ErrorCodes.AnalysisFailed}: {e.GetType().Name}: {e.Message}");
                        failed++;
                    }
                }

                var result = archive.AddBatch(entries, (connection, tx) => JobQueue.MarkDone(connection, tx, options.Name, done));
                jobs += done.Count;
                originals += result.Originals;
                duplicates += result.Duplicates;
                already += result.AlreadyStored;
                backoff = TimeSpan.FromMilliseconds(250);
            }
            catch (Exception e) when (IsConnectionLoss(e))
            {
                // PostgreSQL restarted or the network dropped: forget pooled connections, wait, retry.
                // Claimed jobs stay claimed until their lease ends; nothing of them was stored.
                reconnects++;
                log?.Invoke($"worker {options.Name}: database unavailable ({e.GetType().Name}: {e.Message}); retrying in {backoff.TotalSeconds:0.0} s");
                archive.ResetConnections();
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromMilliseconds(Math.Min(5000, backoff.TotalMilliseconds * 2));
            }
        }

        return new WorkerSummary(options.Name, jobs, originals, duplicates, already, failed, reconnects, watch.Elapsed.TotalSeconds);
    }

    private static bool IsConnectionLoss(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState == "53300",
        NpgsqlException => true,
        SocketException or IOException or TimeoutException => true,
        MarsadException { InnerException: { } inner } => IsConnectionLoss(inner),
        _ => false,
    };
}
