using System.Text.Json;
using Marsad.Testing;

namespace Marsad.Cli.Tests;

/// <summary>marsad eval ner and marsad train ner, run as the real CLI on the repository's small gold sample.</summary>
public sealed class NerCommandTests
{
    private static string Sample => Path.Combine(SharedData.RepositoryRoot, "tests", "Marsad.Cli.Tests", "Fixtures", "ner-sample.conll");

    [Fact]
    public void EvalNerJsonIsOneObjectWithScoresInPercent()
    {
        var result = CliRunner.Run(null, "eval", "ner", "--gold", Sample, "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        foreach (var key in new[] { "precision", "recall", "f1" })
        {
            var value = root.GetProperty(key).GetDouble();
            Assert.InRange(value, 0, 100);
        }

        // 3 PER + 6 LOC + 2 ORG + 1 MISC, counted by hand.
        Assert.Equal(12, root.GetProperty("gold").GetInt32());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("perType").ValueKind);
        Assert.True(root.GetProperty("perType").TryGetProperty("LOC", out var loc));
        Assert.InRange(loc.GetProperty("f1").GetDouble(), 0, 100);
    }

    [Fact]
    public void EvalNerWithoutGoldIsAUsageError()
    {
        var result = CliRunner.Run(null, "eval", "ner");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void EvalNerOnAGoldWithNoSentenceFailsInsteadOfScoringZero()
    {
        var blank = Path.Combine(Path.GetTempPath(), $"marsad-ner-blank-{Guid.NewGuid():N}.conll");
        File.WriteAllText(blank, "  \n\t\n");
        try
        {
            var result = CliRunner.Run(null, "eval", "ner", "--gold", blank);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"{blank}: MRS204", result.StdErr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.StdOut);
        }
        finally
        {
            File.Delete(blank);
        }
    }

    [Fact]
    public void TrainNerWritesAModelThatEvalReads()
    {
        var model = Path.Combine(Path.GetTempPath(), $"marsad-ner-cli-{Guid.NewGuid():N}.model.gz");
        try
        {
            var train = CliRunner.Run(null, "train", "ner", "--train", Sample, "--dev", Sample, "--out", model, "--epochs", "5");
            Assert.True(train.ExitCode == 0, train.StdErr + train.StdOut);
            Assert.True(File.Exists(model));
            var eval = CliRunner.Run(null, "eval", "ner", "--gold", Sample, "--model", model, "--json");
            Assert.Equal(0, eval.ExitCode);
            using var json = JsonDocument.Parse(eval.StdOut);

            // Trained and scored on the same four sentences: the perceptron fits them exactly.
            Assert.Equal(100.0, json.RootElement.GetProperty("f1").GetDouble());
        }
        finally
        {
            File.Delete(model);
        }
    }
}
