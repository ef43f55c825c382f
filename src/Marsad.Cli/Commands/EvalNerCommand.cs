using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Entities;
using Marsad.Entities.Neural;
using Marsad.Errors;
using Marsad.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad eval ner --gold FILE [--model FILE] [--json]: conlleval-style entity scores, plus load time and tagging speed.</summary>
public sealed class EvalNerCommand : Command<EvalNerCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gold <FILE>")]
        [Description("Gold sentences (CoNLL: token<TAB>tag, blank line between sentences).")]
        public string? Gold { get; init; }

        [CommandOption("--model <FILE>")]
        [Description("The model (default: ner/ner.model.gz in the models folder).")]
        public string? Model { get; init; }

        [CommandOption("--models <DIR>")]
        [Description("The models folder (default: models/ beside the program).")]
        public string? Models { get; init; }

        [CommandOption("--neural <FILE>")]
        [Description("A neural layer (`marsad train ner-neural`) to mix into the --model's scores (without --model, the models folder's ner/ner.neural.gz is used when present); several comma-separated files, trained over the same CRF, are averaged as one ensemble with the first file's mix.")]
        public string? Neural { get; init; }

        [CommandOption("--neural-mix <W>")]
        [Description("With --neural: the weight of the network scores added to the CRF's, instead of the one stored in the layer.")]
        public float? NeuralMix { get; init; }

        [CommandOption("--neural-only")]
        [Description("With --neural: tag with the network's scores alone (the CRF's ignored).")]
        public bool NeuralOnly { get; init; }

        [CommandOption("--outside-scale <F>")]
        [Description("Decode with the model's O-tag penalty multiplied by F (for measuring the penalty on dev).")]
        public float? OutsideScale { get; init; }

        [CommandOption("--predictions <FILE>")]
        [Description("Also write token, gold tag and predicted tag per line (CoNLL) for error analysis.")]
        public string? Predictions { get; init; }

        [CommandOption("--document-sentences <N>")]
        [Description("Sentences per pseudo-document (the corpus has no article boundaries); 0 tags every sentence alone.")]
        [DefaultValue(NerEvaluation.DefaultDocumentSentences)]
        public int DocumentSentences { get; init; } = NerEvaluation.DefaultDocumentSentences;

        [CommandOption("--json")]
        [Description("Print one JSON object: precision, recall, f1 (percent) and perType.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            Gold is null ? ValidationResult.Error("give --gold FILE")
            : !File.Exists(Gold) ? ValidationResult.Error($"file not found: {Gold}")
            : NeuralOnly && Neural is null ? ValidationResult.Error("--neural-only needs --neural FILE")
            : NeuralMix is { } mix && (Neural is null || NeuralOnly || !float.IsFinite(mix) || mix < 0) ? ValidationResult.Error("--neural-mix needs --neural FILE (not --neural-only) and a weight ≥ 0")
            : OutsideScale is { } scale && (!float.IsFinite(scale) || scale < 0) ? ValidationResult.Error("--outside-scale needs a number ≥ 0")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var models = MarsadModels.Locate(settings.Models);
        var path = settings.Model ?? models.PathOf(MentionAnnotator.ModelPath);
        var gold = NerCorpus.Read(settings.Gold!);
        if (gold.Count == 0)
        {
            throw new MarsadException(ErrorCodes.BadGold, "no sentence in the gold file (CoNLL: 'token TAB tag' per line, a blank line between sentences)", settings.Gold);
        }
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var load = Stopwatch.StartNew();
        // Without --model the tagger is the models folder's, neural layer included when it has one (as the pipeline tags).
        // With --neural the given layer replaces the folder's (which is not loaded, so the load figures are the pair's).
        var model = settings.Model is null && settings.Neural is null ? MentionAnnotator.LoadModel(models) : NerModel.Load(path);
        if (settings.Neural is not null)
        {
            var files = settings.Neural.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var layers = files.Select(f => NerNeuralLayer.Load(f, model.Extractor)).ToList();
            var layer = layers.Count == 1 ? layers[0] : NerNeuralLayer.Ensemble(layers, model.Extractor, layers[0].CrfWeight, layers[0].NeuralWeight);
            layer = settings.NeuralOnly ? layer.WithMix(model.Extractor, 0f, 1f)
                : settings.NeuralMix is { } mix ? layer.WithMix(model.Extractor, layer.CrfWeight, mix)
                : layer;
            model = model.WithNeural(layer);
        }

        if (settings.OutsideScale is { } outside)
        {
            model = model.WithOutsideBias(model.OutsideBias * outside);
        }

        load.Stop();
        loadCpu = Process.GetCurrentProcess().TotalProcessorTime - loadCpu;
        var result = NerEvaluation.Run(model, gold, settings.DocumentSentences);
        if (settings.Predictions is not null)
        {
            using var writer = new StreamWriter(settings.Predictions);
            for (var s = 0; s < gold.Count; s++)
            {
                for (var i = 0; i < gold[s].Tokens.Count; i++)
                {
                    writer.WriteLine($"{gold[s].Tokens[i]}\t{gold[s].Tags[i]}\t{result.Predictions[s][i]}");
                }

                writer.WriteLine();
            }
        }

        var rssMb = Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024.0;
        var scores = result.Scores;
        if (settings.Json)
        {
            var output = new EvalNerOutput(
                Round(scores.Overall.Precision),
                Round(scores.Overall.Recall),
                Round(scores.Overall.F1),
                scores.PerType.ToDictionary(p => p.Key, p => new EvalNerTypeOutput(Round(p.Value.Precision), Round(p.Value.Recall), Round(p.Value.F1), p.Value.Gold, p.Value.Predicted, p.Value.Correct)),
                scores.Overall.Gold,
                scores.Overall.Predicted,
                scores.Overall.Correct,
                result.Tokens,
                Math.Round(result.TokensPerSecond),
                Math.Round(result.TokensPerCpuSecond),
                Math.Round(load.Elapsed.TotalMilliseconds),
                Math.Round(loadCpu.TotalMilliseconds),
                Math.Round(rssMb));
            Console.WriteLine(JsonSerializer.Serialize(output, EvalNerJsonContext.Default.EvalNerOutput));
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("type", "precision", "recall", "F1", "gold", "predicted", "correct");
        foreach (var (type, s) in scores.PerType)
        {
            table.AddRow(type, F(s.Precision), F(s.Recall), F(s.F1), s.Gold.ToString(CultureInfo.InvariantCulture), s.Predicted.ToString(CultureInfo.InvariantCulture), s.Correct.ToString(CultureInfo.InvariantCulture));
        }

        var o = scores.Overall;
        table.AddRow("[bold]overall (micro)[/]", F(o.Precision), F(o.Recall), $"[bold]{F(o.F1)}[/]", o.Gold.ToString(CultureInfo.InvariantCulture), o.Predicted.ToString(CultureInfo.InvariantCulture), o.Correct.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"model {path}: {model.FeatureCount} features, loaded in {load.Elapsed.TotalMilliseconds:F0} ms ({loadCpu.TotalMilliseconds:F0} ms CPU); tagged {result.Tokens} tokens on one thread (features + decoding) in {result.TaggingTime.TotalMilliseconds:F0} ms = {result.TokensPerSecond:F0} tokens/s wall, {result.TaggingCpuTime.TotalMilliseconds:F0} ms CPU = {result.TokensPerCpuSecond:F0} tokens per CPU second; process RSS {rssMb:F0} MB");
        return ExitCodes.Ok;
    }

    private static double Round(double value) => Math.Round(value, 2);

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}

/// <summary>The JSON that `marsad eval ner --json` prints.</summary>
public sealed record EvalNerOutput(
    double Precision,
    double Recall,
    double F1,
    IReadOnlyDictionary<string, EvalNerTypeOutput> PerType,
    int Gold,
    int Predicted,
    int Correct,
    long Tokens,
    double TokensPerSecond,
    double TokensPerCpuSecond,
    double LoadMilliseconds,
    double LoadCpuMilliseconds,
    double RssMegabytes);

/// <summary>Scores of one entity type.</summary>
public sealed record EvalNerTypeOutput(double Precision, double Recall, double F1, int Gold, int Predicted, int Correct);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(EvalNerOutput))]
public sealed partial class EvalNerJsonContext : JsonSerializerContext
{
}
