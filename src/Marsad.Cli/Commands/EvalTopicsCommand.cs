using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Pipeline;
using Marsad.Topics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad eval topics --gold FILE [--model FILE] [--source S] [--baseline-train FILE] [--json]</summary>
public sealed class EvalTopicsCommand : Command<EvalTopicsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("Labelled JSON Lines (category, title, text).")]
        public string? Gold { get; init; }

        [CommandOption("--model <FILE>")]
        [Description("The topic model (default: topics/topics.bin in the models folder).")]
        public string? Model { get; init; }

        [CommandOption("--source <SOURCE>")]
        [Description("Score only the articles of this outlet.")]
        public string? Source { get; init; }

        [CommandOption("--baseline-train <FILE>")]
        [Description("Also train the naive Bayes baseline (plain words) on this file and score it.")]
        public string? BaselineTrain { get; init; }

        [CommandOption("--ignore-source")]
        [Description("Hide each article's outlet from the model (content only).")]
        public bool IgnoreSource { get; init; }

        [CommandOption("--predictions <FILE>")]
        [Description("Write one JSON line per article: id, source, gold label, predicted label and its probability.")]
        public string? Predictions { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }

        [CommandOption("--knn-query-features <N>")]
        [Description("For measuring a model trained with --knn: compare the article's N largest features with the index instead of the stored number.")]
        public int? KnnQueryFeatures { get; init; }

        [CommandOption("--knn-harness <TRAIN>")]
        [Description("Measuring harness: a nearest-neighbour vote over these training articles, alone and mixed with the model (prints a grid).")]
        public string? KnnHarness { get; init; }

        [CommandOption("--knn-top <Q:I,Q:I>")]
        [Description("With --knn-harness: truncate the query's and the indexed articles' vectors to their Q and I largest features (0 = all).")]
        public string KnnTop { get; init; } = "0:0,100:100";

        [CommandOption("--mlp-harness <TRAIN>")]
        [Description("Measuring harness (issue #7): a one-hidden-layer network trained on these articles, alone and mixed with the model(s) (--mlp-models).")]
        public string? MlpHarness { get; init; }

        [CommandOption("--mlp-models <M1,M2>")]
        [Description("With --mlp-harness: the models to mix with, one per seed of --mlp-seeds (default: --model).")]
        public string? MlpModels { get; init; }

        [CommandOption("--mlp-seeds <S1,S2>")]
        [Description("With --mlp-harness: the networks' seeds, one per model.")]
        public string MlpSeeds { get; init; } = "13";

        [CommandOption("--mlp-hidden <H1,H2>")]
        [Description("With --mlp-harness: hidden sizes to try (multiples of 16).")]
        public string MlpHidden { get; init; } = "128";

        [CommandOption("--mlp-epochs <N>")]
        [Description("With --mlp-harness: epochs (the best one on dev is kept).")]
        public int MlpEpochs { get; init; } = 8;

        [CommandOption("--mlp-rate <R>")]
        [Description("With --mlp-harness: the initial step size, decaying linearly to 0.")]
        public float MlpRate { get; init; } = 0.2f;

        [CommandOption("--mlp-dropout <P>")]
        [Description("With --mlp-harness: dropout on the hidden units.")]
        public float MlpDropout { get; init; } = 0.5f;

        [CommandOption("--mlp-min-count <N>")]
        [Description("With --mlp-harness: an input bucket gets a row if it occurs in at least N train articles.")]
        public int MlpMinCount { get; init; } = 2;

        [CommandOption("--mlp-init <S>")]
        [Description("With --mlp-harness: the spread of the input weights at the start.")]
        public float MlpInit { get; init; } = 0.1f;

        [CommandOption("--mlp-no-outlet")]
        [Description("With --mlp-harness: the network reads the content only.")]
        public bool MlpNoOutlet { get; init; }

        [CommandOption("--mlp-members <N>")]
        [Description("With --mlp-harness: networks of different seeds whose logits are averaged.")]
        public int MlpMembers { get; init; } = 1;

        [CommandOption("--mlp-adagrad")]
        [Description("With --mlp-harness: Adagrad steps (row-wise for the input rows) instead of plain SGD.")]
        public bool MlpAdagrad { get; init; }

        [CommandOption("--pair-harness <TRAIN>")]
        [Description("Measuring harness (issue #7): a second-stage model for two labels (--pair-labels), trained on these articles with the shipped recipe, re-splitting the model(s)' mass on the pair (--pair-models).")]
        public string? PairHarness { get; init; }

        [CommandOption("--pair-models <M1,M2>")]
        [Description("With --pair-harness: the models, one per seed of --pair-seeds (default: --model).")]
        public string? PairModels { get; init; }

        [CommandOption("--pair-seeds <S1,S2>")]
        [Description("With --pair-harness: the pair models' seeds, one per model.")]
        public string PairSeeds { get; init; } = "13";

        [CommandOption("--pair-labels <L1,L2>")]
        [Description("With --pair-harness: the two labels.")]
        public string PairLabels { get; init; } = "International,MiddleEast";

        [CommandOption("--pair-runs <N>")]
        [Description("With --pair-harness: plain and naive-Bayes-scaled runs of the pair model (each).")]
        public int PairRuns { get; init; } = 3;

        [CommandOption("--pair-source-dropout <P>")]
        [Description("With --pair-harness: the share of the pair model's training examples that hide their outlet.")]
        public double PairSourceDropout { get; init; } = 0.5;

        [CommandOption("--pair-knn <K>")]
        [Description("With --pair-harness: the pair model's own nearest-neighbour vote over the pair's train articles (0 = none).")]
        public int PairNeighbours { get; init; }

        public override ValidationResult Validate()
        {
            if (Gold is null)
            {
                return ValidationResult.Error("give --gold FILE");
            }

            // The harnesses train for minutes before they would meet a bad option: the options are checked first.
            if (MlpHarness is not null)
            {
                return NotAnInteger(MlpSeeds) is { } badMlpSeed ? ValidationResult.Error($"--mlp-seeds: '{badMlpSeed}' is not an integer")
                    : NotAnInteger(MlpHidden) is { } badHidden ? ValidationResult.Error($"--mlp-hidden: '{badHidden}' is not an integer")
                    : ValidationResult.Success();
            }

            if (PairHarness is null)
            {
                return ValidationResult.Success();
            }

            var seeds = PairSeeds.Split(',');
            if (NotAnInteger(PairSeeds) is { } badSeed)
            {
                return ValidationResult.Error($"--pair-seeds: '{badSeed}' is not an integer");
            }

            var models = PairModels?.Split(',').Length ?? 1;
            if (seeds.Length != models)
            {
                return ValidationResult.Error($"--pair-seeds gives {seeds.Length} seeds for {models} model(s) of --pair-models (default: --model): one seed per model");
            }

            var labels = PairLabels.Split(',');
            if (labels.Length != 2 || labels.Any(string.IsNullOrWhiteSpace) || labels[0] == labels[1])
            {
                return ValidationResult.Error($"--pair-labels: two different labels, not '{PairLabels}'");
            }

            return PairRuns < 1 ? ValidationResult.Error("--pair-runs: at least 1")
                : PairSourceDropout is < 0 or > 1 ? ValidationResult.Error("--pair-source-dropout: a share between 0 and 1")
                : PairNeighbours < 0 ? ValidationResult.Error("--pair-knn: 0 or more")
                : ValidationResult.Success();
        }

        /// <summary>The first item of a comma-separated list that is not an integer, or null.</summary>
        private static string? NotAnInteger(string list) =>
            list.Split(',').FirstOrDefault(s => !int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out _));

        /// <summary>A comma-separated list of integers, checked by <see cref="Validate"/>.</summary>
        public static int[] Integers(string list) => list.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    }

    private const string Harnesses = "the measuring harnesses do not read";

    private static LinearTopicModel LoadForHarness(string path) => TopicStandfirst.RefuseWithoutStandfirst(LinearTopicModel.Load(path), path, Harnesses);

    private static readonly JsonSerializerOptions PredictionJson = new(EvalJson.Options) { WriteIndented = false };

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var gold = TopicEvaluation.FilterSource(TopicCorpus.Read(settings.Gold!), settings.Source);
        var modelPath = settings.Model ?? MarsadModels.Locate().PathOf(TopicAnnotator.ModelFile);

        // The two harnesses load their own model lists (the --model by default), so the --model is loaded once, below.
        if (settings.MlpHarness is not null)
        {
            var models = (settings.MlpModels ?? modelPath).Split(',').Select(LoadForHarness).ToArray();
            var seeds = Settings.Integers(settings.MlpSeeds);
            var harness = new HiddenLayerHarnessSettings(Settings.Integers(settings.MlpHidden), settings.MlpEpochs, settings.MlpRate, settings.MlpDropout, settings.MlpMinCount, settings.MlpInit, settings.MlpAdagrad, !settings.MlpNoOutlet, settings.MlpMembers);
            Console.Write(TopicHiddenLayerHarness.Run(models, seeds, TopicCorpus.Read(settings.MlpHarness), gold, harness, Console.Error.WriteLine));
            return ExitCodes.Ok;
        }

        if (settings.PairHarness is not null)
        {
            var models = (settings.PairModels ?? modelPath).Split(',').Select(LoadForHarness).ToArray();
            var seeds = Settings.Integers(settings.PairSeeds);
            string output;
            try
            {
                output = TopicPairHarness.Run(
                    models, seeds, TopicCorpus.Read(settings.PairHarness), gold, settings.PairLabels.Split(','),
                    settings.PairRuns, settings.PairSourceDropout, settings.PairNeighbours, Console.Error.WriteLine);
            }
            catch (ArgumentException e)
            {
                // Labels of --pair-labels, --gold or --pair-harness that the model(s) or the pair's train articles lack.
                var input = e.ParamName switch { "dev" => settings.Gold, "train" => settings.PairHarness, "models" => settings.PairModels, _ => settings.PairModels ?? modelPath };
                throw new MarsadException(ErrorCodes.BadArgument, $"--pair-harness: {e.Message.Split(" (Parameter")[0]}", input);
            }

            Console.Write(output);
            return ExitCodes.Ok;
        }

        var model = LinearTopicModel.Load(modelPath);
        if (settings.KnnQueryFeatures is { } queryFeatures && model.NeighbourSettings is { } knn)
        {
            model = model.WithNeighbourSettings(knn with { QueryFeatures = queryFeatures });
        }

        if (settings.KnnHarness is not null)
        {
            var top = settings.KnnTop.Split(',').Select(t => t.Split(':')).Select(t => (int.Parse(t[0]), int.Parse(t[^1]))).ToArray();
            Console.Write(TopicNeighbourHarness.Run(TopicStandfirst.RefuseWithoutStandfirst(model, modelPath, Harnesses), TopicCorpus.Read(settings.KnnHarness), gold, top));
            return ExitCodes.Ok;
        }

        using var predictions = settings.Predictions is null ? null : new StreamWriter(settings.Predictions);
        var (report, cost, calibration) = TopicEvaluation.Evaluate(model, gold, useSource: !settings.IgnoreSource, (record, topics) =>
            predictions?.WriteLine(JsonSerializer.Serialize(new { id = record.Id, source = record.Source, gold = record.Label, predicted = topics[0].Label, probability = topics[0].Score }, PredictionJson)));
        ClassificationReport? baseline = null;
        if (settings.BaselineTrain is not null)
        {
            var trainRecords = TopicEvaluation.FilterSource(TopicCorpus.Read(settings.BaselineTrain), null);
            baseline = TopicEvaluation.EvaluateBaseline(NaiveBayesBaseline.Train(trainRecords), gold);
        }

        if (settings.Json)
        {
            var output = new { gold = settings.Gold, model = modelPath, source = settings.Source, classifier = cost, calibration, marsad = report, naiveBayes = baseline };
            Console.WriteLine(JsonSerializer.Serialize(output, EvalJson.Options));
            return ExitCodes.Ok;
        }

        Write("Marsad", report);
        AnsiConsole.MarkupLineInterpolated($"classifier (text layer run beforehand, one thread): {cost.MicrosecondsPerArticle:F0} µs/article wall, {cost.CpuMicrosecondsPerArticle:F0} µs/article process CPU, {cost.BytesPerArticle / 1024:F1} KB allocated/article");
        AnsiConsole.MarkupLineInterpolated($"calibration: expected calibration error {calibration.ExpectedCalibrationError * 100:F2} points (10 bins; top-label probability vs accuracy)");
        if (baseline is not null)
        {
            Write("naive Bayes (plain words)", baseline);
        }

        return ExitCodes.Ok;
    }

    private static void Write(string title, ClassificationReport report)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{title}[/]: {report.Count} articles, accuracy {report.Accuracy:P2}, macro-F1 {report.MacroF1 * 100:F2}");
        var table = new Table().AddColumns("label", "support", "P", "R", "F1");
        foreach (var s in report.Labels)
        {
            table.AddRow(s.Label, s.Support.ToString(), $"{s.Precision * 100:F1}", $"{s.Recall * 100:F1}", $"{s.F1 * 100:F1}");
        }

        AnsiConsole.Write(table);
        var confusion = new Table().AddColumn("gold \\ predicted");
        foreach (var label in report.MatrixLabels)
        {
            confusion.AddColumn(label);
        }

        for (var i = 0; i < report.MatrixLabels.Count; i++)
        {
            confusion.AddRow([report.MatrixLabels[i], .. report.Confusion[i].Select(n => n.ToString())]);
        }

        AnsiConsole.Write(confusion);
    }
}
