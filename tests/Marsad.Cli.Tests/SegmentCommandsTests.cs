using System.Text.Json;
using Marsad.Testing;

namespace Marsad.Cli.Tests;

/// <summary>`marsad eval segment` and `marsad train segmenter` end to end.</summary>
public sealed class SegmentCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-seg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void EvalSegmentJsonIsOneObjectWithTheScores()
    {
        var gold = Path.Combine(SharedData.RepositoryRoot, "gold", "text", "segmentation-dev.seg");
        var result = CliRunner.Run(null, "eval", "segment", "--gold", gold, "--json");
        Assert.True(result.ExitCode == 0, result.StdErr);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.True(root.GetProperty("words").GetInt32() > 300);
        foreach (var name in (string[])["accuracy", "precision", "recall", "f1"])
        {
            Assert.InRange(root.GetProperty(name).GetDouble(), 0.9, 1.0);
        }
    }

    [Fact]
    public void EvalSegmentWithoutGoldIsAUsageError()
    {
        var result = CliRunner.Run(null, "eval", "segment");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void EvalSegmentWithAMissingGoldFileFails()
    {
        var result = CliRunner.Run(null, "eval", "segment", "--gold", Path.Combine(_dir, "missing.seg"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MRS101", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalSegmentOnAFileWithNoSegmentedWordFailsInsteadOfScoringZero()
    {
        var notGold = Path.Combine(_dir, "article.txt");
        File.WriteAllText(notGold, "دولي\n\nالرئيس يزور القاهرة اليوم\n");
        var result = CliRunner.Run(null, "eval", "segment", "--gold", notGold);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{notGold}: MRS204", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StdOut);
    }

    [Fact]
    public void TrainSegmenterWritesCountsAndNames()
    {
        var corpus = Path.Combine(_dir, "news.jsonl");
        File.WriteAllLines(corpus,
        [
            JsonSerializer.Serialize(new { title = "الحكومة تعلن خطة", text = "قال الوزير إن الحكومة ستعلن خطة. وقال الوزير إن الخطة جاهزة." }),
            JsonSerializer.Serialize(new { title = "وزير الخارجية", text = "التقى الوزير نظيره في لبنان وقال إن الحكومة مستعدة." }),
        ]);
        var gazetteers = Directory.CreateDirectory(Path.Combine(_dir, "gate")).FullName;
        File.WriteAllLines(Path.Combine(gazetteers, "country.lst"), ["لبنان", "العراق", "كوريا الشمالية"]);
        var output = Path.Combine(_dir, "out");

        var result = CliRunner.Run(null, "train", "segmenter", "--corpus", corpus, "--gazetteers", gazetteers, "--out", output);
        Assert.True(result.ExitCode == 0, result.StdErr);

        using var counts = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(output, "segmenter-counts.tsv.gz")), System.IO.Compression.CompressionMode.Decompress);
        var lines = new StreamReader(counts).ReadToEnd().Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
        Assert.Contains("الوزير\t3", lines);
        Assert.Contains("الحكومة\t3", lines);
        var names = File.ReadAllLines(Path.Combine(output, "segmenter-names.tsv")).Where(l => l[0] != '#').ToList();
        Assert.Equal(["لبنان"], names); // one-word names only, never names with the article
    }
}
