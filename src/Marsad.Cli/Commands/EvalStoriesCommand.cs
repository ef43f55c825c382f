using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Storage.Embedded;
using Marsad.Storage.Evaluation;
using Marsad.Stories;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad eval stories --data DIR --gold FILE [--threshold T…]: pairwise precision, recall and F1 of the archive's stories.</summary>
public sealed class EvalStoriesCommand : Command<EvalStoriesCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("Gold stories: 'article-id TAB story-label' per line.")]
        public string? Gold { get; init; }

        [CommandOption("--threshold <T>")]
        [Description("Re-cluster the stored articles with this join threshold instead of scoring the ingest's stories (repeatable; for tuning on dev).")]
        public double[] Thresholds { get; init; } = [];

        [CommandOption("--json")]
        public bool Json { get; init; }

        // Stories are scored on the embedded archive only: a --db (inherited) would otherwise be ignored without a word.
        public override ValidationResult Validate() =>
            Db is not null ? ValidationResult.Error("eval stories reads the embedded archive (--data); --db is not supported")
            : string.IsNullOrEmpty(Gold) ? ValidationResult.Error("give --gold FILE")
            : !File.Exists(Gold) ? ValidationResult.Error($"--gold '{Gold}' does not exist")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var archive = EmbeddedArchive.Open(settings.Data, new ArchiveOpenOptions { ReadOnly = true });
        var gold = StoryEvaluator.ReadGold(settings.Gold!);
        var results = settings.Thresholds.Length == 0
            ? [StoryEvaluator.Score(archive, gold)]
            : settings.Thresholds.Select(t => StoryEvaluator.Recluster(archive, gold, new StoryClusterOptions { Threshold = t })).ToList();
        if (results[0].FoundArticles == 0)
        {
            // Scores over no article would print zeros that look like a result.
            throw new MarsadException(ErrorCodes.BadGold, $"none of the {gold.Count} gold articles is in the archive {archive.Directory}: ingest them first", settings.Gold);
        }

        if (settings.Json)
        {
            foreach (var r in results)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(r, ArchiveCliJson.Readable.StoryEvaluation));
            }

            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("threshold", "gold articles found", "gold stories", "predicted stories", "precision", "recall", "F1");
        foreach (var r in results)
        {
            table.AddRow(
                r.Threshold?.ToString("0.00", CultureInfo.InvariantCulture) ?? "(as ingested)",
                $"{r.FoundArticles}/{r.GoldArticles}",
                r.GoldStories.ToString(CultureInfo.InvariantCulture),
                r.PredictedStories.ToString(CultureInfo.InvariantCulture),
                r.Precision.ToString("0.000", CultureInfo.InvariantCulture),
                r.Recall.ToString("0.000", CultureInfo.InvariantCulture),
                r.F1.ToString("0.000", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }
}
