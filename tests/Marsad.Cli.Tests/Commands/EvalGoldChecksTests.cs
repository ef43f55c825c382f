using Marsad.Errors;

namespace Marsad.Cli.Tests.Commands;

/// <summary>An eval command given a gold with nothing to score fails with MRS204; it never prints scores over nothing.</summary>
public sealed class EvalGoldChecksTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-eval-gold-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void EvalTimeWithASplitThatSelectsNoRecordFails()
    {
        var gold = Write("time.jsonl", "{\"id\":\"t1\",\"split\":\"test\",\"anchor\":\"2023-09-04\",\"text\":\"أعلنت الوزارة اليوم الخطة.\",\"expressions\":[]}\n");
        var result = CliRunner.Run(null, "eval", "time", "--gold", gold, "--split", "dev");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{gold}: {ErrorCodes.BadGold}: no record of split 'dev'", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut);
    }

    [Fact]
    public void EvalEntitiesWithAGoldOfNoArticleFails()
    {
        var gold = Write("entities.json", "{\"about\":\"empty\",\"articles\":[]}");
        var result = CliRunner.Run(null, "eval", "entities", "--gold", gold);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{gold}: {ErrorCodes.BadGold}: the gold holds no article", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
