using System.ComponentModel;
using System.Diagnostics;
using Marsad.Entities.Features;
using Marsad.Entities.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad train ner-lexicon --corpus FILE… --out FILE: word frequencies and clusters from unlabelled news.</summary>
public sealed class TrainNerLexiconCommand : Command<TrainNerLexiconCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--corpus <FILE>")]
        [Description("JSON Lines files with title/text fields (e.g. the ANT news corpora). Repeat for several.")]
        public string[] Corpus { get; init; } = [];

        [CommandOption("--out <FILE>")]
        [Description("Where to write the lexicon (gzip binary).")]
        public string? Out { get; init; }

        [CommandOption("--clusters <LIST>")]
        [Description("Cluster counts, comma-separated.")]
        [DefaultValue("64,256,1024")]
        public string Clusters { get; init; } = "64,256,1024";

        [CommandOption("--dim <N>")]
        [DefaultValue(64)]
        public int Dimensions { get; init; } = 64;

        [CommandOption("--epochs <N>")]
        [DefaultValue(2)]
        public int Epochs { get; init; } = 2;

        public override ValidationResult Validate()
        {
            if (Corpus.Length == 0 || Out is null)
            {
                return ValidationResult.Error("give --corpus FILE (one or more) and --out FILE");
            }

            var missing = Corpus.FirstOrDefault(f => !File.Exists(f));
            if (missing is not null)
            {
                return ValidationResult.Error($"corpus file not found: {missing}");
            }

            if (Clusters.Split(',').Any(c => !int.TryParse(c, out var k) || k < 2 || k > short.MaxValue))
            {
                return ValidationResult.Error("--clusters is a comma-separated list of counts between 2 and 32767");
            }

            return Dimensions is < 8 or > 512 || Epochs is < 1 or > 20
                ? ValidationResult.Error("--dim must be 8..512 and --epochs 1..20")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var trainer = new NerLexiconTrainer
        {
            ClusterCounts = settings.Clusters.Split(',').Select(int.Parse).ToArray(),
            Embeddings = new Word2Vec { Dimensions = settings.Dimensions, Epochs = settings.Epochs },
        };
        var texts = settings.Corpus.SelectMany(NerLexiconTrainer.ReadJsonLinesTexts);
        var lexicon = trainer.Train(texts, message => AnsiConsole.MarkupLineInterpolated($"[grey]{clock.Elapsed:mm\\:ss}[/] {message}"));
        NerLexiconFile.Save(lexicon, settings.Out!);
        AnsiConsole.MarkupLineInterpolated($"wrote {lexicon.Count} words to {settings.Out} in {clock.Elapsed:mm\\:ss}");
        return ExitCodes.Ok;
    }
}
