using System.Text.Json;
using Marsad.Cli.Commands;

namespace Marsad.Cli.Tests.Commands;

/// <summary>marsad bench: the JSON report's plumbing on a tiny corpus (stage keys, counts, curve, efficiency, peers). No timing asserts.</summary>
[Collection("Console")]
public sealed class BenchCommandTests : IDisposable
{
    // Short news items written for this test (not from any outlet).
    private static readonly string[] Articles =
    [
        """{"id":"b1","source":"test","title":"وزير المالية يعلن خطة لخفض العجز","text":"أعلن وزير المالية يوم الاثنين خطة جديدة لخفض عجز الموازنة خلال عامين.\nوقال الوزير في مؤتمر صحفي في عمّان إن الحكومة ستراجع الدعم وتزيد الإيرادات الضريبية."}""",
        """{"id":"b2","source":"test","title":"افتتاح معرض الكتاب في القاهرة","text":"افتتح معرض القاهرة الدولي للكتاب أبوابه أمس بمشاركة ثمانمئة ناشر من أربعين دولة.\nوأكدت الهيئة المنظمة أن المعرض يستمر حتى الخامس من فبراير."}""",
        """{"id":"b3","source":"test","title":"أمطار غزيرة في المغرب","text":"شهدت مدن شمال المغرب أمطارا غزيرة تسببت في إغلاق عدد من الطرق.\nوقالت مديرية الأرصاد الجوية إن الأمطار ستتواصل حتى نهاية الأسبوع."}""",
        """{"id":"b4","source":"test","title":"فوز المنتخب في التصفيات","text":"فاز المنتخب الوطني على ضيفه بهدفين نظيفين في التصفيات المؤهلة لكأس العالم.\nوصرح المدرب بعد المباراة: \"اللاعبون قدموا أداء رائعا\"."}""",
    ];

