using System.ComponentModel;
using System.Text.Json;
using Marsad.Keyphrases;
using Marsad.Pipeline;
using Marsad.Summaries;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad eval summary --gold FILE [--weights W] [--no-stem] [--json]</summary>
public sealed class EvalSummaryCommand : Command<EvalSummaryCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("JSON Lines with text, title and summaries (references).")]
        public string? Gold { get; init; }

        [CommandOption("--weights <W>")]
        [Description("Sentence-score weights to try (tuning on train/dev): position,headline,centrality,entity,minWords.")]
        public string? Weights { get; init; }

        [CommandOption("--no-stem")]
        [Description("Compare normalised words instead of light stems.")]
        public bool NoStem { get; init; }

        [CommandOption("--models <DIR>")]
        public string? Models { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Gold is null)
            {
                return ValidationResult.Error("give --gold FILE");
            }

            return Weights is not null && SummaryWeights.TryParse(Weights) is null
                ? ValidationResult.Error("--weights must be five numbers: position,headline,centrality,entity,minWords")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var models = MarsadModels.Locate(settings.Models);
        var statistics = KeyphraseStatistics.Load(models.PathOf(KeyphraseStatistics.ModelFile));
        var weights = settings.Weights is null ? SummaryWeights.Default : SummaryWeights.TryParse(settings.Weights)!;
        var summarizer = new ExtractiveSummarizer(statistics, weights);
        var pipeline = Pipelines.Default(models);
        var records = SummaryEvaluation.Read(settings.Gold!);
        var results = SummaryEvaluation.Evaluate(records, pipeline.Analyze, summarizer, stem: !settings.NoStem);
        var speed = TopicsThroughput.Measure(
            records.Select(SummaryEvaluation.ToArticle).ToList(),
            [Topics.TopicAnnotator.Load(models), new KeyphraseAnnotator(new KeyphraseExtractor(statistics)), new SummaryAnnotator(summarizer)]);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { gold = settings.Gold, articles = records.Count, stemmed = !settings.NoStem, weights, systems = results, topicsKeyphrasesSummaryArticlesPerSecond = Math.Round(speed.WallClock), topicsKeyphrasesSummaryArticlesPerCpuSecond = Math.Round(speed.CpuTime) }, EvalJson.Options));
            return ExitCodes.Ok;
        }

        AnsiConsole.MarkupLineInterpolated($"{records.Count} articles; ROUGE F1 (%) on {(settings.NoStem ? "normalised words" : "light stems")}; weights {weights}");
        var table = new Table().AddColumns("system", "ROUGE-1", "ROUGE-2", "ROUGE-L", "sentences", "words");
        foreach (var r in results)
        {
            table.AddRow(r.System, $"{r.Rouge1:F2}", $"{r.Rouge2:F2}", $"{r.RougeL:F2}", $"{r.MeanSentences:F2}", $"{r.MeanWords:F1}");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"topics + keyphrases + summary: {speed.WallClock:F0} articles/s wall clock, {speed.CpuTime:F0} articles per CPU second (one thread)");
        return ExitCodes.Ok;
    }
}
