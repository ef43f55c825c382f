using System.ComponentModel;
using System.Text.Json;
using Marsad.Entities;
using Marsad.Entities.Evaluation;
using Marsad.Entities.Resolution;
using Marsad.Errors;
using Marsad.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad eval entities --gold FILE [--mentions gold|predicted] [--baseline] [--json]: pairwise merge precision/recall, linking and naming accuracy.</summary>
public sealed class EvalEntitiesCommand : Command<EvalEntitiesCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("Entity gold file (gold/entities/*.json: articles with [[surface|ID]] mentions).")]
        public string? Gold { get; init; }

        [CommandOption("--mentions <SOURCE>")]
        [Description("gold (default): merge the gold mentions, scoring the resolver alone; predicted: the full pipeline's own mentions, end to end.")]
        [DefaultValue("gold")]
        public string Mentions { get; init; } = "gold";

        [CommandOption("--baseline")]
        [Description("With gold mentions, score the exact-match baseline instead (same type and text = same entity, no linking).")]
        public bool Baseline { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object (precision, recall, f1 in percent, and the details).")]
        public bool Json { get; init; }

        [CommandOption("--errors")]
        [Description("List each merge, linking and naming error.")]
        public bool ShowErrors { get; init; }

        [CommandOption("--models <DIR>")]
        [Description("The models folder (default: models/ beside the program).")]
        public string? Models { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrEmpty(Gold))
            {
                return ValidationResult.Error("give --gold FILE");
            }

            if (Baseline && Mentions != "gold")
            {
                return ValidationResult.Error("--baseline works with --mentions gold only");
            }

            return Mentions is "gold" or "predicted"
                ? ValidationResult.Success()
                : ValidationResult.Error($"unknown --mentions '{Mentions}': use gold or predicted");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var gold = EntityGold.Read(settings.Gold!);
        if (gold.Count == 0)
        {
            // No article would score 100 % (no pair to get wrong): refuse rather than print it.
            throw new MarsadException(ErrorCodes.BadGold, "the gold holds no article", settings.Gold);
        }
        var models = MarsadModels.Locate(settings.Models);
        EntityEvalReport report;
        if (settings.Baseline)
        {
            report = EntityEvaluator.EvaluateExactMatchBaseline(gold);
        }
        else if (settings.Mentions == "gold")
        {
            report = EntityEvaluator.EvaluateWithGoldMentions(gold, new EntityResolver(EntityAnnotator.Load(models).Kb));
        }
        else
        {
            var pipeline = Pipelines.Default(models);
            if (!pipeline.Annotators.Any(a => a.Assigns.Contains(Layers.Mentions) && a is not EntityAnnotator))
            {
                throw new MarsadException(ErrorCodes.BadModel, "the default pipeline has no mention annotator (NER): use --mentions gold");
            }

            report = EntityEvaluator.EvaluateWithPipeline(gold, pipeline);
        }

        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, CliJson.Readable.EntityEvalReport));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("measure", "value");
        table.AddRow("mentions", report.Mentions);
        table.AddRow("articles", report.Articles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("gold mentions / clusters", $"{report.GoldMentions} / {report.GoldClusters}");
        if (report.MentionRecall is not null)
        {
            table.AddRow("predicted mentions", report.PredictedMentions.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("mention precision / recall (overlap)", $"{report.MentionPrecision:0.0} / {report.MentionRecall:0.0}");
        }

        table.AddRow("pairwise precision", $"{report.Precision:0.0} ({report.PredictedPairs} predicted pairs)");
        table.AddRow("pairwise recall", $"{report.Recall:0.0} ({report.GoldPairs} gold pairs)");
        table.AddRow("pairwise F1", $"{report.F1:0.0}");
        table.AddRow("linking accuracy", $"{report.LinkingAccuracy:0.0} ({report.LinkableClusters} clusters with a Wikidata id)");
        table.AddRow("canonical name accuracy", $"{report.CanonicalAccuracy:0.0}");
        AnsiConsole.Write(table);
        if (settings.ShowErrors)
        {
            foreach (var e in report.Errors)
            {
                AnsiConsole.WriteLine(e);
            }
        }

        return ExitCodes.Ok;
    }
}
