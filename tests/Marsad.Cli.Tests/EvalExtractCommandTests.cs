using System.Text.Json;
using Marsad.Testing;

namespace Marsad.Cli.Tests;

/// <summary>`marsad eval extract` end to end: gold formats, the JSON object, Marsad beside SmartReader, usage errors.</summary>
public sealed class EvalExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-eval-extract-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ScoresATeamPageWithTextGoldAndDateGold()
    {
        var pages = Directory.CreateDirectory(Path.Combine(_dir, "pages")).FullName;
        File.Copy(Path.Combine(SharedData.RepositoryRoot, "samples", "html-egypt-sports.html"), Path.Combine(pages, "sports.html"));
        var html = File.ReadAllText(Path.Combine(pages, "sports.html"));
        // Gold text: the five body paragraphs as the page holds them.
        var gold = string.Join("\n\n", System.Text.RegularExpressions.Regex.Matches(html, "<p>(حقق|وافتتح|وبهذا|وقال|في المقابل)[^<]*</p>").Select(m => m.Value[3..^4]));
        File.WriteAllText(Path.Combine(pages, "sports.gold.txt"), gold);
        File.WriteAllText(Path.Combine(pages, "gold_dates.json"), """[{"file": "sports.html", "date": "2024-05-11"}]""");

        var result = CliRunner.Run(null, "eval", "extract", "--pages", pages, "--json");
        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var page = Assert.Single(json.RootElement.GetProperty("pages").EnumerateArray());
        Assert.Equal("sports.html", page.GetProperty("page").GetString());
        Assert.True(page.GetProperty("marsad").GetProperty("text").GetProperty("f1").GetDouble() >= 0.97);
        Assert.True(page.GetProperty("marsad").GetProperty("dateRight").GetBoolean());
        Assert.True(page.GetProperty("smartReader").TryGetProperty("text", out _));
        Assert.Equal(1, json.RootElement.GetProperty("marsad").GetProperty("datesRight").GetInt32());
    }

    [SkippableFact]
    public void RealPagesReportBothSystems()
    {
        var pages = SharedData.Require("data/html-pages");
        var result = CliRunner.Run(null, "eval", "extract", "--pages", pages);
        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("Marsad: body-token F1", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("SmartReader: body-token F1", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPagesOptionIsAUsageError()
    {
        var result = CliRunner.Run(null, "eval", "extract");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void MissingFolderIsAnError()
    {
        var result = CliRunner.Run(null, "eval", "extract", "--pages", Path.Combine(_dir, "nope"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MRS101", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileGivenAsPagesIsAUsageErrorSayingSo()
    {
        var file = Path.Combine(_dir, "page.html");
        File.WriteAllText(file, "<html></html>");
        var result = CliRunner.Run(null, "eval", "extract", "--pages", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MRS201: is a file", result.StdErr, StringComparison.Ordinal);
    }
}
