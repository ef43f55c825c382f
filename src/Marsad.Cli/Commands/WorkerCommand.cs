using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Marsad.Pipeline;
using Marsad.Storage.Postgres;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad worker --db URL [--exit-when-idle]: claims queued articles, analyses them and stores the results in PostgreSQL.</summary>
public sealed class WorkerCommand : Command<WorkerCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <URL>")]
        [Description("The PostgreSQL archive: postgres://user:pass@host:port/db or an Npgsql connection string.")]
        public string? Db { get; init; }

        [CommandOption("--exit-when-idle")]
        [Description("Exit when no job is queued or running (default: wait for more).")]
        public bool ExitWhenIdle { get; init; }

        [CommandOption("--batch-size <N>")]
        [Description("Jobs claimed and stored together (default 8).")]
        [DefaultValue(8)]
        public int BatchSize { get; init; } = 8;

        [CommandOption("--lease <SECONDS>")]
        [Description("How long a claim holds before another worker may take the job over (default 60).")]
        [DefaultValue(60)]
        public int Lease { get; init; } = 60;

        [CommandOption("--name <NAME>")]
        [Description("The worker's name in the job log (default host:pid).")]
        public string? Name { get; init; }

        [CommandOption("--models <DIR>")]
        [Description("The models folder (default: models/ beside the program).")]
        public string? Models { get; init; }

        [CommandOption("--json")]
        [Description("Print the summary as one JSON object.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Db))
            {
                return ValidationResult.Error("give --db postgres://user:pass@host:port/db");
            }

            return BatchSize < 1 || Lease < 1 ? ValidationResult.Error("--batch-size and --lease must be at least 1") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var pipeline = Pipelines.Default(MarsadModels.Locate(settings.Models));
        using var archive = PostgresArchive.Open(settings.Db!);
        var options = new WorkerOptions
        {
            BatchSize = settings.BatchSize,
            Lease = TimeSpan.FromSeconds(settings.Lease),
            ExitWhenIdle = settings.ExitWhenIdle,
            Name = settings.Name ?? new WorkerOptions().Name,
        };
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            WorkerSummary summary;
            try
            {
                summary = new PostgresWorker(archive, pipeline, options).RunAsync(m => Console.Error.WriteLine(m), cancel.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Ok;
            }

            var counts = new JobQueue(archive).Counts();
            if (settings.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(
                    new WorkerOutput(summary.Worker, summary.Jobs, summary.Originals, summary.Duplicates, summary.AlreadyStored, summary.Failed, summary.Reconnects, Math.Round(summary.Seconds, 3), Math.Round(summary.ArticlesPerSecond, 1), counts),
                    ServerModeJsonContext.Default.WorkerOutput));
            }
            else
            {
                AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"worker {summary.Worker}: {summary.Jobs} jobs ({summary.Originals} analysed, {summary.Duplicates} copies, {summary.AlreadyStored} already stored, {summary.Failed} failed), {summary.Reconnects} reconnects, {summary.Seconds:0.0} s, {summary.ArticlesPerSecond:0.0} articles/s"));
            }

            return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