    private readonly string _input = Path.Combine(Path.GetTempPath(), "marsad-bench-test-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public BenchCommandTests() => File.WriteAllLines(_input, Articles);

    public void Dispose() => File.Delete(_input);

    private static (int Code, string Out) Run(params string[] args)
    {
        var original = Console.Out;
        var originalError = Console.Error;
        using var writer = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(writer);
        Console.SetError(errors);
        try
        {
            return (CliApp.Run(args), writer.ToString());
        }
        finally
        {
            Console.SetOut(original);
            Console.SetError(originalError);
        }
    }

    [Fact]
    public void JsonHasEveryStageAndPositiveCounts()
    {
        var (code, output) = Run("bench", "--input", _input, "--articles", "2,4", "--threads", "1,2", "--warmup", "1", "--peers", "2", "--archive", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("modelLoadMs").GetDouble() > 0);
        var annotators = root.GetProperty("annotators").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Contains("text", annotators);
        Assert.True(root.GetProperty("warmup").GetInt32() >= 1); // at least --warmup articles ran untimed

        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(4, runs.Count); // 2 sizes × 2 thread counts
        foreach (var run in runs)
        {
            Assert.True(run.GetProperty("articles").GetInt32() > 0);
            Assert.True(run.GetProperty("words").GetInt64() > 0);
            Assert.True(run.GetProperty("bytesAllocatedPerArticle").GetInt64() > 0);
            var stages = run.GetProperty("stages");
            foreach (var stage in annotators.Prepend("read").Append("archive"))
            {
                Assert.True(stages.TryGetProperty(stage, out var s), $"stage '{stage}' missing");
                Assert.True(s.GetProperty("seconds").GetDouble() >= 0);
                Assert.True(s.GetProperty("cpuMicrosecondsPerArticle").GetDouble() >= 0);
            }
        }

        Assert.Equal([2, 4], runs.Where(r => r.GetProperty("threads").GetInt32() == 1).Select(r => r.GetProperty("articles").GetInt32()));
        Assert.Equal(2, root.GetProperty("parallelEfficiency").GetArrayLength()); // one per size, 2 threads against 1
        Assert.Equal(2, root.GetProperty("growth").GetArrayLength()); // one per thread count

        var peers = root.GetProperty("peers").EnumerateArray().ToDictionary(p => p.GetProperty("system").GetString()!);
        Assert.True(peers["lucene ArabicAnalyzer"].GetProperty("units").GetInt64() > 0);
        Assert.True(peers["marsad text stage"].GetProperty("units").GetInt64() > 0);
        Assert.True(peers["SmartReader alone"].GetProperty("articles").GetInt32() == 2);
        Assert.True(peers["marsad HtmlPageReader"].GetProperty("units").GetInt64() > 0);
    }

    [Fact]
    public void ArticlesBeyondTheInputAreCappedToIt()
    {
        var (code, output) = Run("bench", "--input", _input, "--articles", "50", "--warmup", "0", "--peers", "0", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal(Articles.Length, run.GetProperty("articles").GetInt32());
        Assert.False(run.GetProperty("stages").TryGetProperty("archive", out _));
    }

    [Fact]
    public void RepeatAlternatesTheThreadOrderAndPairsEachRepetition()
    {
        var (code, output) = Run("bench", "--input", _input, "--articles", "4", "--threads", "1,2", "--repeat", "3", "--warmup", "0", "--peers", "0", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var order = root.GetProperty("runs").EnumerateArray()
            .Select(r => (r.GetProperty("repetition").GetInt32(), r.GetProperty("threads").GetInt32())).ToList();
        Assert.Equal([(1, 1), (1, 2), (2, 2), (2, 1), (3, 1), (3, 2)], order);

        var pairs = root.GetProperty("parallelEfficiency").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], pairs.Select(p => p.GetProperty("repetition").GetInt32()));
        var median = Assert.Single(root.GetProperty("parallelEfficiencyMedian").EnumerateArray());
        Assert.Equal(3, median.GetProperty("repetitions").GetInt32());
        var sorted = pairs.Select(p => p.GetProperty("efficiency").GetDouble()).Order().ToList();
        Assert.Equal(sorted[1], median.GetProperty("efficiency").GetDouble());
        Assert.Equal(sorted[0], median.GetProperty("lowest").GetDouble());
        Assert.Equal(sorted[2], median.GetProperty("highest").GetDouble());
    }

    [Fact]
    public void MedianOfAnEvenNumberOfRepetitionsIsTheMeanOfTheMiddleTwo()
    {
        var summary = Assert.Single(BenchCommand.MedianEfficiency(
        [
            new EfficiencyResult(100, 2, 1, 1.6, 0.8),
            new EfficiencyResult(100, 2, 2, 1.9, 0.95),
            new EfficiencyResult(100, 2, 3, 1.7, 0.85),
            new EfficiencyResult(100, 2, 4, 2.2, 1.1),
        ]));
        Assert.Equal(4, summary.Repetitions);
        Assert.Equal(0.9, summary.Efficiency, 6);
        Assert.Equal(1.8, summary.Speedup, 6);
        Assert.Equal(0.8, summary.Lowest);
        Assert.Equal(1.1, summary.Highest);
    }

    [Theory]
    [InlineData("--repeat", "0")]
    [InlineData("--articles", "0")]
    [InlineData("--articles", "ten")]
    [InlineData("--threads", "0")]
    public void BadNumbersAreUsageErrors(string option, string value)
    {
        Assert.Equal(ExitCodes.Usage, Run("bench", "--input", _input, option, value, "--json").Code);
    }

    [Fact]
    public void BenchQuotesOnAMissingFileSaysNoSuchFile()
    {
        var missing = _input + ".missing";
        var result = CliRunner.Run(null, "bench", "quotes", "--input", missing);
        Assert.Equal(ExitCodes.SomeFailed, result.ExitCode);
        Assert.Contains($"{missing}: {Marsad.Errors.ErrorCodes.NotFound}: no such file", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchHelpListsTheOptionsOfTheDefaultCommand()
    {
        // `marsad bench` is a branch whose default command takes the options: its help must list them.
        var result = CliRunner.Run(null, "bench", "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--input", "--articles", "--threads", "--repeat", "--archive", "--warmup", "--peers", "--json" })
        {
            Assert.Contains(option, result.StdOut, StringComparison.Ordinal);
        }

        Assert.Contains("quotes", result.StdOut, StringComparison.Ordinal);
        var quotes = CliRunner.Run(null, "bench", "quotes", "--help");
        Assert.Contains("--seconds", quotes.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("--peers", quotes.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void SizesAcceptAll()
    {
        Assert.Equal([1000, int.MaxValue], BenchCommand.ParseSizes("1000, all"));
        Assert.Null(BenchCommand.ParseSizes("-5"));
        Assert.Equal([1, 2], BenchCommand.ParseThreads("1,2"));
    }
}
