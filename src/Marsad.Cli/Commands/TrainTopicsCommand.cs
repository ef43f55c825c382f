using System.ComponentModel;
using Marsad.Topics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad train topics --train FILE… --dev FILE --out FILE [--exclude-source S] [hyper-parameters]</summary>
public sealed class TrainTopicsCommand : Command<TrainTopicsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--train <FILE>")]
        [Description("Labelled JSON Lines (ANT: category, title, text); repeat for several corpora.")]
        public string[] Train { get; init; } = [];

        [CommandOption("--train-labels <FILE=LABELS>")]
        [Description("Keep only these labels of one --train file, e.g. J/train.jsonl=Culture,Economy,Sports,Technology (comma-separated Marsad labels); repeatable.")]
        public string[] TrainLabels { get; init; } = [];

        [CommandOption("--dev <FILE>")]
        [Description("Dev JSON Lines: picks the epoch and fits the softmax temperature.")]
        public string? Dev { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("The model file to write (e.g. models/topics/topics.bin).")]
        public string? Out { get; init; }

        [CommandOption("--exclude-source <SOURCE>")]
        [Description("Leave one outlet out of train and dev (cross-outlet evaluation).")]
        public string? ExcludeSource { get; init; }

        [CommandOption("--epochs <N>")]
        [DefaultValue(8)]
        public int Epochs { get; init; } = 8;

        [CommandOption("--learning-rate <R>")]
        [DefaultValue(2f)]
        public float LearningRate { get; init; } = 2f;

        [CommandOption("--hash-bits <N>")]
        [DefaultValue(20)]
        public int HashBits { get; init; } = 20;

        [CommandOption("--words")]
        [Description("Also use normalised word forms (clitics kept) besides the stems.")]
        public bool Words { get; init; }

        [CommandOption("--word-bigrams")]
        [Description("Also use pairs of consecutive normalised word forms.")]
        public bool WordBigrams { get; init; }

        [CommandOption("--lead")]
        [Description("Also add the first paragraph's stems as features of their own.")]
        public bool Lead { get; init; }

        [CommandOption("--idf")]
        [Description("Weight content counts by inverse document frequency (learned on the training data).")]
        public bool Idf { get; init; }

        [CommandOption("--places")]
        [Description("Also add indicators of where the story happens (Arab world, other Middle East, elsewhere) in the headline and lead.")]
        public bool Places { get; init; }

        [CommandOption("--standfirst")]
        [Description("Also read the standfirst (abstract) as one more paragraph before the body when the body does not open with it.")]
        public bool Standfirst { get; init; }

        [CommandOption("--runs <N>")]
        [Description("Independent training runs (different example orders) whose weights are averaged.")]
        [DefaultValue(1)]
        public int Runs { get; init; } = 1;

        [CommandOption("--no-title")]
        [Description("Do not add the headline's stems as features of their own.")]
        public bool NoTitle { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Seed of the example order (and of outlet dropout).")]
        [DefaultValue(13)]
        public int Seed { get; init; } = 13;

        [CommandOption("--source-features")]
        [Description("Also learn outlet × stem features (used only when an article's outlet is known).")]
        public bool SourceFeatures { get; init; }

        [CommandOption("--source-dropout <P>")]
        [Description("With --source-features: the share of training examples that hide their outlet.")]
        [DefaultValue(0.5)]
        public double SourceDropout { get; init; } = 0.5;

        [CommandOption("--source-words")]
        [Description("With --source-features: also learn outlet × word-form features.")]
        public bool SourceWords { get; init; }

        [CommandOption("--nb-runs <N>")]
        [Description("Extra runs on naive-Bayes-scaled features (NB-LR), mixed with the plain runs into one linear model.")]
        [DefaultValue(0)]
        public int NaiveBayesRuns { get; init; }

        [CommandOption("--nb-smoothing <A>")]
        [Description("Additive smoothing of the naive-Bayes feature masses.")]
        [DefaultValue(0.1)]
        public double NaiveBayesSmoothing { get; init; } = 0.1;

        [CommandOption("--nb-share <S>")]
        [Description("The naive-Bayes runs' share of the mixed logits (0–1).")]
        [DefaultValue(0.5)]
        public double NaiveBayesShare { get; init; } = 0.5;

        [CommandOption("--fixed <K1,K2,T,TC[,TK,TKC]>")]
        [Description("Final model on train + dev: keep the last epoch and use these mix factors and temperatures (printed by a run on train only); with --knn also the two temperatures of the nearest-neighbour mix.")]
        public string? Fixed { get; init; }

        [CommandOption("--knn <K>")]
        [Description("Mix a vote of the K nearest training articles (cosine over the model's content features) into the linear model; the index is stored in the model (0 = none).")]
        [DefaultValue(0)]
        public int Neighbours { get; init; }

        [CommandOption("--knn-beta <B>")]
        [Description("With --knn: the weight of the neighbours' log-vote in the mix.")]
        [DefaultValue(0.3f)]
        public float NeighbourBeta { get; init; } = 0.3f;

        [CommandOption("--knn-query-features <N>")]
        [Description("With --knn: an article's largest features compared with the index.")]
        [DefaultValue(50)]
        public int NeighbourQueryFeatures { get; init; } = 50;

        [CommandOption("--knn-index-features <N>")]
        [Description("With --knn: each training article's largest features kept in the index.")]
        [DefaultValue(200)]
        public int NeighbourIndexFeatures { get; init; } = 200;

        [CommandOption("--convert <FILE>")]
        [Description("Re-save a topic model (e.g. one whose neighbour index is in the older MRSDTOP3 layout) in the current format to --out; no training.")]
        public string? Convert { get; init; }

        [CommandOption("--no-bigrams")]
        public bool NoBigrams { get; init; }

        public override ValidationResult Validate()
        {
            if (Convert is not null)
            {
                return Out is null || Train.Length > 0 || Dev is not null
                    ? ValidationResult.Error("--convert FILE takes only --out FILE (no --train or --dev)")
                    : ValidationResult.Success();
            }

            if (Train.Length == 0 || Dev is null || Out is null)
            {
                return ValidationResult.Error("give --train FILE (one or more), --dev FILE and --out FILE");
            }

            if (ParseTrainLabels(TrainLabels) is not { } kept || kept.Keys.Any(file => !Train.Contains(file)))
            {
                return ValidationResult.Error("--train-labels takes FILE=Label,Label… where FILE is one of the --train files");
            }

            if (HashBits is < 12 or > 24)
            {
                return ValidationResult.Error("--hash-bits must be between 12 and 24");
            }

            if (Epochs < 1 || LearningRate <= 0 || Runs < 1)
            {
                return ValidationResult.Error("--epochs, --learning-rate and --runs must be positive");
            }

            if (NaiveBayesRuns < 0 || NaiveBayesSmoothing <= 0 || NaiveBayesShare is < 0 or > 1)
            {
                return ValidationResult.Error("--nb-runs must be ≥ 0, --nb-smoothing positive and --nb-share between 0 and 1");
            }

            if (Fixed is not null && (ParseFixed(Fixed) is not { } calibration || (Neighbours > 0) != (calibration.NeighbourTemperature is not null)))
            {
                return ValidationResult.Error("--fixed takes four positive numbers: plain factor, naive-Bayes factor, temperature, temperature without outlet; with --knn six (the mix's temperatures with and without outlet)");
            }

            if (Neighbours < 0 || (Neighbours > 0 && (NeighbourBeta < 0 || NeighbourQueryFeatures < 1 || NeighbourIndexFeatures < 1)))
            {
                return ValidationResult.Error("--knn must be ≥ 0; with --knn, --knn-beta ≥ 0 and --knn-query-features, --knn-index-features ≥ 1");
            }

            if (SourceDropout is < 0 or > 1)
            {
                return ValidationResult.Error("--source-dropout must be between 0 and 1");
            }

            return ValidationResult.Success();
        }

        /// <summary>The labels kept per --train file, or null when an entry is not FILE=Label[,Label…].</summary>
        internal static Dictionary<string, HashSet<string>>? ParseTrainLabels(IEnumerable<string> entries)
        {
            var kept = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var split = entry.LastIndexOf('=');
                var labels = split > 0 ? entry[(split + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
                if (labels.Length == 0 || labels.Any(l => TopicLabels.FromCorpus(l) is null))
                {
                    return null;
                }

                kept[entry[..split]] = labels.Select(l => TopicLabels.FromCorpus(l)!).ToHashSet(StringComparer.Ordinal);
            }

            return kept;
        }

        internal static FixedCalibration? ParseFixed(string text)
        {
            var parts = text.Split(',');
            var values = new float[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!float.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out values[i]) || values[i] < 0)
                {
                    return null;
                }
            }

            return values.Length switch
            {
                4 when values[2] > 0 && values[3] > 0 => new FixedCalibration(values[0], values[1], values[2], values[3]),
                6 when values[2] > 0 && values[3] > 0 && values[4] > 0 && values[5] > 0 => new FixedCalibration(values[0], values[1], values[2], values[3], values[4], values[5]),
                _ => null,
            };
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Convert is { } source)
        {
            // Exact: the loaded model is what the file held (weights and IDF are half floats either way), re-saved (over
            // the source too: a save replaces the file whole).
            LinearTopicModel.Load(source).Save(settings.Out!);

            AnsiConsole.MarkupLineInterpolated($"converted [green]{source}[/] → [green]{settings.Out}[/] ({new FileInfo(settings.Out!).Length:N0} bytes)");
            return ExitCodes.Ok;
        }

        var keptLabels = Settings.ParseTrainLabels(settings.TrainLabels)!;
        var train = settings.Train.SelectMany(file => keptLabels.TryGetValue(file, out var kept)
            ? TopicCorpus.Read(file).Where(r => kept.Contains(r.Label))
            : TopicCorpus.Read(file));
        var dev = TopicCorpus.Read(settings.Dev!);
        var trainList = TopicEvaluation.FilterSource(train, settings.ExcludeSource, exclude: true);
        var devList = TopicEvaluation.FilterSource(dev, settings.ExcludeSource, exclude: true);
        var options = new TopicTrainingOptions
        {
            Epochs = settings.Epochs,
            LearningRate = settings.LearningRate,
            HashBits = settings.HashBits,
            StemBigrams = !settings.NoBigrams,
            TitleStems = !settings.NoTitle,
            Words = settings.Words,
            WordBigrams = settings.WordBigrams,
            LeadStems = settings.Lead,
            Idf = settings.Idf,
            Places = settings.Places,
            Standfirst = settings.Standfirst,
            Seed = settings.Seed,
            Runs = settings.Runs,
            SourceFeatures = settings.SourceFeatures,
            SourceDropout = settings.SourceDropout,
            SourceWords = settings.SourceWords,
            NaiveBayesRuns = settings.NaiveBayesRuns,
            NaiveBayesSmoothing = settings.NaiveBayesSmoothing,
            NaiveBayesShare = settings.NaiveBayesShare,
            Fixed = settings.Fixed is null ? null : Settings.ParseFixed(settings.Fixed),
            Neighbours = settings.Neighbours,
            NeighbourBeta = settings.NeighbourBeta,
            NeighbourQueryFeatures = settings.NeighbourQueryFeatures,
            NeighbourIndexFeatures = settings.NeighbourIndexFeatures,
        };
        var model = TopicTrainer.Train(trainList, devList, options, line => Console.Error.WriteLine(line));
        model.Save(settings.Out!);
        AnsiConsole.MarkupLineInterpolated($"wrote [bold]{settings.Out}[/] ({new FileInfo(settings.Out!).Length / 1024.0 / 1024.0:F1} MB): labels {string.Join(", ", model.Labels)}, temperature {model.Temperature:F2}");
        return ExitCodes.Ok;
    }
}
