using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Errors;
using Marsad.Ingest.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad eval extract --pages DIR [--json]: main-text F1 and publication dates, Marsad beside SmartReader alone.</summary>
public sealed class EvalExtractCommand : Command<EvalExtractCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--pages <DIR>")]
        [Description("Folder of saved HTML pages with gold files (e.g. ../shared/data/html-pages).")]
        public string? Pages { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object instead of the table.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Pages) ? ValidationResult.Error("give --pages DIR") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var pages = GoldPageLoader.Load(settings.Pages!);
        if (pages.Count == 0)
        {
            throw new MarsadException(ErrorCodes.BadGold, "no page with gold found (see `marsad eval extract --help`)", settings.Pages);
        }

        var report = ExtractionEvaluator.Evaluate(pages);
        if (settings.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            JsonSerializer.Serialize(stdout, report, EvalExtractJson.Readable.ExtractionReport);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            Write(AnsiConsole.Console, report);
        }

        var failed = report.Pages.Any(p => p.Marsad.Error is not null);
        return failed ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    private static void Write(IAnsiConsole console, ExtractionReport report)
    {
        var table = new Table().AddColumns("page", "gold", "Marsad F1", "SmartReader F1", "Marsad date", "SmartReader date", "snippets M/S");
        foreach (var page in report.Pages)
        {
            table.AddRow(
                Markup.Escape(page.Page),
                Markup.Escape(Gold(page)),
                F1(page.Marsad),
                F1(page.SmartReader),
                Date(page.Marsad),
                Date(page.SmartReader),
                page.Marsad.SnippetsTotal is { } total ? $"{page.Marsad.SnippetsPassed}/{total} · {page.SmartReader.SnippetsPassed}/{total}" : "");
        }

        console.Write(table);
        console.WriteLine(Summary("Marsad", report.Marsad));
        console.WriteLine(Summary("SmartReader", report.SmartReader));
        foreach (var page in report.Pages.Where(p => p.Marsad.Error is not null))
        {
            console.WriteLine($"marsad: {page.Marsad.Error}");
        }
    }

    private static string Gold(PageResult page) =>
        string.Join(" + ", new[]
        {
            page.GoldText == GoldTextKind.None ? null : page.GoldText.ToString().ToLowerInvariant() + " text",
            page.GoldDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }.OfType<string>());

    private static string F1(SystemResult result) =>
        result.Text is { } t ? $"{t.F1:0.000} (P {t.Precision:0.00} R {t.Recall:0.00})" : "";

    private static string Date(SystemResult result) => result.DateRight switch
    {
        null => "",
        true => $"[green]{result.Date:yyyy-MM-dd}[/]",
        false => $"[red]{(result.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "none")}[/]",
    };

    private static string Summary(string system, SystemSummary s) => string.Create(
        CultureInfo.InvariantCulture,
        $"{system}: body-token F1 mean {s.MeanF1:0.000}, min {s.MinF1:0.000}, {s.PagesAtGoal}/{s.PagesWithText} pages ≥ {ExtractionEvaluator.F1Goal}; dates right {s.DatesRight}/{s.PagesWithDate}; snippets {s.SnippetsPassed}/{s.SnippetsTotal}");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ExtractionReport))]
internal sealed partial class EvalExtractJsonContext : JsonSerializerContext
{
}

/// <summary>The eval-extract serializer with Arabic written as-is rather than \uXXXX.</summary>
internal static class EvalExtractJson
{
    public static EvalExtractJsonContext Readable { get; } = new(new JsonSerializerOptions(EvalExtractJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
