using System.Text.Json;
using Marsad.Errors;

namespace Marsad.Cli.Tests;

/// <summary>The archive commands (ingest, search, serve) end to end, through the real executable: what users give them and what they answer.</summary>
public sealed class ArchiveCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-archive-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void StoriesArePagedWithOffsetAndATrueTotal()
    {
        var data = Path.Combine(_dir, "data");
        Assert.Equal(0, CliRunner.Run(null, "ingest", Path.Combine(Marsad.Testing.SharedData.RepositoryRoot, "samples"), "--data", data).ExitCode);
        using var all = JsonDocument.Parse(CliRunner.Run(null, "stories", "--data", data, "--min-size", "1", "--limit", "100", "--json").StdOut);
        var ids = all.RootElement.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToList();
        Assert.True(ids.Count >= 5, "the samples make at least five stories when singletons count");
        Assert.Equal(ids.Count, all.RootElement.GetProperty("total").GetInt32());

        var result = CliRunner.Run(null, "stories", "--data", data, "--min-size", "1", "--offset", "2", "--limit", "2", "--json");
        Assert.True(result.ExitCode == 0, result.StdErr);
        using var page = JsonDocument.Parse(result.StdOut);
        Assert.Equal(ids.Count, page.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(2, page.RootElement.GetProperty("offset").GetInt32());
        Assert.Equal(ids.Skip(2).Take(2), page.RootElement.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
        Assert.Equal(2, CliRunner.Run(null, "stories", "--data", data, "--offset", "-1").ExitCode);
    }

    [Fact]
    public void IngestWarnsOfADateItDoesNotUnderstandAndKeepsTheArticle()
    {
        var data = Path.Combine(_dir, "data");
        var file = Path.Combine(_dir, "dated.jsonl");
        File.WriteAllText(file, "{\"title\": \"الوزير يزور عمّان\", \"text\": \"قال الوزير إن الزيارة تبحث التعاون.\", \"date\": \"next Tuesday\"}\n");
        var result = CliRunner.Run(null, "ingest", file, "--data", data, "--json");
        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains($"warning: {file}#1: {ErrorCodes.FieldNotUnderstood}", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("'next Tuesday'", result.StdErr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(1, json.RootElement.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public void DashIngestsStandardInput()
    {
        var data = Path.Combine(_dir, "data");
        var result = CliRunner.Run("دولي\n\nالوزير يزور عمّان\n\nقال الوزير إن الزيارة تبحث التعاون في الطاقة.", "ingest", "-", "--data", data, "--json");
        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal(1, json.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public void DataThatIsAFileIsAnArchiveErrorNamingIt()
    {
        var file = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(file, "ملاحظات");
        var result = CliRunner.Run(null, "ingest", file, "--data", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"marsad: {file}: {ErrorCodes.Storage}: is a file: the archive is a folder (give --data a folder)", result.StdErr.Trim());
    }

    [Fact]
    public void ServeOnATakenPortSaysSoInOneLine()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var result = CliRunner.Run(null, "serve", "--data", Path.Combine(_dir, "archive"), "--urls", $"http://127.0.0.1:{port}");
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(ErrorCodes.BadArgument, line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.Ordinal);
    }

    [Fact]
    public void SearchWithFromAfterToIsAUsageError()
    {
        var result = CliRunner.Run(null, "search", "خطة", "--data", Path.Combine(_dir, "archive"), "--from", "2023-10-13", "--to", "2023-10-12");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(ErrorCodes.BadArgument, result.StdErr, StringComparison.Ordinal);
        Assert.Contains("after", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalStoriesWithAGoldThatNamesNoArchivedArticleFailsInsteadOfScoringZero()
    {
        var data = Path.Combine(_dir, "data");
        Assert.Equal(0, CliRunner.Run("قال الوزير إن الخطة جاهزة للتنفيذ هذا الأسبوع.", "ingest", "-", "--data", data).ExitCode);
        var gold = Path.Combine(_dir, "stories.tsv");
        File.WriteAllText(gold, "not-in-this-archive\tstory-1\nnor-this\tstory-1\n");
        var result = CliRunner.Run(null, "eval", "stories", "--data", data, "--gold", gold);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{gold}: MRS204: none of the 2 gold articles", result.StdErr, StringComparison.Ordinal);

        File.WriteAllText(gold, "# only a comment\n");
        var empty = CliRunner.Run(null, "eval", "stories", "--data", data, "--gold", gold);
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains($"{gold}: MRS204", empty.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalStoriesRefusesADatabaseItWouldIgnore()
    {
        var gold = Path.Combine(_dir, "stories-db.tsv");
        File.WriteAllText(gold, "a\tstory-1\n");
        var result = CliRunner.Run(null, "eval", "stories", "--db", "Host=127.0.0.1;Port=1;Database=x", "--gold", gold);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--db is not supported", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalSearchOnAnEmptyArchiveSaysSoInsteadOfCrashing()
    {
        var data = Path.Combine(_dir, "empty");
        Assert.Equal(1, CliRunner.Run(null, "ingest", Path.Combine(_dir, "nothing-here.txt"), "--data", data).ExitCode);
        var result = CliRunner.Run(null, "eval", "search", "--data", data);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{ErrorCodes.Storage}: the archive holds no indexed article", line, StringComparison.Ordinal);
    }
}
