using System.Diagnostics;
using Marsad.Storage.Postgres;
using Marsad.Storage.Tests.Fixtures;

namespace Marsad.Storage.Tests.Postgres;

/// <summary>
/// Server mode on a real PostgreSQL: `marsad ingest --db` enqueues, `marsad worker` processes (real
/// child processes of the built CLI) claim, analyse and store. Whatever happens to workers or to the
/// server, every enqueued article ends up stored exactly once and every job done.
/// </summary>
[Collection("postgres")]
public sealed class ServerModeTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(3);

    [SkippableFact]
    public void Three_workers_process_every_article_exactly_once()
    {
        using var db = TestDatabase.Create();
        using var temp = new TempFolder();
        var corpus = new NewsGenerator(11).WriteFolder(temp.Sub("in"), files: 3, perFile: 100);
        Assert.Equal(1, Cli.Run(Generous, "ingest", "--db", db.ConnectionString, temp.Sub("in"))); // malformed lines are rejected: exit 1
        Assert.Equal(corpus.DistinctArticles, db.Scalar("SELECT COUNT(*) FROM jobs"));

        var workers = Enumerable.Range(0, 3).Select(i => Cli.Start("worker", "--db", db.ConnectionString, "--exit-when-idle", "--batch-size", "4", "--name", $"w{i}")).ToList();
        foreach (var worker in workers)
        {
            Assert.True(worker.WaitForExit(Generous), "a worker did not finish");
            Assert.Equal(0, worker.ExitCode);
            worker.Dispose();
        }

        AssertEveryArticleStoredOnce(db, corpus.DistinctArticles);
        // No crash: each job was claimed once and done once, and the work was shared.
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM (SELECT job_id FROM job_log WHERE outcome = 'done' GROUP BY job_id HAVING COUNT(*) <> 1) x"));
        Assert.Equal(corpus.DistinctArticles, db.Scalar("SELECT COUNT(*) FROM job_log WHERE outcome = 'claimed'"));
        Assert.True(db.Scalar("SELECT COUNT(DISTINCT worker) FROM job_log WHERE outcome = 'done'") >= 2, "the work was not shared between workers");
        Assert.Equal(corpus.ExactCopies + corpus.NearCopies, db.Scalar("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"));

        // Enqueuing the same inputs again adds nothing.
        Cli.Run(Generous, "ingest", "--db", db.ConnectionString, temp.Sub("in"));
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM jobs WHERE status <> 'done'"));
    }

    [SkippableFact]
    public void A_worker_killed_mid_job_loses_and_duplicates_nothing()
    {
        using var db = TestDatabase.Create();
        using var temp = new TempFolder();
        var corpus = new NewsGenerator(12).WriteFolder(temp.Sub("in"), files: 2, perFile: 60);
        Cli.Run(Generous, "ingest", "--db", db.ConnectionString, temp.Sub("in"));

        // A short lease so that the survivor takes the dead worker's jobs over quickly.
        using var victim = Cli.Start("worker", "--db", db.ConnectionString, "--batch-size", "8", "--lease", "4", "--name", "victim");
        WaitUntil(() => db.Scalar("SELECT COUNT(*) FROM jobs WHERE status = 'running' AND worker = 'victim'") > 0 && db.Scalar("SELECT COUNT(*) FROM jobs WHERE status = 'done'") > 0);
        victim.Kill(); // SIGKILL: no cleanup, its claimed jobs stay 'running' until the lease ends
        victim.WaitForExit();
        var orphaned = db.Scalar("SELECT COUNT(*) FROM jobs WHERE status = 'running' AND worker = 'victim'");

        using var survivor = Cli.Start("worker", "--db", db.ConnectionString, "--exit-when-idle", "--lease", "4", "--name", "survivor");
        Assert.True(survivor.WaitForExit(Generous), "the surviving worker did not finish");
        Assert.Equal(0, survivor.ExitCode);

        AssertEveryArticleStoredOnce(db, corpus.DistinctArticles);
        Assert.True(orphaned > 0, "the victim held no job when it was killed");
        // Jobs the victim held when it died were claimed again by the survivor.
        Assert.True(db.Scalar("SELECT COUNT(*) FROM job_log l WHERE l.worker = 'survivor' AND l.outcome = 'claimed' AND EXISTS (SELECT 1 FROM job_log v WHERE v.job_id = l.job_id AND v.worker = 'victim' AND v.outcome = 'claimed')") > 0);
    }

    [SkippableFact]
    public void Workers_reconnect_and_finish_when_PostgreSQL_restarts_mid_ingest()
    {
        var ctl = Environment.GetEnvironmentVariable("MARSAD_TEST_PG_CTL");
        Skip.If(string.IsNullOrEmpty(ctl), "MARSAD_TEST_PG_CTL is not set (.ci/postgres.sh sets it to the throwaway cluster's pg_ctl)");
        using var db = TestDatabase.Create();
        using var temp = new TempFolder();
        var corpus = new NewsGenerator(13).WriteFolder(temp.Sub("in"), files: 2, perFile: 80);
        Cli.Run(Generous, "ingest", "--db", db.ConnectionString, temp.Sub("in"));

        var workers = Enumerable.Range(0, 2).Select(i => Cli.Start("worker", "--db", db.ConnectionString, "--exit-when-idle", "--batch-size", "4", "--lease", "5", "--name", $"r{i}")).ToList();
        WaitUntil(() => db.Scalar("SELECT COUNT(*) FROM jobs WHERE status = 'done'") > 0);
        Assert.True(db.Scalar("SELECT COUNT(*) FROM jobs WHERE status <> 'done'") > 0, "the corpus finished before the restart: make it larger");
        Pg(ctl!, "stop", "-m", "fast", "-w");
        Thread.Sleep(TimeSpan.FromSeconds(2));
        Pg(ctl!, "start", "-w", "-l", "/dev/null");
        Npgsql.NpgsqlConnection.ClearAllPools(); // this test's own pooled connections died with the server

        foreach (var worker in workers)
        {
            Assert.True(worker.WaitForExit(Generous), "a worker did not finish after the restart");
            Assert.Equal(0, worker.ExitCode);
            worker.Dispose();
        }

        AssertEveryArticleStoredOnce(db, corpus.DistinctArticles);
    }

    private static void AssertEveryArticleStoredOnce(TestDatabase db, int expected)
    {
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM jobs WHERE status <> 'done'"));
        Assert.Equal(expected, db.Scalar("SELECT COUNT(*) FROM articles"));
        Assert.Equal(expected, db.Scalar("SELECT COUNT(*) FROM analyses"));
        // Every job's article is stored (nothing lost) …
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM jobs j WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = j.key)"));
        // … and analysed originals carry their layers once (a doubled write would double mentions).
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM (SELECT article_id, start_offset, end_offset FROM mentions GROUP BY 1, 2, 3 HAVING COUNT(*) > 1) x"));
        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL"), db.Scalar("SELECT COUNT(*) FROM articles WHERE tsv_marsad IS NOT NULL"));
        using var archive = PostgresArchive.Open(db.ConnectionString);
        Assert.Equal(expected, archive.Stats().Articles);
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Generous, "timed out waiting for the workers");
            Thread.Sleep(100);
        }
    }

    private static void Pg(string ctl, params string[] args)
    {
        var parts = ctl.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var info = new ProcessStartInfo(parts[0]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var part in parts.Skip(1).Concat(args))
        {
            info.ArgumentList.Add(part);
        }

        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pg_ctl {string.Join(' ', args)} failed: {process.StandardError.ReadToEnd()}");
    }
}
