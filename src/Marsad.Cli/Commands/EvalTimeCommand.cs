using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Time;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad eval time --gold FILE [--split dev|test|all] [--errors] [--json]</summary>
public sealed class EvalTimeCommand : Command<EvalTimeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("The time gold file (JSON Lines: text, anchor, split, expressions), e.g. gold/time/time-gold.jsonl.")]
        public string? Gold { get; init; }

        [CommandOption("--split <SPLIT>")]
        [Description("Score only this split: dev, test or all (default: report dev, test and all).")]
        public string? Split { get; init; }

        [CommandOption("--errors")]
        [Description("List the disagreements (missed, spurious, span, value) of the scored splits.")]
        public bool Errors { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object instead of the table.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrEmpty(Gold))
            {
                return ValidationResult.Error("--gold FILE is required");
            }

            if (Split is not null && Split is not ("dev" or "test" or "all"))
            {
                return ValidationResult.Error($"--split '{Split}' must be dev, test or all");
            }

            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var records = TimeGold.Read(settings.Gold!);
        var recognizer = new TimeRecognizer();
        var splits = settings.Split is { } only ? [only] : new[] { "dev", "test", "all" };
        var results = new List<TimeScores>();
        foreach (var split in splits)
        {
            var selected = split == "all" ? records : records.Where(r => r.Split == split).ToList();
            if (selected.Count == 0 && settings.Split is not null)
            {
                throw new MarsadException(ErrorCodes.BadGold, $"no record of split '{split}' in the gold file", settings.Gold);
            }

            var scores = TimeEvaluator.Evaluate(selected, split, recognizer);
            results.Add(settings.Errors ? scores : scores with { Errors = [] });
        }

        if (settings.Json)
        {
            var output = new TimeEvalOutput { Gold = settings.Gold!, Splits = results };
            using var stdout = Console.OpenStandardOutput();
            JsonSerializer.Serialize(stdout, output, EvalJson.Options);
            stdout.WriteByte((byte)'\n');
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("split", "sentences", "gold", "predicted", "exact P", "exact R", "exact F1", "overlap F1", "value acc", "strict value acc");
        foreach (var s in results)
        {
            table.AddRow(s.Split, N(s.Sentences), N(s.Gold), N(s.Predicted), P(s.Exact.Precision), P(s.Exact.Recall), P(s.Exact.F1), P(s.Overlap.F1), P(s.ValueAccuracy), P(s.StrictValueAccuracy));
        }

        AnsiConsole.Write(table);
        if (settings.Errors)
        {
            foreach (var s in results.Where(r => r.Split != "all" || results.Count == 1))
            {
                foreach (var e in s.Errors)
                {
                    Console.WriteLine($"{s.Split}\t{e.Id}\t{e.Kind}\t{e.Surface}\texpected={e.Expected ?? "null"}\tgot={e.Got ?? "null"}");
                }
            }
        }

        return ExitCodes.Ok;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string P(double x) => (x * 100).ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>What `marsad eval time --json` prints.</summary>
public sealed record TimeEvalOutput
{
    public required string Gold { get; init; }

    public required IReadOnlyList<TimeScores> Splits { get; init; }
}
