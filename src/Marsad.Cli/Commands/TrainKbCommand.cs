using System.ComponentModel;
using System.Text.Json;
using Marsad.Entities.Kb;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad train kb --data DIR --out DIR [--json]: compiles the entity knowledge base from the public sources.</summary>
public sealed class TrainKbCommand : Command<TrainKbCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("The data folder holding kb/ and gazetteers/ (e.g. ../shared/data).")]
        public string? Data { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Where to write kb.tsv.gz and titles.txt (e.g. models/kb).")]
        public string? Out { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object with the counts.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrEmpty(Data) || string.IsNullOrEmpty(Out))
            {
                return ValidationResult.Error("give --data DIR and --out DIR");
            }

            return Directory.Exists(Data) ? ValidationResult.Success() : ValidationResult.Error($"--data '{Data}' is not a folder");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var summary = KbBuilder.Build(settings.Data!, settings.Out!);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(summary, CliJsonContext.Default.KbBuildSummary));
        }
        else
        {
            AnsiConsole.MarkupLine($"countries {summary.Countries}, cities {summary.Cities}, gazetteer names: {summary.GazetteerNew} new entries, {summary.GazetteerVariants} variants; titles {summary.Titles}");
            AnsiConsole.MarkupLine($"wrote {Markup.Escape(Path.Combine(settings.Out!, KnowledgeBase.CompiledFile))} ({summary.CompiledBytes:N0} bytes)");
        }

        return ExitCodes.Ok;
    }
}
