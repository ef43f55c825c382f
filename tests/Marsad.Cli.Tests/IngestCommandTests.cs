using System.Text.Json;
using Marsad.Errors;

namespace Marsad.Cli.Tests;

/// <summary>`marsad ingest` end to end, through the real executable: inputs users give it and what it answers.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-ingest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

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
}
