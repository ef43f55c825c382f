using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Ingest;
using Marsad.Json;
using Marsad.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad analyze FILE… [--format F] [--date YYYY-MM-DD] [--json]</summary>
public sealed class AnalyzeCommand : Command<AnalyzeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Pages to analyse; '-' reads standard input.")]
        public string[] Files { get; init; } = [];

        [CommandOption("-f|--format <FORMAT>")]
        [Description("auto (default: sniff the content), html, text, jsonl or rss.")]
        [DefaultValue("auto")]
        public string Format { get; init; } = "auto";

        [CommandOption("-d|--date <DATE>")]
        [Description("Publication date (YYYY-MM-DD) for pages that carry none; relative dates resolve against it.")]
        public string? Date { get; init; }

        [CommandOption("--json")]
        [Description("Print the JSON contract (docs/json-contract.md) instead of the report.")]
        public bool Json { get; init; }

        [CommandOption("--no-tokens")]
        [Description("With --json, leave the token layer out.")]
        public bool NoTokens { get; init; }

        [CommandOption("--models <DIR>")]
        [Description("The models folder (default: models/ beside the program).")]
        public string? Models { get; init; }

        public override ValidationResult Validate()
        {
            if (Files.Length == 0)
            {
                return ValidationResult.Error("give at least one FILE (or '-' for standard input)");
            }

            if (CliParsing.TryFormat(Format) is null)
            {
                return ValidationResult.Error($"unknown --format '{Format}': use auto, html, text, jsonl or rss");
            }

            if (Date is not null && CliParsing.TryDate(Date) is null)
            {
                return ValidationResult.Error($"--date '{Date}' is not a date (YYYY-MM-DD)");
            }

            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new ReadOptions
        {
            Format = CliParsing.TryFormat(settings.Format)!.Value,
            DefaultDate = settings.Date is null ? null : CliParsing.TryDate(settings.Date),
        };
        var pipeline = Pipelines.Default(MarsadModels.Locate(settings.Models));
        var documents = new List<AnalysisDocument>();
        var errors = new List<MarsadException>();
        foreach (var file in settings.Files)
        {
            foreach (var outcome in ArticleReaders.ReadPath(CliApp.InputPath(file), options))
            {
                if (outcome.Error is { } error)
                {
                    errors.Add(error);
                    Console.Error.WriteLine($"marsad: {error.ToLine()}");
                    continue;
                }

                if (outcome.Warning is { } warning)
                {
                    CliApp.WriteWarning(warning);
                }

                var doc = pipeline.Analyze(outcome.Article!);
                if (settings.Json)
                {
                    documents.Add(AnalysisDocument.From(doc, includeTokens: !settings.NoTokens));
                }
                else
                {
                    AnalysisReport.Write(AnsiConsole.Console, doc);
                }
            }
        }

        if (settings.Json)
        {
            var envelope = new AnalyzeOutput
            {
                Articles = documents,
                Errors = errors.Select(e => new ErrorDto(e.Input, e.Code, e.Message)).ToList(),
            };
            using var stdout = Console.OpenStandardOutput();
            JsonSerializer.Serialize(stdout, envelope, CliJson.Readable.AnalyzeOutput);
            stdout.WriteByte((byte)'\n');
        }

        return errors.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
    }
}

/// <summary>Parsing of option values shared by commands.</summary>
public static class CliParsing
{
    public static InputFormat? TryFormat(string value) => value.ToLowerInvariant() switch
    {
        "auto" => InputFormat.Auto,
        "html" or "htm" => InputFormat.Html,
        "text" or "txt" => InputFormat.Text,
        "jsonl" or "json" => InputFormat.Jsonl,
        "rss" or "atom" or "feed" => InputFormat.Rss,
        _ => null,
    };

    public static DateTimeOffset? TryDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;
}
