using System.Text.Json;
using Marsad.Errors;
using Marsad.Testing;

namespace Marsad.Cli.Tests;

/// <summary>`marsad analyze` end to end, through the real executable: outputs, errors and exit codes.</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sample(string name) => Path.Combine(SharedData.RepositoryRoot, "samples", name);

    [SkippableFact]
    public void SeedPageJsonHasTheExpectedArticleBlock()
    {
        var seed = SharedData.Require("seeds/000_4a4df9c2005a90e5.txt");
        var result = CliRunner.Run(null, "analyze", seed, "--json", "--date", "2023-09-04");
        Assert.Equal(0, result.ExitCode);

        using var json = JsonDocument.Parse(result.StdOut);
        var article = Assert.Single(json.RootElement.GetProperty("articles").EnumerateArray()).GetProperty("article");
        Assert.Equal("دولي", article.GetProperty("section").GetString());
        Assert.Equal(11, article.GetProperty("paragraphs").GetArrayLength());
        Assert.Equal("زعيم كوريا الشمالية كيم جونغ أون", Assert.Single(article.GetProperty("captions").EnumerateArray()).GetString());
        Assert.Equal(["هذا ما كشفته", "يقرأون الآن"], article.GetProperty("dropped").EnumerateArray().Select(d => d.GetProperty("text").GetString()));
        Assert.StartsWith("2023-09-04", article.GetProperty("publishedAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EverySampleAnalysesWithoutError()
    {
        var samples = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "samples"));
        Assert.True(samples.Length >= 5);
        var result = CliRunner.Run(null, ["analyze", .. samples, "--json", "--no-tokens"]);
        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.True(json.RootElement.GetProperty("articles").GetArrayLength() >= samples.Length);
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void BadInputsEachGetOneErrorLineAndTheRestIsProcessed()
    {
        var empty = Write("empty.txt", []);
        var png = Write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
        var truncated = Write("truncated.html", System.Text.Encoding.UTF8.GetBytes("<html><head><title>خبر</title></head><body><article><p>أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني وتشجيع الاستثمار في"));
        var badJsonl = Write("mixed.jsonl", System.Text.Encoding.UTF8.GetBytes("{\"title\": \"خبر\", \"text\": \"نص الخبر.\"}\n{not json\n"));
        var undecodable = Write("junk.txt", Enumerable.Range(0, 400).Select(i => (byte)(0x80 + (i * 7 % 0x40))).ToArray());
        var huge = Path.Combine(_dir, "huge.txt");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(51L * 1024 * 1024);
        }

        var missing = Path.Combine(_dir, "missing.html");
        var good = Sample("plain-statement.txt");

        var result = CliRunner.Run(null, "analyze", empty, png, truncated, badJsonl, undecodable, huge, missing, good, "--json", "--no-tokens");

        Assert.Equal(1, result.ExitCode);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains(empty, StringComparison.Ordinal) && l.Contains(ErrorCodes.Empty, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(png, StringComparison.Ordinal) && l.Contains(ErrorCodes.Binary, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(badJsonl + "#2", StringComparison.Ordinal) && l.Contains(ErrorCodes.MalformedRecord, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(undecodable, StringComparison.Ordinal) && l.Contains(ErrorCodes.Undecodable, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(huge, StringComparison.Ordinal) && l.Contains(ErrorCodes.TooLarge, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(missing, StringComparison.Ordinal) && l.Contains(ErrorCodes.NotFound, StringComparison.Ordinal));
        Assert.Equal(6, lines.Length);

        // The good inputs were still analysed: the truncated page, the valid JSONL line, the plain text.
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(3, json.RootElement.GetProperty("articles").GetArrayLength());
        Assert.Equal(6, json.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void ADateThatIsNotUnderstoodIsAWarningOnStderrAndTheArticleIsAnalysed()
    {
        var file = Write("dated.jsonl", System.Text.Encoding.UTF8.GetBytes("{\"title\": \"خبر\", \"text\": \"نص الخبر.\", \"date\": \"31/02/20x\"}\n"));
        var result = CliRunner.Run(null, "analyze", file, "--json", "--no-tokens");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"warning: {file}#1: {ErrorCodes.FieldNotUnderstood}", line, StringComparison.Ordinal);
        Assert.Contains("'31/02/20x'", line, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(1, json.RootElement.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public void StdinIsReadWithDash()
    {
        var result = CliRunner.Run("قال الوزير إن الخطة جاهزة.", "analyze", "-", "--json", "--no-tokens");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var article = Assert.Single(json.RootElement.GetProperty("articles").EnumerateArray()).GetProperty("article");
        Assert.Equal("-", article.GetProperty("origin").GetString());
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--date", "04/09/2023")]
    public void UsageErrorsExitWithTwo(string option, string value)
    {
        var result = CliRunner.Run(null, "analyze", Sample("plain-statement.txt"), option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(ErrorCodes.BadArgument, result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void MistypedOptionIsAUsageErrorNotIgnored()
    {
        var result = CliRunner.Run(null, "analyze", Sample("plain-statement.txt"), "--no-tokenz");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(ErrorCodes.BadArgument, result.StdErr, StringComparison.Ordinal);
        Assert.Contains("no-tokenz", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut);
    }

    [Fact]
    public void DanglingLinkIsNoSuchFileAndTheRestIsProcessed()
    {
        var link = Path.Combine(_dir, "gone.txt");
        File.CreateSymbolicLink(link, Path.Combine(_dir, "target-that-was-deleted.txt"));
        var result = CliRunner.Run(null, "analyze", link, Sample("plain-statement.txt"), "--json", "--no-tokens");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"marsad: {link}: {ErrorCodes.NotFound}: no such file", result.StdErr.Trim());
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(1, json.RootElement.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public void UnknownCommandExitsWithTwo() => Assert.Equal(2, CliRunner.Run(null, "analyse-this").ExitCode);

    [Fact]
    public void ReportNamesTheArticleFields()
    {
        var result = CliRunner.Run(null, "analyze", Sample("text-levant-energy.txt"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("اقتصاد", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("dropped (widget)", result.StdOut, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
