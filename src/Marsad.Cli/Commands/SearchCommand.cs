using System.ComponentModel;
using System.Text.Json;
using Marsad.Storage;
using Marsad.Storage.Embedded;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad search QUERY [--entity KEY] [--source S] [--section S] [--from D] [--to D] [--limit N] [--json]</summary>
public sealed class SearchCommand : Command<SearchCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "<QUERY>")]
        [Description("Words (ranked by BM25) and \"phrases\"; matches across clitics and spelling variants.")]
        public string Query { get; init; } = string.Empty;

        [CommandOption("--entity <KEY>")]
        [Description("Only articles that mention this entity key.")]
        public string? Entity { get; init; }

        [CommandOption("--source <SOURCE>")]
        public string? Source { get; init; }

        [CommandOption("--section <SECTION>")]
        public string? Section { get; init; }

        [CommandOption("--from <DATE>")]
        [Description("Published on or after this date (YYYY-MM-DD).")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Published on or before this date (YYYY-MM-DD, inclusive).")]
        public string? To { get; init; }

        [CommandOption("--limit <N>")]
        [DefaultValue(10)]
        public int Limit { get; init; } = 10;

        [CommandOption("--json")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Query))
            {
                return ValidationResult.Error("give a QUERY");
            }

            if (From is not null && CliParsing.TryDate(From) is null || To is not null && CliParsing.TryDate(To) is null)
            {
                return ValidationResult.Error("--from and --to take dates (YYYY-MM-DD)");
            }

            if (From is not null && To is not null && CliParsing.TryDate(From) > CliParsing.TryDate(To))
            {
                return ValidationResult.Error($"--from {From} is after --to {To}");
            }

            return Limit is < 1 or > 1000 ? ValidationResult.Error("--limit must be between 1 and 1000") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var archive = ArchiveStores.OpenForReading(settings);
        var results = archive.Search(new SearchQuery(settings.Query)
        {
            EntityKey = settings.Entity,
            Source = settings.Source,
            Section = settings.Section,
            From = settings.From is null ? null : CliParsing.TryDate(settings.From),
            To = settings.To is null ? null : CliParsing.TryDate(settings.To)!.Value.AddDays(1).AddSeconds(-1),
            Limit = settings.Limit,
        });
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(results, ArchiveCliJson.Readable.SearchResults));
            return ExitCodes.Ok;
        }

        AnsiConsole.MarkupLine($"[grey]{results.TotalHits} hits in {results.ElapsedMs:0.0} ms[/]");
        var rank = 0;
        foreach (var hit in results.Hits)
        {
            rank++;
            AnsiConsole.MarkupLine($"[bold]{rank}. {Markup.Escape(hit.Headline ?? "(no headline)")}[/] [grey]{Markup.Escape(hit.Source ?? "")} {Markup.Escape(hit.PublishedAt ?? "")} {hit.Id} score {hit.Score:0.00}[/]");
            foreach (var fragment in hit.Highlights)
            {
                AnsiConsole.MarkupLine("   " + HighlightMarkup(fragment));
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Turns the archive's match marks (<see cref="HighlightMarkers"/>) into bold markup; the text itself is escaped.</summary>
    private static string HighlightMarkup(string fragment) =>
        Markup.Escape(fragment).Replace(HighlightMarkers.Open.ToString(), "[yellow bold]", StringComparison.Ordinal).Replace(HighlightMarkers.Close.ToString(), "[/]", StringComparison.Ordinal);
}
