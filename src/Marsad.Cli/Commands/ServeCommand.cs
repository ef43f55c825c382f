using System.ComponentModel;
using Marsad.Server;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad serve [--data DIR] [--urls URL]: the JSON API and the web UI.</summary>
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

        [CommandOption("--models <DIR>")]
        [Description("The models folder (default: models/ beside the program).")]
        public string? Models { get; init; }

        public override ValidationResult Validate() =>
            Uri.TryCreate(Urls.Split(';')[0], UriKind.Absolute, out _) ? ValidationResult.Success() : ValidationResult.Error($"--urls '{Urls}' is not a URL");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var postgres = settings.Db is null ? null : Marsad.Storage.Postgres.PostgresArchive.Open(settings.Db, new Marsad.Storage.Postgres.PostgresArchiveOptions { ReadOnly = true });
        var app = postgres is null
            ? MarsadServer.Build(new MarsadServerOptions { Urls = settings.Urls, ModelsDirectory = settings.Models })
            : MarsadServer.Build(new MarsadServerOptions { Urls = settings.Urls, ModelsDirectory = settings.Models }, postgres);
        app.Start();
        AnsiConsole.MarkupLine($"Marsad is serving at [link]{Markup.Escape(settings.Urls.Split(';')[0])}[/] (Ctrl+C to stop)");
        app.WaitForShutdown();
        return ExitCodes.Ok;
    }
}
