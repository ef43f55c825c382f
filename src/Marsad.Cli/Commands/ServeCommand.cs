using System.ComponentModel;
using Marsad.Errors;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Server;
using Marsad.Storage;
using Marsad.Storage.Embedded;
using Marsad.Storage.Ingest;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad serve [--data DIR] [--urls URL] [--ingest PATH…]: the JSON API and the web UI over the archive.</summary>
public sealed class ServeCommand : Command<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("The archive's data directory (default ./marsad-data).")]
        [DefaultValue("marsad-data")]
        public string Data { get; init; } = "marsad-data";

        [CommandOption("--db <URL>")]
        [Description("Serve a PostgreSQL archive (postgres://user:pass@host:port/db or an Npgsql connection string) instead of --data.")]
        public string? Db { get; init; }

        [CommandOption("--urls <URLS>")]
        [Description("Where to listen (default http://127.0.0.1:5080).")]
        [DefaultValue("http://127.0.0.1:5080")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--ingest <PATH>")]
        [Description("Ingest these files or folders into the archive first (repeatable), e.g. --ingest samples.")]
        public string[] Ingest { get; init; } = [];

        [CommandOption("--models <DIR>")]
        [Description("The models folder (default: models/ beside the program).")]
        public string? Models { get; init; }

        public override ValidationResult Validate() =>
            Uri.TryCreate(Urls.Split(';')[0], UriKind.Absolute, out _) ? ValidationResult.Success() : ValidationResult.Error($"--urls '{Urls}' is not a URL");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var models = MarsadModels.Locate(settings.Models);
        if (settings.Db is null && settings.Ingest.Length > 0)
        {
            IngestFirst(settings, models, cancellationToken);
        }

        if (settings.Db is null)
        {
            // Creates an empty archive on first use, so that the UI works before anything is ingested.
            try
            {
                EmbeddedArchive.Open(settings.Data).Dispose();
            }
            catch (MarsadException) when (File.Exists(Path.Combine(settings.Data, EmbeddedArchive.DatabaseFile)))
            {
                // An archive the user may not write (a read-only mount, another user's folder) is still served, read-only.
            }
        }

        using Storage.IArchive archive = settings.Db is not null
            ? Storage.Postgres.PostgresArchive.Open(settings.Db, new Storage.Postgres.PostgresArchiveOptions { ReadOnly = true })
            : EmbeddedArchive.Open(settings.Data, new ArchiveOpenOptions { ReadOnly = true });
        var app = MarsadServer.Build(new MarsadServerOptions { Urls = settings.Urls, ModelsDirectory = settings.Models }, archive);
        try
        {
            app.Start();
        }
        catch (IOException e)
        {
            // Typically "address already in use": another `marsad serve` (or any server) has the port.
            throw new MarsadException(ErrorCodes.BadArgument, $"{e.Message} (is another marsad serve running? choose another --urls)", inner: e);
        }

        var stats = archive.Stats();
        AnsiConsole.MarkupLine($"Marsad is serving {stats.Articles:N0} articles from [bold]{Markup.Escape(settings.Db is null ? Path.GetFullPath(settings.Data) : "PostgreSQL")}[/]");
        AnsiConsole.MarkupLine($"Open [link]{Markup.Escape(settings.Urls.Split(';')[0])}[/] (Ctrl+C to stop)");
        app.WaitForShutdown();
        return ExitCodes.Ok;
    }

    private static void IngestFirst(Settings settings, MarsadModels models, CancellationToken cancellationToken)
    {
        var files = ArchiveIngestor.ExpandPaths(settings.Ingest.Select(CliApp.InputPath));
        using var archive = EmbeddedArchive.Open(settings.Data);
        var ingestor = new ArchiveIngestor(archive, Pipelines.Default(models), new IngestOptions { Read = new ReadOptions(), OnWarning = CliApp.WriteWarning });
        var summary = ingestor.RunAsync(files, Path.Combine(archive.Directory, ArchiveIngestor.RejectsFile), cancellationToken).GetAwaiter().GetResult();
        AnsiConsole.MarkupLine($"Ingested {files.Count} files: {summary.Accepted} new articles, {summary.Duplicates} copies, {summary.AlreadyStored} already stored, {summary.Rejected} rejected");
    }
}
