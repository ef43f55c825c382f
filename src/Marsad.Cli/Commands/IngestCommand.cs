using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Storage.Embedded;
using Marsad.Storage.Ingest;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad ingest PATH… [--data DIR] [--format F] [--date D] [--json]: reads, analyses, de-duplicates, clusters and archives.</summary>
public sealed class IngestCommand : Command<IngestCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Files or folders (read recursively): HTML, text, JSON Lines, RSS/Atom; '-' reads standard input.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("-f|--format <FORMAT>")]
        [Description("auto (default: sniff each file), html, text, jsonl or rss.")]
        [DefaultValue("auto")]
        public string Format { get; init; } = "auto";

        [CommandOption("-d|--date <DATE>")]
        [Description("Publication date (YYYY-MM-DD) for pages that carry none.")]
        public string? Date { get; init; }

        [CommandOption("--models <DIR>")]
        [Description("The models folder (default: models/ beside the program).")]
        public string? Models { get; init; }

        [CommandOption("--batch-size <N>")]
        [Description("Articles per committed batch (default 256).")]
        [DefaultValue(256)]
        public int BatchSize { get; init; } = 256;

        [CommandOption("--threads <N>")]
        [Description("Analyser threads (default: one per core).")]
        public int? Threads { get; init; }

        [CommandOption("--progress-interval <MS>")]
        [Description("Milliseconds between progress lines when the output is not a terminal (default 1000).")]
        [DefaultValue(1000)]
        public int ProgressInterval { get; init; } = 1000;

        [CommandOption("--json")]
        [Description("Print the summary as one JSON object (progress goes to standard error).")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Paths.Length == 0)
            {
                return ValidationResult.Error("give at least one PATH (a file or a folder)");
            }

            if (CliParsing.TryFormat(Format) is null)
            {
                return ValidationResult.Error($"unknown --format '{Format}': use auto, html, text, jsonl or rss");
            }

            if (Date is not null && CliParsing.TryDate(Date) is null)
            {
                return ValidationResult.Error($"--date '{Date}' is not a date (YYYY-MM-DD)");
            }

            if (BatchSize < 1 || Threads is < 1 || ProgressInterval < 50)
            {
                return ValidationResult.Error("--batch-size and --threads must be at least 1, --progress-interval at least 50");
            }

            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Db is not null)
        {
            // Server mode: only enqueue; `marsad worker` processes analyse and store.
            return EnqueueCommand.Run(settings, cancellationToken);
        }

        var files = ArchiveIngestor.ExpandPaths(settings.Paths.Select(CliApp.InputPath));
        var options = new IngestOptions
        {
            Read = new ReadOptions { Format = CliParsing.TryFormat(settings.Format)!.Value, DefaultDate = settings.Date is null ? null : CliParsing.TryDate(settings.Date) },
            BatchSize = settings.BatchSize,
            Analysers = settings.Threads ?? Environment.ProcessorCount,
            OnWarning = CliApp.WriteWarning,
        };
        var pipeline = Pipelines.Default(MarsadModels.Locate(settings.Models));
        using var archive = EmbeddedArchive.Open(settings.Data);
        var log = settings.Json ? Console.Error : Console.Out;
        if (archive.Reconciled is { } r && (r.Reindexed > 0 || r.Removed > 0))
        {
            log.WriteLine($"recovered: re-indexed {r.Reindexed} articles, removed {r.Removed} stale index entries");
        }

        var ingestor = new ArchiveIngestor(archive, pipeline, options);
        archive.Times = ingestor.Times;
        ingestor.Counters.Expected = files.Sum(ArchiveIngestor.EstimateArticles);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl+C: stop reading and save what was analysed; the next one kills.
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var run = ingestor.RunAsync(files, Path.Combine(archive.Directory, ArchiveIngestor.RejectsFile), cancel.Token);
            var interactive = !settings.Json && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            if (interactive)
            {
                ShowProgressBar(ingestor.Counters, run);
            }
            else
            {
                WriteProgressLines(log, ingestor.Counters, run, settings.ProgressInterval);
            }

            var summary = run.GetAwaiter().GetResult();
            var stats = archive.Stats();
            if (settings.Json)
            {
                var output = new IngestOutput(summary.Accepted, summary.Duplicates, summary.ExactDuplicates, summary.NearDuplicates, summary.AlreadyStored, summary.Rejected,
                    summary.RejectedByCode, Math.Round(summary.Seconds, 3), Math.Round(summary.ArticlesPerSecond, 1), summary.RejectsFile, summary.StageSeconds, stats);
                Console.Out.WriteLine(JsonSerializer.Serialize(output, ArchiveCliJson.Readable.IngestOutput));
            }
            else
            {
                WriteSummary(summary, stats);
            }

            return summary.Rejected == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void ShowProgressBar(IngestCounters counters, Task run)
    {
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ingest", maxValue: Math.Max(1, counters.Expected));
                var started = DateTime.UtcNow;
                while (!run.IsCompleted)
                {
                    Update();
                    run.Wait(250);
                }

                Update();
                task.Value = task.MaxValue;

                void Update()
                {
                    var done = counters.Done;
                    var rate = done / Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
                    task.MaxValue = Math.Max(task.MaxValue, done);
                    task.Value = done;
                    task.Description = $"{done:N0} articles · {rate:N0}/s · {counters.Accepted:N0} new · {counters.Duplicates:N0} copies · {counters.Rejected:N0} rejected";
                }
            });
    }

    private static void WriteProgressLines(TextWriter log, IngestCounters counters, Task run, int intervalMs)
    {
        var started = DateTime.UtcNow;
        while (!run.Wait(intervalMs))
        {
            var done = counters.Done;
            var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
            var rate = done / seconds;
            var left = Math.Max(0, counters.Expected - done);
            var eta = rate > 0 ? TimeSpan.FromSeconds(left / rate).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"progress: {done}/{counters.Expected} articles ({counters.Accepted} new, {counters.Duplicates} copies, {counters.AlreadyStored} already stored, {counters.Rejected} rejected), {rate:0.0} articles/s, ETA {eta}"));
            log.Flush();
        }
    }

    private static void WriteSummary(IngestSummary s, Storage.ArchiveStats stats)
    {
        var table = new Table().AddColumns("", "articles");
        string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        table.AddRow("accepted (analysed and stored)", N(s.Accepted));
        table.AddRow("duplicates (linked to the first copy)", $"{N(s.Duplicates)} ({N(s.ExactDuplicates)} exact, {N(s.NearDuplicates)} near)");
        table.AddRow("already in the archive", N(s.AlreadyStored));
        table.AddRow("rejected", N(s.Rejected));
        AnsiConsole.Write(table);
        foreach (var (code, count) in s.RejectedByCode.OrderByDescending(kv => kv.Value))
        {
            AnsiConsole.MarkupLine($"  [grey]{code}[/] × {count}");
        }

        if (s.Rejected > 0)
        {
            AnsiConsole.MarkupLine($"rejected records and reasons: {Markup.Escape(s.RejectsFile)}");
        }

        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Seconds:0.0} s, {s.ArticlesPerSecond:0.0} articles/s. Archive: {stats.Articles} articles ({stats.Duplicates} copies), {stats.Stories} stories, {stats.Entities} entities; database {stats.DatabaseBytes / 1048576.0:0.0} MB, index {stats.IndexBytes / 1048576.0:0.0} MB."));
    }
}

/// <summary>Settings of every command that reads or writes an archive.</summary>
public abstract class DataSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("The archive's data folder (default ./marsad-data).")]
    [DefaultValue("marsad-data")]
    public string Data { get; init; } = "marsad-data";

    [CommandOption("--db <URL>")]
    [Description("A PostgreSQL archive instead of the data folder: postgres://user:pass@host:port/db or an Npgsql connection string.")]
    public string? Db { get; init; }
}
