using System.Diagnostics;
using System.Text.Json;
using Marsad.Storage.Embedded;
using Marsad.Storage.Tests.Fixtures;
using Marsad.Testing;

namespace Marsad.Storage.Tests.Ingest;

/// <summary>
/// Runs the real `marsad ingest` in a child process, kills it (SIGKILL) at several points, runs the same
/// command again, and checks that the archive holds every article exactly once with the index
/// matching SQLite, and that a further run adds nothing.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static string CliDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Marsad.Cli.dll");
        Skip.IfNot(File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "Marsad.Cli.runtimeconfig.json")), "Marsad.Cli.dll is not beside the tests");
        return beside;
    }

    private static Process Start(string input, string data, bool json)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliDll(), "ingest", input, "--data", data, "--batch-size", "16", "--threads", "2", "--progress-interval", "100" })
        {
            info.ArgumentList.Add(arg);
        }

        if (json)
        {
            info.ArgumentList.Add("--json");
        }

        info.Environment["MARSAD_MODELS"] = Path.Combine(SharedData.RepositoryRoot, "models");
        return Process.Start(info)!;
    }

    /// <summary>Starts an ingest and kills it after <paramref name="lines"/> progress lines; returns whether it was killed mid-run.</summary>
    private static bool RunAndKill(string input, string data, int lines)
    {
        using var process = Start(input, data, json: false);
        var seen = 0;
        while (seen < lines && process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("progress:", StringComparison.Ordinal))
            {
                seen++;
            }
        }

        var killed = !process.HasExited;
        if (killed)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        return killed;
    }

    private static JsonElement RunToEnd(string input, string data)
    {
        using var process = Start(input, data, json: true);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "ingest did not finish in 2 minutes");
        Assert.True(process.ExitCode is 0 or 1, $"exit {process.ExitCode}: {stderr.Result}");
        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }

    [SkippableFact]
    public void Killed_ingests_resume_without_losing_or_doubling_articles()
    {
        using var temp = new TempFolder();
        var input = temp.Sub("in");
        var data = temp.Sub("data");
        var corpus = new NewsGenerator(5).WriteFolder(input, files: 4, perFile: 150);

        var killedMidRun = 0;
        foreach (var lines in new[] { 1, 3, 2, 6 })
        {
            killedMidRun += RunAndKill(input, data, lines) ? 1 : 0;
        }

        var final = RunToEnd(input, data);
        Assert.True(killedMidRun > 0, "no run was killed before it finished: the test proves nothing");
        Assert.Equal(corpus.Malformed, final.GetProperty("rejected").GetInt32());

        using (var archive = EmbeddedArchive.Open(data, new ArchiveOpenOptions { ReadOnly = true }))
        {
            var stats = archive.Stats();
            Assert.Equal(corpus.DistinctArticles, stats.Articles);
            Assert.Equal(corpus.ExactCopies + corpus.NearCopies, stats.Duplicates);
            Assert.Equal(archive.OriginalIds(), archive.IndexedIds());
            Assert.Equal(stats.Originals, stats.IndexDocuments);
            Assert.Equal(stats.Originals, stats.Indexed);
        }

        // Idempotent: the same command again adds nothing.
        var again = RunToEnd(input, data);
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        Assert.Equal(0, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(corpus.DistinctArticles + corpus.Repeated, again.GetProperty("alreadyStored").GetInt32());
    }
}
