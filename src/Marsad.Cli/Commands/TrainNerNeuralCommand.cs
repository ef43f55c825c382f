using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Marsad.Entities;
using Marsad.Entities.Neural;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad train ner-neural --train FILE --dev FILE --model CRF --out FILE: the BiLSTM-CRF layer over a trained CRF tagger.</summary>
public sealed class TrainNerNeuralCommand : Command<TrainNerNeuralCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--train <FILE>")]
        [Description("Training sentences (CoNLL).")]
        public string? Train { get; init; }

        [CommandOption("--dev <FILE>")]
        [Description("Dev sentences: the epoch and the mix weight are chosen on them.")]
        public string? Dev { get; init; }

        [CommandOption("--model <FILE>")]
        [Description("The trained CRF model (`marsad train ner`) whose features feed the network and whose scores it is mixed with.")]
        public string? Model { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Where to write the neural layer (gzip binary).")]
        public string? Out { get; init; }

        [CommandOption("--hidden <N>")]
        [Description("LSTM hidden size per direction.")]
        [DefaultValue(32)]
        public int Hidden { get; init; } = 32;

        [CommandOption("--ngram-dim <N>")]
        [DefaultValue(32)]
        public int NgramDimensions { get; init; } = 32;

        [CommandOption("--category-dim <N>")]
        [DefaultValue(16)]
        public int CategoryDimensions { get; init; } = 16;

        [CommandOption("--buckets <N>")]
        [Description("Hash buckets of the character n-gram table.")]
        [DefaultValue(65536)]
        public int Buckets { get; init; } = 65536;

        [CommandOption("--epochs <N>")]
        [DefaultValue(20)]
        public int Epochs { get; init; } = 20;

        [CommandOption("--patience <N>")]
        [Description("Stop when the best mixed dev F1 has not improved for N epochs.")]
        [DefaultValue(5)]
        public int Patience { get; init; } = 5;

        [CommandOption("--batch <N>")]
        [DefaultValue(16)]
        public int Batch { get; init; } = 16;

        [CommandOption("--rate <X>")]
        [Description("Adam learning rate.")]
        [DefaultValue(0.002f)]
        public float Rate { get; init; } = 0.002f;

        [CommandOption("--word-dropout <P>")]
        [DefaultValue(0.2)]
        public double WordDropout { get; init; } = 0.2;

        [CommandOption("--dropout <P>")]
        [Description("Dropout on the LSTM inputs.")]
        [DefaultValue(0.25)]
        public double Dropout { get; init; } = 0.25;

        [CommandOption("--mix <LIST>")]
        [Description("Weights of the network's scores added to the CRF's, tried on dev (comma-separated).")]
        [DefaultValue("0.25,0.5,0.75,1,1.5,2")]
        public string Mix { get; init; } = "0.25,0.5,0.75,1,1.5,2";

        [CommandOption("--train-on-dev")]
        [Description("Final layer: train on train + dev for exactly --epochs epochs with the one --mix weight chosen before.")]
        public bool TrainOnDev { get; init; }

        [CommandOption("--last-epoch")]
        [Description("Keep the network of the last epoch with the first --mix weight (dev is still scored every epoch) instead of the dev-best epoch and weight.")]
        public bool LastEpoch { get; init; }

        [CommandOption("--average-from <E>")]
        [Description("Keep the mean of the parameters at the end of epochs E … last (checkpoint averaging; implies --last-epoch). 0: off.")]
        [DefaultValue(0)]
        public int AverageFrom { get; init; }

        [CommandOption("--networks <K>")]
        [Description("Train an ensemble of K networks (seeds --seed, --seed + 1000, …) whose scores are averaged; needs exactly one --mix.")]
        [DefaultValue(1)]
        public int Networks { get; init; } = 1;

        [CommandOption("--seed <N>")]
        [DefaultValue(7)]
        public int Seed { get; init; } = 7;

        public override ValidationResult Validate()
        {
            if (Train is null || Dev is null || Model is null || Out is null)
            {
                return ValidationResult.Error("give --train FILE, --dev FILE, --model FILE and --out FILE");
            }

            foreach (var file in new[] { Train, Dev, Model })
            {
                if (!File.Exists(file))
                {
                    return ValidationResult.Error($"file not found: {file}");
                }
            }

            var mixes = ParseMixes(Mix);
            if (mixes is null || ((TrainOnDev || Networks > 1) && mixes.Length != 1))
            {
                return ValidationResult.Error("--mix must be comma-separated numbers (exactly one with --train-on-dev or --networks)");
            }

            if (AverageFrom < 0 || AverageFrom > Epochs)
            {
                return ValidationResult.Error("--average-from 0..--epochs");
            }

            if (Networks is < 1 or > 16)
            {
                return ValidationResult.Error("--networks 1..16");
            }

            return Hidden is < 1 or > 512 || Epochs is < 1 or > 200 || Batch < 1 || Rate <= 0 || WordDropout is < 0 or >= 1 || Dropout is < 0 or >= 1
                    || Buckets is < 1 or > (1 << 24) || NgramDimensions is < 1 or > 256 || CategoryDimensions is < 1 or > 256
                ? ValidationResult.Error("--hidden 1..512, --epochs 1..200, --batch ≥ 1, --rate > 0, dropouts in [0, 1), --buckets 1..2^24, --ngram-dim and --category-dim 1..256")
                : ValidationResult.Success();
        }

        internal static float[]? ParseMixes(string value)
        {
            var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var mixes = new float[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out mixes[i]) || !float.IsFinite(mixes[i]) || mixes[i] < 0)
                {
                    return null;
                }
            }

            return mixes.Length == 0 ? null : mixes;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        void Log(string message) => AnsiConsole.MarkupLineInterpolated($"[grey]{clock.Elapsed:mm\\:ss}[/] {message}");
        var crf = NerModel.Load(settings.Model!);
        var train = NerCorpus.Read(settings.Train!);
        var dev = NerCorpus.Read(settings.Dev!);
        if (settings.TrainOnDev)
        {
            train.AddRange(dev);
            dev = [];
            Log($"training on train + dev ({train.Count} sentences) for {settings.Epochs} epochs");
        }

        var layers = new List<NerNeuralLayer>();
        var tokensPerCpuSecond = new List<double>();
        for (var m = 0; m < settings.Networks; m++)
        {
            if (settings.Networks > 1)
            {
                Log($"network {m + 1} of {settings.Networks}, seed {settings.Seed + (1000 * m)}");
            }

            var (one, speed) = TrainOne(settings, crf, train, dev, settings.Seed + (1000 * m), Log);
            layers.Add(one);
            tokensPerCpuSecond.Add(speed);
        }

        var layer = layers.Count == 1 ? layers[0] : NerNeuralLayer.Ensemble(layers, crf.Extractor, 1f, Settings.ParseMixes(settings.Mix)![0]);
        layer.Save(settings.Out!);
        Log($"wrote {settings.Out} ({new FileInfo(settings.Out!).Length / 1024.0 / 1024.0:F1} MB); training {tokensPerCpuSecond.Average():F0} tokens per CPU second");
        if (dev.Count == 0)
        {
            return ExitCodes.Ok;
        }

        var reloaded = crf.WithNeural(NerNeuralLayer.Load(settings.Out!, crf.Extractor));
        var result = NerEvaluation.Run(reloaded, dev);
        Log($"dev (reloaded, mixed): P {result.Scores.Overall.Precision:F2} R {result.Scores.Overall.Recall:F2} F1 {result.Scores.Overall.F1:F2}; {result.TokensPerCpuSecond:F0} tokens per CPU second tagging");
        return ExitCodes.Ok;
    }

    private static (NerNeuralLayer Layer, double TokensPerCpuSecond) TrainOne(Settings settings, NerModel crf, List<NerSentence> train, List<NerSentence> dev, int seed, Action<string> log)
    {
        var trainer = new NerNeuralTrainer
        {
            Hidden = settings.Hidden,
            NgramBuckets = settings.Buckets,
            NgramDimensions = settings.NgramDimensions,
            CategoryDimensions = settings.CategoryDimensions,
            Epochs = settings.Epochs,
            Patience = settings.TrainOnDev ? int.MaxValue : settings.Patience,
            BatchSize = settings.Batch,
            LearningRate = settings.Rate,
            WordDropout = settings.WordDropout,
            InputDropout = settings.Dropout,
            Mixes = Settings.ParseMixes(settings.Mix)!,
            Seed = seed,
            KeepLastEpoch = settings.LastEpoch,
            AverageFrom = settings.AverageFrom,
        };
        var layer = trainer.Train(crf, train, dev, log);
        return (layer, trainer.TrainingTokensPerCpuSecond);
    }
}
