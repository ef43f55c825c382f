using System.ComponentModel;
using Marsad.Keyphrases;
using Marsad.Model;
using Marsad.Topics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad train keyphrases --train FILE… --stopwords FILE… --out FILE</summary>
public sealed class TrainKeyphrasesCommand : Command<TrainKeyphrasesCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--train <FILE>")]
        [Description("JSON Lines articles (title, text) to count document frequencies on; repeatable.")]
        public string[] Train { get; init; } = [];

        [CommandOption("--stopwords <FILE>")]
        [Description("Stop-word lists, one word a line (permissively licensed ones only: they ship in the model).")]
        public string[] StopWords { get; init; } = [];

        [CommandOption("--out <FILE>")]
        [Description("The statistics file to write (e.g. models/topics/keyphrases.tsv.gz).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Train.Length == 0 || Out is null ? ValidationResult.Error("give --train FILE (one or more) and --out FILE") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // The same text layer as the pipeline reads the training articles (train/serve parity of the word forms).
        var documents = settings.Train.SelectMany(TopicCorpus.Read).Select(r => new Article
        {
            Id = r.Id,
            Format = "jsonl",
            Headline = r.Title,
            Paragraphs = r.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        });
        var stop = settings.StopWords.SelectMany(File.ReadLines);
        var statistics = KeyphraseStatistics.Learn(documents, stop);
        statistics.Save(settings.Out!);
        AnsiConsole.MarkupLineInterpolated($"wrote [bold]{settings.Out}[/]: {statistics.Documents} documents, {statistics.WordCount} words");
        return ExitCodes.Ok;
    }
}
