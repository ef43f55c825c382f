using System.ComponentModel;
using Marsad.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad train segmenter --corpus FILE… [--gazetteers DIR] [--kb FILE…] [--out DIR]</summary>
public sealed class TrainSegmenterCommand : Command<TrainSegmenterCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--corpus <FILE>")]
        [Description("News text as JSON Lines with title and text (ANT train splits). Repeat for several files.")]
        public string[] Corpus { get; init; } = [];

        [CommandOption("--gazetteers <DIR>")]
        [Description("Folder of GATE Arabic gazetteer lists (names stay whole). Repeatable.")]
        public string[] Gazetteers { get; init; } = [];

        [CommandOption("--kb <FILE>")]
        [Description("mledoze countries.json or dr5hn cities_ar_en.tsv (names stay whole). Repeatable.")]
        public string[] KnowledgeBase { get; init; } = [];

        [CommandOption("--min-count <N>")]
        [Description("Keep word forms seen at least N times (default 2).")]
        [DefaultValue(2)]
        public int MinCount { get; init; } = 2;

        [CommandOption("--out <DIR>")]
        [Description("Output folder (default src/Marsad.Text/Resources, where the shipped lexicon is embedded from).")]
        [DefaultValue("src/Marsad.Text/Resources")]
        public string Output { get; init; } = "src/Marsad.Text/Resources";

        public override ValidationResult Validate()
        {
            if (Corpus.Length == 0)
            {
                return ValidationResult.Error("give at least one --corpus FILE");
            }

            return MinCount < 1 ? ValidationResult.Error("--min-count must be at least 1") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = SegmenterTrainer.Train(
            new SegmenterTrainingOptions
            {
                Corpora = settings.Corpus,
                Gazetteers = settings.Gazetteers,
                KnowledgeBase = settings.KnowledgeBase,
                MinCount = settings.MinCount,
                Output = settings.Output,
            },
            Console.Error);
        AnsiConsole.MarkupLineInterpolated(
            $"{result.Documents:N0} documents, {result.Words:N0} words, {result.Forms:N0} forms kept, {result.Names:N0} names → {result.CountsPath}, {result.NamesPath}");
        return ExitCodes.Ok;
    }
}
