using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Quotes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad eval quotes --gold FILE [--split all|dev|test] [--json] [--errors]</summary>
public sealed class EvalQuotesCommand : Command<EvalQuotesCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("The gold JSON Lines file (gold/quotes/quotes-gold.jsonl).")]
        public string? Gold { get; init; }

        [CommandOption("--split <SPLIT>")]
        [Description("Which records to score: all (default), dev or test.")]
        [DefaultValue("all")]
        public string Split { get; init; } = "all";

        [CommandOption("--json")]
        [Description("Print one JSON object with the scores.")]
        public bool Json { get; init; }

        [CommandOption("--errors")]
        [Description("Also list every mismatch (missed, spurious, wrong speaker, cue, kind, role, content).")]
        public bool Errors { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Gold))
            {
                return ValidationResult.Error("give the gold file with --gold FILE");
            }

            return Split is "all" or "dev" or "test"
                ? ValidationResult.Success()
                : ValidationResult.Error($"unknown --split '{Split}': use all, dev or test");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var records = QuoteEvaluation.ReadGold(settings.Gold!);
        var report = QuoteEvaluation.Evaluate(records, settings.Split);
        if (report.Records == 0)
        {
            throw new MarsadException(ErrorCodes.BadGold, $"no record of split '{settings.Split}' in the gold file", settings.Gold);
        }
        if (settings.Errors)
        {
            foreach (var error in report.Errors)
            {
                Console.Error.WriteLine(error);
            }
        }

        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, EvalJson.Options));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, double value) => table.AddRow(name, value.ToString("F1", CultureInfo.InvariantCulture));
        table.AddRow("records / gold / predicted / matched", FormattableString.Invariant($"{report.Records} / {report.GoldQuotes} / {report.PredictedQuotes} / {report.MatchedQuotes}"));
        Row("detection precision", report.Precision);
        Row("detection recall", report.Recall);
        Row("detection F1", report.F1);
        Row("speaker accuracy %", report.SpeakerAccuracy);
        Row("content token F1", report.ContentTokenF1);
        Row("cue accuracy %", report.CueAccuracy);
        Row("kind accuracy %", report.KindAccuracy);
        Row("role accuracy %", report.RoleAccuracy);
        Row("attribution P", report.AttributionPrecision);
        Row("attribution R", report.AttributionRecall);
        Row("attribution F1", report.AttributionF1);
        AnsiConsole.MarkupLine($"[bold]Quotations[/] ({Markup.Escape(report.Split)}, {Markup.Escape(settings.Gold!)})");
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
