using System.ComponentModel;
using System.Text.Json;
using Marsad.Storage;
using Marsad.Storage.Embedded;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad stories [--since D] [--offset N] [--limit N] [--json]: stories, most active first.</summary>
public sealed class StoriesCommand : Command<StoriesCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--since <DATE>")]
        [Description("Only stories seen on or after this date (YYYY-MM-DD).")]
        public string? Since { get; init; }

        [CommandOption("--window <DAYS>")]
        [Description("Trending window in days, ending at the archive's newest article (default 2).")]
        [DefaultValue(2.0)]
        public double Window { get; init; } = 2.0;

        [CommandOption("--min-size <N>")]
        [Description("Leave out stories with fewer articles (default 2).")]
        [DefaultValue(2)]
        public int MinSize { get; init; } = 2;

        [CommandOption("--offset <N>")]
        [Description("Skip this many stories of the ranked list (the next page: --offset 20 --limit 20).")]
        [DefaultValue(0)]
        public int Offset { get; init; }

        [CommandOption("--limit <N>")]
        [DefaultValue(20)]
        public int Limit { get; init; } = 20;

        [CommandOption("--json")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            Since is not null && CliParsing.TryDate(Since) is null ? ValidationResult.Error("--since takes a date (YYYY-MM-DD)")
            : Window <= 0 || Limit < 1 || MinSize < 1 ? ValidationResult.Error("--window, --limit and --min-size must be positive")
            : Offset < 0 ? ValidationResult.Error("--offset must be 0 or more")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var archive = ArchiveStores.OpenForReading(settings);
        var stories = archive.Stories(new StoryQuery
        {
            Since = settings.Since is null ? null : CliParsing.TryDate(settings.Since),
            Window = TimeSpan.FromDays(settings.Window),
            MinSize = settings.MinSize,
            Offset = settings.Offset,
            Limit = settings.Limit,
        });
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new StoriesOutput(stories.Total, settings.Offset, stories.Items), ArchiveCliJson.Readable.StoriesOutput));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("story", "headline", "articles", "outlets", "first seen", "last seen", "per day", "entities");
        foreach (var s in stories.Items)
        {
            table.AddRow(
                s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(s.Headline ?? ""),
                $"{s.Size}" + (s.Copies > 0 ? $" ({s.Copies} copies)" : ""),
                Markup.Escape(string.Join(", ", s.Sources)),
                s.FirstSeen[..10],
                s.LastSeen[..10],
                s.Velocity.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", s.TopEntities)));
        }

        AnsiConsole.Write(table);
        if (stories.Total > settings.Offset + stories.Items.Count || settings.Offset > 0)
        {
            // Say where this page lies, so that a user knows more stories match than the table shows.
            AnsiConsole.MarkupLine(stories.Items.Count == 0
                ? $"[grey]no stories after the first {settings.Offset} ({stories.Total} in all)[/]"
                : $"[grey]stories {settings.Offset + 1}–{settings.Offset + stories.Items.Count} of {stories.Total}[/]");
        }

        return ExitCodes.Ok;
    }
}
