using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Storage.Ingest;
using Marsad.Storage.Postgres;
using Spectre.Console;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad ingest --db URL PATH…</c>: reads the inputs and enqueues one job per article in PostgreSQL
/// (idempotent on the article id); the analysis is left to <c>marsad worker</c> processes.
/// </summary>
internal static class EnqueueCommand
{
    private const int Batch = 500;

    public static int Run(IngestCommand.Settings settings, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var files = ArchiveIngestor.ExpandPaths(settings.Paths.Select(CliApp.InputPath));
        var read = new ReadOptions { Format = CliParsing.TryFormat(settings.Format)!.Value, DefaultDate = settings.Date is null ? null : CliParsing.TryDate(settings.Date) };
        using var archive = PostgresArchive.Open(settings.Db!);
        var queue = new JobQueue(archive);
        long total = 0, rejected = 0;
        var enqueued = 0;
        var rejectedByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<Article>(Batch);
        var log = settings.Json ? Console.Error : Console.Out;
        foreach (var file in files)
        {
            foreach (var outcome in ArticleReaders.ReadPath(file, read))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                total++;
                if (outcome.Error is { } error)
                {
                    rejected++;
                    rejectedByCode[error.Code] = rejectedByCode.GetValueOrDefault(error.Code) + 1;
                    log.WriteLine($"rejected {error.Input ?? file}: {error.Code} {error.Message}");
                    continue;
                }

                if (outcome.Warning is { } warning)
                {
                    CliApp.WriteWarning(warning);
                }

                pending.Add(outcome.Article!);
                if (pending.Count >= Batch)
                {
                    enqueued += queue.Enqueue(pending);
                    pending.Clear();
                }
            }
        }

        enqueued += queue.Enqueue(pending);
        var counts = queue.Counts();
        var already = total - rejected - enqueued;
        if (settings.Json)
        {
            var output = new EnqueueOutput(total, enqueued, already, rejected, rejectedByCode, Math.Round(watch.Elapsed.TotalSeconds, 3), counts);
            Console.Out.WriteLine(JsonSerializer.Serialize(output, ServerModeJsonContext.Default.EnqueueOutput));
        }
        else
        {
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"enqueued {enqueued} articles ({already} already queued, {rejected} rejected) in {watch.Elapsed.TotalSeconds:0.0} s. Queue: {counts.Queued} queued, {counts.Running} running, {counts.Done} done, {counts.Failed} failed. Run `marsad worker --db …` to process them."));
        }

        return rejected == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
    }
}
