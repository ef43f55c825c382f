using System.ComponentModel;
using System.Diagnostics;
using Marsad.Entities;
using Marsad.Entities.Features;
using Marsad.Entities.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad train ner --train FILE --dev FILE --out FILE [--lexicon FILE] [--gazetteers DIR] [--kb DIR] [--without GROUPS]</summary>
public sealed class TrainNerCommand : Command<TrainNerCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--train <FILE>")]
        [Description("Training sentences (CoNLL: token<TAB>tag, blank line between sentences).")]
        public string? Train { get; init; }

        [CommandOption("--dev <FILE>")]
        [Description("Dev sentences: the epoch is chosen on them.")]
        public string? Dev { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Where to write the model (gzip binary), e.g. models/ner/ner.model.gz.")]
        public string? Out { get; init; }

        [CommandOption("--lexicon <FILE>")]
        [Description("Word frequencies and clusters from `marsad train ner-lexicon` (optional).")]
        public string? Lexicon { get; init; }

        [CommandOption("--gazetteers <DIR>")]
        [Description("GATE Arabic gazetteer folder (optional).")]
        public string? Gazetteers { get; init; }

        [CommandOption("--kb <DIR>")]
        [Description("Folder with mledoze-countries/ and dr5hn-countries-states-cities/ (optional).")]
        public string? Kb { get; init; }

        [CommandOption("--with <GROUPS>")]
        [Description("Opt-in feature groups to add, comma-separated: subwords (n-gram vectors for words without one).")]
        public string? With { get; init; }

        [CommandOption("--without <GROUPS>")]
        [Description("Feature groups to leave out, comma-separated: word, clitics, affixes, shape, context, gazetteer, clusters, triggers, embeddings, adjectives.")]
        public string? Without { get; init; }

        [CommandOption("--epochs <N>")]
        [Description("Most epochs; the best on dev is kept.")]
        [DefaultValue(15)]
        public int Epochs { get; init; } = 15;

        [CommandOption("--min-count <N>")]
        [Description("Drop features seen fewer times in training.")]
        [DefaultValue(1)]
        public int MinCount { get; init; } = 1;

        [CommandOption("--dropout <P>")]
        [Description("Word dropout: probability of hiding a token's own word features in a training pass.")]
        [DefaultValue(0.0)]
        public double Dropout { get; init; }

        [CommandOption("--seed <N>")]
        [DefaultValue(7)]
        public int Seed { get; init; } = 7;

        [CommandOption("--dense-window <N>")]
        [Description("Neighbours on each side whose word vectors are dense features (needs a lexicon with vectors).")]
        [DefaultValue(1)]
        public int DenseWindow { get; init; } = 1;

        [CommandOption("--dense-scale <X>")]
        [Description("Factor on the word vector components (the perceptron step of the dense features).")]
        [DefaultValue(1f)]
        public float DenseScale { get; init; } = 1f;

        [CommandOption("--dense-dropout")]
        [Description("Word dropout also hides a token's own word vector.")]
        public bool DenseDropout { get; init; }

        [CommandOption("--train-on-dev")]
        [Description("Final model: train on train + dev for exactly --epochs epochs (chosen on dev beforehand); needs --consistency on|off.")]
        public bool TrainOnDev { get; init; }

        [CommandOption("--consistency <MODE>")]
        [Description("Document consistency: auto (chosen on dev), on or off.")]
        [DefaultValue("auto")]
        public string Consistency { get; init; } = "auto";

        [CommandOption("--fixed-epochs")]
        [Description("Run exactly --epochs epochs and keep the last weights (as --train-on-dev does); dev is only reported.")]
        public bool FixedEpochs { get; init; }

        [CommandOption("--outside-penalty <X>")]
        [Description("O-tag penalty as a fraction of the typical emission spread, instead of choosing it on dev.")]
        public float? OutsidePenalty { get; init; }

        [CommandOption("--seeds <N>")]
        [Description("Train with N shuffling seeds (--seed, --seed + 1, ...) and average their weights")]
        [DefaultValue(1)]
        public int Seeds { get; init; } = 1;

        [CommandOption("--crf-rate <X>")]
        [Description("CRF log-loss training (SGD, forward-backward under the BIO constraints) with learning rate X instead of the perceptron.")]
        public float? CrfRate { get; init; }

        public override ValidationResult Validate()
        {
            if (Train is null || Dev is null || Out is null)
            {
                return ValidationResult.Error("give --train FILE, --dev FILE and --out FILE");
            }

            foreach (var file in new[] { Train, Dev, Lexicon }.OfType<string>())
            {
                if (!File.Exists(file))
                {
                    return ValidationResult.Error($"file not found: {file}");
                }
            }

            foreach (var dir in new[] { Gazetteers, Kb }.OfType<string>())
            {
                if (!Directory.Exists(dir))
                {
                    return ValidationResult.Error($"folder not found: {dir}");
                }
            }

            if (Without is not null && NerFeatureGroupNames.TryParse(Without) is null)
            {
                return ValidationResult.Error($"unknown feature group in --without '{Without}'");
            }

            if (With is not null && NerFeatureGroupNames.TryParse(With) is null)
            {
                return ValidationResult.Error($"unknown feature group in --with '{With}'");
            }

            if (Consistency is not ("auto" or "on" or "off") || (TrainOnDev && Consistency == "auto"))
            {
                return ValidationResult.Error("--consistency must be auto, on or off, and on or off with --train-on-dev");
            }

            if (DenseWindow is < 0 or > 3 || DenseScale is <= 0 or > 100)
            {
                return ValidationResult.Error("--dense-window must be 0..3 and --dense-scale in (0, 100]");
            }

            return Epochs is < 1 or > 100 || MinCount < 1 || Seeds is < 1 or > 20 || Dropout is < 0 or >= 1
                ? ValidationResult.Error("--epochs must be 1..100, --min-count at least 1, --seeds 1..20 and --dropout in [0, 1)")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        void Log(string message) => AnsiConsole.MarkupLineInterpolated($"[grey]{clock.Elapsed:mm\\:ss}[/] {message}");
        var added = settings.With is null ? NerFeatureGroups.None : NerFeatureGroupNames.TryParse(settings.With)!.Value;
        var groups = (NerFeatureGroups.All | added) & ~(settings.Without is null ? NerFeatureGroups.None : NerFeatureGroupNames.TryParse(settings.Without)!.Value);
        var lexicon = settings.Lexicon is null ? NerLexicon.Empty : NerLexiconFile.Load(settings.Lexicon);
        var gazetteer = NerGazetteerBuilder.Build(settings.Gazetteers, settings.Kb, lexicon);
        Log($"lexicon {lexicon.Count} words, gazetteer {gazetteer.Count} phrases, features: {groups}");
        var train = NerCorpus.Read(settings.Train!);
        var dev = NerCorpus.Read(settings.Dev!);
        if (settings.TrainOnDev)
        {
            // Nothing is chosen on dev any more: the epoch count and the options come from earlier dev runs.
            train.AddRange(dev);
            dev = [];
            Log($"training on train + dev ({train.Count} sentences) for {settings.Epochs} epochs");
        }

        var trainer = new NerTrainer { MaxEpochs = settings.Epochs, MinFeatureCount = settings.MinCount, WordDropout = settings.Dropout, Seed = settings.Seed, Seeds = settings.Seeds, DenseWindow = settings.DenseWindow, DenseScale = settings.DenseScale, DenseDropout = settings.DenseDropout, FixedEpochs = settings.FixedEpochs || settings.TrainOnDev, OutsidePenalty = settings.OutsidePenalty, LogLossRate = settings.CrfRate };
        // Vectors for words the lexicon has none for, fitted to the lexicon's own vectors (seconds).
        var subwords = (groups & NerFeatureGroups.Subwords) != 0 && lexicon.VectorDimensions > 0 ? NerSubwordVectors.Fit(lexicon, progress: Log) : null;
        var model = trainer.Train(new NerFeatureExtractor(lexicon, gazetteer, groups, subwords), train, dev, Log);
        if (settings.Consistency == "auto")
        {
            var withoutConsistency = NerEvaluation.Run(model.WithDocumentConsistency(false), dev).Scores.Overall.F1;
            var withConsistency = NerEvaluation.Run(model.WithDocumentConsistency(true), dev).Scores.Overall.F1;
            Log($"document consistency on dev: off {withoutConsistency:F2}, on {withConsistency:F2}");
            model = model.WithDocumentConsistency(withConsistency > withoutConsistency);
        }
        else
        {
            model = model.WithDocumentConsistency(settings.Consistency == "on");
        }

        model.Save(settings.Out!);
        var size = new FileInfo(settings.Out!).Length;
        Log($"wrote {settings.Out} ({size / 1024.0 / 1024.0:F1} MB)");
        if (dev.Count == 0)
        {
            return ExitCodes.Ok;
        }

        var result = NerEvaluation.Run(NerModel.Load(settings.Out!), dev);
        Log($"dev (reloaded model): P {result.Scores.Overall.Precision:F2} R {result.Scores.Overall.Recall:F2} F1 {result.Scores.Overall.F1:F2}");
        return ExitCodes.Ok;
    }
}

/// <summary>Parses comma-separated feature group names for --without.</summary>
public static class NerFeatureGroupNames
{
    public static NerFeatureGroups? TryParse(string value)
    {
        var groups = NerFeatureGroups.None;
        foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<NerFeatureGroups>(name, ignoreCase: true, out var group) || group is NerFeatureGroups.All or NerFeatureGroups.None)
            {
                return null;
            }

            groups |= group;
        }

        return groups;
    }
}
