using System.Text.Json;
using Marsad.Testing;

namespace Marsad.Cli.Tests.Commands;

/// <summary>marsad eval quotes: one JSON object with --json, usage errors exit 2.</summary>
[Collection("Console")]
public sealed class EvalQuotesCommandTests
{
    private static readonly string Gold = Path.Combine(SharedData.RepositoryRoot, "gold", "quotes", "quotes-gold.jsonl");

    private static (int Code, string Out) Run(params string[] args)
    {
        var original = Console.Out;
        using var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            var code = CliApp.Run(args);
            return (code, writer.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Fact]
    public void JsonPrintsOneObjectWithTheScores()
    {
        var (code, output) = Run("eval", "quotes", "--gold", Gold, "--split", "dev", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("dev", root.GetProperty("split").GetString());
        Assert.True(root.GetProperty("goldQuotes").GetInt32() > 0);
        foreach (var name in new[] { "precision", "recall", "f1", "speakerAccuracy", "contentTokenF1", "cueAccuracy" })
        {
            Assert.InRange(root.GetProperty(name).GetDouble(), 0, 100);
        }
    }

    [Fact]
    public void UnknownSplitIsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, Run("eval", "quotes", "--gold", Gold, "--split", "train").Code);
    }

    [Fact]
    public void ASplitWithNoRecordFailsInsteadOfScoringZero()
    {
        var gold = Path.Combine(Path.GetTempPath(), $"marsad-quotes-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(gold, "{\"id\":\"t1\",\"text\":\"قال الوزير إن الخطة جاهزة.\",\"quotes\":[],\"split\":\"test\"}\n");
        try
        {
            var (code, output) = Run("eval", "quotes", "--gold", gold, "--split", "dev", "--json");
            Assert.Equal(ExitCodes.SomeFailed, code);
            Assert.Equal(string.Empty, output);
        }
        finally
        {
            File.Delete(gold);
        }
    }

    [Fact]
    public void MissingGoldFileFails()
    {
        Assert.NotEqual(ExitCodes.Ok, Run("eval", "quotes", "--gold", "/nonexistent/quotes.jsonl", "--json").Code);
    }
}
