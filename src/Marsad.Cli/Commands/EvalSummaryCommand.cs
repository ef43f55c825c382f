using System.ComponentModel;
using System.Text.Json;
using Marsad.Keyphrases;
using Marsad.Pipeline;
using Marsad.Summaries;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad eval summary --gold FILE [--weights W[;W…]] [--no-stem] [--json]</summary>
public sealed class EvalSummaryCommand : Command<EvalSummaryCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("JSON Lines with text, title and summaries (references).")]
        public string? Gold { get; init; }

        [CommandOption("--weights <W>")]
        [Description("Sentence-score weights to try (tuning on train/dev): position,headline,centrality,entity,minWords; several sets separated by ';' are scored in one pass (no timing then).")]
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

            return Weights is not null && WeightSets(Weights).Any(w => w is null)
                ? ValidationResult.Error("--weights must be five numbers: position,headline,centrality,entity,minWords (several sets separated by ';')")
                : ValidationResult.Success();
        }

        internal static List<SummaryWeights?> WeightSets(string value) =>
            value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SummaryWeights.TryParse).ToList();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var models = MarsadModels.Locate(settings.Models);
        var statistics = KeyphraseStatistics.Load(models.PathOf(KeyphraseStatistics.ModelFile));
        var weightSets = settings.Weights is null ? [SummaryWeights.Default] : Settings.WeightSets(settings.Weights).Select(w => w!).ToList();
        var weights = weightSets[0];
        var summarizer = new ExtractiveSummarizer(statistics, weights);
        var pipeline = Pipelines.Default(models);
        var records = SummaryEvaluation.Read(settings.Gold!);
        var results = SummaryEvaluation.Evaluate(records, pipeline.Analyze, [summarizer, .. weightSets.Skip(1).Select(w => new ExtractiveSummarizer(statistics, w))], stem: !settings.NoStem);
        if (weightSets.Count > 1)
        {
            Print(settings, records.Count, weights, results);
            return ExitCodes.Ok;
        }

        var speed = TopicsThroughput.Measure(
            records.Select(SummaryEvaluation.ToArticle).ToList(),
            [Topics.TopicAnnotator.Load(models), new KeyphraseAnnotator(new KeyphraseExtractor(statistics)), new SummaryAnnotator(summarizer)]);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { gold = settings.Gold, articles = records.Count, stemmed = !settings.NoStem, weights, systems = results, topicsKeyphrasesSummaryArticlesPerSecond = Math.Round(speed.WallClock), topicsKeyphrasesSummaryArticlesPerCpuSecond = Math.Round(speed.CpuTime) }, EvalJson.Options));
            return ExitCodes.Ok;
        }

        Print(settings, records.Count, weights, results);
        AnsiConsole.MarkupLineInterpolated($"topics + keyphrases + summary: {speed.WallClock:F0} articles/s wall clock, {speed.CpuTime:F0} articles per CPU second (one thread)");
        return ExitCodes.Ok;
    }

    private static void Print(Settings settings, int articles, SummaryWeights weights, IReadOnlyList<RougeSummary> results)
    {
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { gold = settings.Gold, articles, stemmed = !settings.NoStem, weights, systems = results }, EvalJson.Options));
            return;
        }

        AnsiConsole.MarkupLineInterpolated($"{articles} articles; ROUGE F1 (%) on {(settings.NoStem ? "normalised words" : "light stems")}; weights {weights}");
        var table = new Table().AddColumns("system", "ROUGE-1", "ROUGE-2", "ROUGE-L", "sentences", "words");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.System), $"{r.Rouge1:F2}", $"{r.Rouge2:F2}", $"{r.RougeL:F2}", $"{r.MeanSentences:F2}", $"{r.MeanWords:F1}");
        }

        AnsiConsole.Write(table);
    }
}
