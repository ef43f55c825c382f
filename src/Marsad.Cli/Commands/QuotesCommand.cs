using System.ComponentModel;
using System.Text.Json;
using Marsad.Storage;
using Marsad.Storage.Embedded;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad quotes --speaker KEY [--json]: what one speaker said, newest first.</summary>
public sealed class QuotesCommand : Command<QuotesCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--speaker <KEY>")]
        [Description("The speaker's entity key (or the speaker as written when it has no key).")]
        public string? Speaker { get; init; }

        [CommandOption("--limit <N>")]
        [DefaultValue(50)]
        public int Limit { get; init; } = 50;

        [CommandOption("--json")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => string.IsNullOrWhiteSpace(Speaker) ? ValidationResult.Error("give --speaker KEY") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var archive = ArchiveStores.OpenForReading(settings);
        var quotes = archive.QuotesBySpeaker(settings.Speaker!, settings.Limit);
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new QuotesOutput(settings.Speaker!, quotes), ArchiveCliJson.Readable.QuotesOutput));
            return ExitCodes.Ok;
        }

        WriteQuotes(quotes);
        return ExitCodes.Ok;
    }

    internal static void WriteQuotes(IReadOnlyList<StoredQuote> quotes)
    {
        if (quotes.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]no quotes[/]");
            return;
        }

        var table = new Table().AddColumns("date", "speaker", "cue", "kind", "quote", "article");
        foreach (var q in quotes)
        {
            table.AddRow(Markup.Escape(q.PublishedAt?[..10] ?? ""), Markup.Escape(q.Speaker ?? ""), Markup.Escape(q.Cue ?? ""), q.Kind, Markup.Escape(q.Content ?? ""), Markup.Escape(q.Headline ?? q.ArticleId));
        }

        AnsiConsole.Write(table);
    }
}
