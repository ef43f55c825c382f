using System.ComponentModel;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad eval segment --gold FILE [--json] [--errors N]</summary>
public sealed class EvalSegmentCommand : Command<EvalSegmentCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("Gold segmentation: Farasa \"+\" format (WikiNews.pos.ref), QCRI dialect TSV, or CoNLL-U (UD PUD).")]
        public string? Gold { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object with the scores.")]
        public bool Json { get; init; }

        [CommandOption("--errors <N>")]
        [Description("Also list the N most frequent errors.")]
        [DefaultValue(0)]
        public int Errors { get; init; }

        [CommandOption("--explain <WORD>")]
        [Description("Instead of scoring, show every analysis the segmenter weighed for WORD, with its score.")]
        public string? Explain { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrEmpty(Gold) && Explain is null ? ValidationResult.Error("give the gold file with --gold FILE")
            : Errors < 0 ? ValidationResult.Error("--errors must be 0 or more")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Explain is not null)
        {
            foreach (var (analysis, weight) in CliticSegmenter.Default.Explain(settings.Explain).OrderByDescending(a => a.Score))
            {
                Console.WriteLine($"{weight,8:F2}  {analysis}");
            }

            return ExitCodes.Ok;
        }

        var gold = SegmentationGold.Read(settings.Gold!);
        var segmenter = CliticSegmenter.Default;
        SegmentationEvaluator.Evaluate(segmenter, gold, settings.Gold!); // warm-up, so the speed is steady-state
        var score = SegmentationEvaluator.Evaluate(segmenter, gold, settings.Gold!, settings.Errors);
        if (score.Words == 0)
        {
            // Zero words scored would print 0 % scores that look like a result.
            throw new MarsadException(ErrorCodes.BadGold, "no segmented word could be read (Farasa, QCRI or CoNLL-U segmentation expected)", settings.Gold);
        }
        if (settings.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            JsonSerializer.Serialize(stdout, score, CliJson.Readable.SegmentationScore);
            stdout.WriteByte((byte)'\n');
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("measure", "value");
        table.AddRow("gold", Markup.Escape($"{score.Gold} ({score.Format})"));
        table.AddRow("words scored", $"{score.Words:N0} ({score.SplitWords:N0} with a split; {score.Skipped:N0} lines skipped)");
        table.AddRow("word accuracy", $"{score.Accuracy:P2} (no-split floor {score.NoSplitAccuracy:P2})");
        table.AddRow("split points P / R / F1", $"{score.Precision:P2} / {score.Recall:P2} / {score.F1:P2}");
        table.AddRow("speed", $"{score.WordsPerSecond:N0} words/s");
        AnsiConsole.Write(table);
        foreach (var e in score.Errors)
        {
            AnsiConsole.WriteLine($"{e.Count,5}  {e.Word}  gold {e.Gold}  predicted {e.Predicted}");
        }

        return ExitCodes.Ok;
    }
}
