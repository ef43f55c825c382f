using System.ComponentModel;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Storage.Embedded;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad entity KEY [--json]: mentions over time, co-occurring entities and quotes of one entity.</summary>
public sealed class EntityCommand : Command<EntityCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "<KEY>")]
        [Description("The entity key (or its canonical name).")]
        public string Key { get; init; } = string.Empty;

        [CommandOption("--json")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => string.IsNullOrWhiteSpace(Key) ? ValidationResult.Error("give an entity KEY") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var archive = ArchiveStores.OpenForReading(settings);
        var profile = archive.Entity(settings.Key) ?? throw new MarsadException(ErrorCodes.UnknownId, $"no entity '{settings.Key}' in the archive");
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(profile, ArchiveCliJson.Readable.EntityProfile));
            return ExitCodes.Ok;
        }

        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(profile.Name ?? profile.Key)}[/] [grey]{Markup.Escape(profile.Key)} {Markup.Escape(profile.Type ?? "")}[/]").LeftJustified());
        AnsiConsole.MarkupLine($"{profile.Articles} articles, {profile.Mentions} mentions");
        var chart = new BarChart().Label("articles per day");
        foreach (var day in profile.OverTime.TakeLast(30))
        {
            chart.AddItem(day.Date, day.Articles, Color.SteelBlue);
        }

        AnsiConsole.Write(chart);
        if (profile.CoOccurring.Count > 0)
        {
            var table = new Table().AddColumns("co-occurring entity", "articles");
            foreach (var c in profile.CoOccurring)
            {
                table.AddRow(Markup.Escape(c.Name ?? c.Key), c.Articles.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
        }

        QuotesCommand.WriteQuotes(profile.Quotes);
        return ExitCodes.Ok;
    }
}
