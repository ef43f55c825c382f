using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marsad.Cli.Benchmarks;
using Marsad.Errors;
using Marsad.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>
/// marsad bench [--articles N,…] [--threads T,…] [--repeat K] [--archive] [--json] [--input FILE…]: end-to-end
/// runs on JSON Lines articles (per stage, articles/s, words/s, allocation, peak RSS, model load), the cost curve
/// over several N, parallel efficiency over several T (per repetition and its median), and the peers on the same
/// articles.
/// </summary>
public sealed class BenchCommand : Command<BenchCommand.Settings>
{
    /// <summary>The default corpus, relative to a folder holding the repository and ../shared side by side.</summary>
    private static readonly string DefaultCorpus = Path.Combine("shared", "data", "news-classification", "ant-v2.1-multisource");

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--input <FILE>")]
        [Description("JSON Lines article files (repeatable). Default: ant-v2.1-multisource/*.jsonl under ../shared/data/news-classification when ../shared is beside the repository.")]
        public string[] Input { get; init; } = [];

        [CommandOption("--articles <N>")]
        [Description("Articles per run, or a list for the cost curve (e.g. 1000,10000,all). Default 1000.")]
        [DefaultValue("1000")]
        public string Articles { get; init; } = "1000";

        [CommandOption("--threads <T>")]
        [Description("Threads, or a list (e.g. 1,2) to report parallel efficiency against 1 thread. Default 1.")]
        [DefaultValue("1")]
        public string Threads { get; init; } = "1";

        [CommandOption("--repeat <K>")]
        [Description("Run each size's thread list K times, alternating its order (1,2 then 2,1 …) so that drift in the machine's speed falls on every thread count; efficiency is reported per repetition and as the median. Default 1.")]
        [DefaultValue(1)]
        public int Repeat { get; init; } = 1;

        [CommandOption("--archive")]
        [Description("Also write and index every article into a temporary embedded archive (deleted afterwards).")]
        public bool Archive { get; init; }

        [CommandOption("--warmup <N>")]
        [Description("Articles run untimed first, at least (default 1000): the warm-up goes on in chunks of 250 until two chunks cost the same CPU time per article (within 5 %), up to 4 × N; before each multi-thread run, min(N, 200 × T) more articles run untimed on its T threads. 0 skips the warm-up.")]
        [DefaultValue(1000)]
        public int Warmup { get; init; } = 1000;

        [CommandOption("--peers <N>")]
        [Description("Articles for the side-by-side peers (Lucene ArabicAnalyzer, SmartReader, PostgreSQL); 0 skips them. Default 1000.")]
        [DefaultValue(1000)]
        public int Peers { get; init; } = 1000;

        [CommandOption("--pg <URL>")]
        [Description("PostgreSQL connection URL for to_tsvector('arabic', …) (default: the MARSAD_BENCH_PG variable; skipped when neither is set).")]
        public string? Postgres { get; init; }

        [CommandOption("--models <DIR>")]
        [Description("The models folder (default: models/ beside the program).")]
        public string? Models { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (ParseSizes(Articles) is null)
            {
                return ValidationResult.Error($"--articles '{Articles}' must be positive numbers or 'all', comma-separated");
            }

            if (ParseThreads(Threads) is null)
            {
                return ValidationResult.Error($"--threads '{Threads}' must be numbers from 1 to 256, comma-separated");
            }

            if (Repeat is < 1 or > 100)
            {
                return ValidationResult.Error($"--repeat {Repeat} must be from 1 to 100");
            }

            return Warmup < 0 || Peers < 0 ? ValidationResult.Error("--warmup and --peers must be 0 or more") : ValidationResult.Success();
        }
    }

    /// <summary>Sizes of the runs; int.MaxValue stands for "all".</summary>
    internal static List<int>? ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                sizes.Add(int.MaxValue);
            }
            else if (int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                sizes.Add(n);
            }
            else
            {
                return null;
            }
        }

        return sizes.Count == 0 ? null : sizes;
    }

    internal static List<int>? ParseThreads(string text)
    {
        var threads = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) || t is < 1 or > 256)
            {
                return null;
            }

            threads.Add(t);
        }

        return threads.Count == 0 ? null : threads;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = settings.Input.Length > 0 ? settings.Input.ToList() : DefaultInputs();
        foreach (var file in files.Where(f => !File.Exists(f)))
        {
            throw new MarsadException(ErrorCodes.BadArgument, "input file not found", file);
        }

        var sizes = ParseSizes(settings.Articles)!;
        var threads = ParseThreads(settings.Threads)!;
        var log = settings.Json ? Console.Error : Console.Out;

        // Input lines are held in memory, untimed: the read stage times parsing, not the disk. The warm-up takes its
        // articles from the end of the lines read, so they differ from the timed ones when the input is large enough.
        var lines = new List<string>();
        var needed = Math.Max((long)sizes.Max() + (4L * settings.Warmup), settings.Peers);
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length > 0 && lines.Count < needed)
                {
                    lines.Add(line);
                }
            }
        }

        if (lines.Count == 0)
        {
            throw new MarsadException(ErrorCodes.Empty, "no article line could be read", string.Join(' ', files));
        }

        var load = Stopwatch.StartNew();
        var pipeline = Pipelines.Default(MarsadModels.Locate(settings.Models));
        load.Stop();
        var rssAfterLoad = ProcessMemory.RssBytes();

        var bench = new EndToEndBenchmark(pipeline, lines);
        var warm = Stopwatch.StartNew();
        var warmUp = settings.Warmup > 0 ? bench.WarmUp(settings.Warmup, 4 * settings.Warmup) : new WarmUpResult(0, []);
        warm.Stop();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {lines.Count} lines, models loaded in {load.Elapsed.TotalMilliseconds:F0} ms, warm-up {warmUp.Articles} articles in {warm.Elapsed.TotalSeconds:F1} s (CPU ms/article per chunk: {string.Join(", ", warmUp.ChunkCpuMsPerArticle)})"));

        var runs = new List<RunResult>();
        foreach (var size in sizes)
        {
            for (var repetition = 1; repetition <= settings.Repeat; repetition++)
            {
                // Odd repetitions run the thread list in the given order, even ones reversed (1,2,2,1,1,2 …).
                foreach (var t in repetition % 2 == 1 ? threads : Enumerable.Reverse(threads))
                {
                    if (t > 1 && settings.Warmup > 0)
                    {
                        bench.WarmThreads(Math.Min(settings.Warmup, 200 * t), t);
                    }

                    var run = bench.Run(size, t, settings.Archive) with { Repetition = repetition };
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench: {run.Articles} articles × {t} thread(s), repetition {repetition}: {run.ArticlesPerSecond:F0} articles/s, {run.WordsPerSecond:F0} words/s, {run.Seconds:F2} s"));
                    runs.Add(run);
                }
            }
        }

        List<PeerResult> peers = [];
        if (settings.Peers > 0)
        {
            var sample = lines.Take(Math.Min(settings.Peers, lines.Count))
                .Select((l, i) => EndToEndBenchmark.Parse(l, "peer" + i.ToString(CultureInfo.InvariantCulture)))
                .OfType<Model.Article>()
                .ToList();
            peers = [.. PeerBenchmarks.Run(sample, settings.Postgres ?? Environment.GetEnvironmentVariable("MARSAD_BENCH_PG"))];
        }

        var efficiency = Efficiency(runs);
        var report = new EndToEndReport(
            Environment.ProcessorCount,
            LoadAverage(),
            files,
            lines.Count,
            Math.Round(load.Elapsed.TotalMilliseconds, 1),
            Math.Round(rssAfterLoad / 1048576.0, 1),
            warmUp.Articles,
            warmUp.ChunkCpuMsPerArticle,
            [.. pipeline.Annotators.Select(a => a.Name)],
            runs,
            efficiency,
            MedianEfficiency(efficiency),
            Growth(runs),
            peers);

        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, EvalJson.Options));
        }
        else
        {
            Write(report);
        }

        return runs.Any(r => r.Failed > 0) ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    private static List<string> DefaultInputs()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var corpus = Path.Combine(dir.FullName, DefaultCorpus);
                if (Directory.Exists(corpus))
                {
                    var files = Directory.GetFiles(corpus, "*.jsonl").Order(StringComparer.Ordinal).ToList();
                    if (files.Count > 0)
                    {
                        return files;
                    }
                }
            }
        }

        throw new MarsadException(ErrorCodes.BadArgument, "no --input given and no ../shared/data/news-classification/ant-v2.1-multisource beside the repository");
    }

    /// <summary>
    /// Parallel efficiency of each multi-thread run against the 1-thread run of the same size and repetition:
    /// (rate_T / rate_1) / T.
    /// </summary>
    internal static List<EfficiencyResult> Efficiency(IReadOnlyList<RunResult> runs) =>
        [.. from run in runs
            where run.Threads > 1
            let single = runs.FirstOrDefault(r => r.Threads == 1 && r.Articles == run.Articles && r.Archive == run.Archive && r.Repetition == run.Repetition)
            where single is not null && single.ArticlesPerSecond > 0
            select new EfficiencyResult(run.Articles, run.Threads, run.Repetition, Math.Round(run.ArticlesPerSecond / single.ArticlesPerSecond, 3), Math.Round(run.ArticlesPerSecond / single.ArticlesPerSecond / run.Threads, 3))];

    /// <summary>
    /// The median speed-up and efficiency over the repetitions of each (size, threads), with the lowest and highest:
    /// on a virtual machine whose one-thread speed drifts by a quarter between minutes, one pair of runs says little.
    /// </summary>
    internal static List<EfficiencySummary> MedianEfficiency(IReadOnlyList<EfficiencyResult> results) =>
        [.. from e in results
            group e by (e.Articles, e.Threads) into g
            let efficiencies = g.Select(e => e.Efficiency).Order().ToList()
            select new EfficiencySummary(g.Key.Articles, g.Key.Threads, efficiencies.Count,
                Math.Round(Median(g.Select(e => e.Speedup)), 3), Math.Round(Median(efficiencies), 3), efficiencies[0], efficiencies[^1])];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// Least-squares slope of log(y) against log(N) per thread count: 1 is linear growth, 0 is flat. With --repeat, each
    /// size counts once, with the median of its repetitions' wall times and peak RSS.
    /// </summary>
    private static List<GrowthResult> Growth(List<RunResult> runs) =>
        [.. from g in runs.GroupBy(r => r.Threads)
            let points = (from r in g
                          where r.Articles > 0
                          group r by r.Articles into size
                          select (Articles: size.Key,
                                  Seconds: Median(size.Select(r => r.Seconds)),
                                  PeakRssMb: Median(size.Select(r => r.PeakRssMb)))).ToList()
            where points.Count >= 2
            select new GrowthResult(
                g.Key,
                [.. points.Select(p => p.Articles)],
                Round(Slope(points.Select(p => ((double)p.Articles, p.Seconds)))),
                Round(Slope(points.Select(p => ((double)p.Articles, p.PeakRssMb)))))];

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;

    private static double? Slope(IEnumerable<(double X, double Y)> points)
    {
        var logs = points.Where(p => p.X > 0 && p.Y > 0).Select(p => (X: Math.Log(p.X), Y: Math.Log(p.Y))).ToList();
        if (logs.Count < 2)
        {
            return null;
        }

        var mx = logs.Average(p => p.X);
        var my = logs.Average(p => p.Y);
        var sxx = logs.Sum(p => (p.X - mx) * (p.X - mx));
        return sxx > 0 ? logs.Sum(p => (p.X - mx) * (p.Y - my)) / sxx : null;
    }

    private static string? LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : null;
    }

    private static void Write(EndToEndReport report)
    {
        var console = AnsiConsole.Console;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Cores} cores, load average {report.LoadAverage}; models loaded in {report.ModelLoadMs:F0} ms (RSS {report.RssAfterLoadMb:F0} MB); warm-up {report.Warmup} articles"));
        var table = new Table().AddColumns("articles", "threads", "wall s", "articles/s", "words/s", "articles/CPU s", "KB alloc/article", "peak RSS MB");
        foreach (var run in report.Runs)
        {
            table.AddRow(
                run.Articles.ToString("N0", CultureInfo.InvariantCulture),
                run.Threads.ToString(CultureInfo.InvariantCulture),
                run.Seconds.ToString("F2", CultureInfo.InvariantCulture),
                run.ArticlesPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                run.WordsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                run.ArticlesPerCpuSecond.ToString("N0", CultureInfo.InvariantCulture),
                (run.BytesAllocatedPerArticle / 1024.0).ToString("N0", CultureInfo.InvariantCulture),
                run.PeakRssMb.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(table);

        // Stages as rows, runs as columns: microseconds of thread time per article and the share of all stage time.
        var stages = new Table().AddColumn("stage: thread CPU µs/article (wall µs, share of wall), KB allocated/article");
        foreach (var run in report.Runs)
        {
            stages.AddColumn(string.Create(CultureInfo.InvariantCulture, $"{run.Articles}×{run.Threads}t"));
        }

        foreach (var stage in report.Runs.SelectMany(r => r.Stages.Keys).Distinct())
        {
            stages.AddRow([stage, .. report.Runs.Select(r => r.Stages.TryGetValue(stage, out var s)
                ? string.Create(CultureInfo.InvariantCulture, $"{s.CpuMicrosecondsPerArticle:N0} ({s.MicrosecondsPerArticle:N0}, {s.Share:P0}), {s.BytesAllocatedPerArticle / 1024.0:N0} KB")
                : "")]);
        }

        console.Write(stages);
        foreach (var e in report.ParallelEfficiency)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parallel efficiency 1→{e.Threads} threads on {e.Articles} articles, repetition {e.Repetition}: {e.Efficiency:P0} (speed-up {e.Speedup:F2}×)"));
        }

        foreach (var m in report.ParallelEfficiencyMedian.Where(m => m.Repetitions > 1))
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parallel efficiency 1→{m.Threads} threads on {m.Articles} articles, median of {m.Repetitions}: {m.Efficiency:P0} (speed-up {m.Speedup:F2}×; lowest {m.Lowest:P0}, highest {m.Highest:P0})"));
        }

        foreach (var g in report.Growth)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"growth ({g.Threads} thread(s), N = {string.Join(", ", g.Sizes)}): time ∝ N^{g.TimeExponent:F2}, peak RSS ∝ N^{g.MemoryExponent:F2}"));
        }

        if (report.Peers.Count > 0)
        {
            var peers = new Table().AddColumns("system (1 thread)", "articles", "articles/s", "words/s", "output", "note");
            foreach (var p in report.Peers)
            {
                peers.AddRow(Markup.Escape(p.System), p.Articles.ToString(CultureInfo.InvariantCulture), p.ArticlesPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                    p.WordsPerSecond.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape($"{p.Units:N0} {p.UnitName}"), Markup.Escape(p.Note ?? ""));
            }

            console.Write(peers);
        }
    }
}

/// <summary>The JSON report of marsad bench.</summary>
public sealed record EndToEndReport(
    int Cores,
    string? LoadAverage,
    IReadOnlyList<string> Inputs,
    int Lines,
    double ModelLoadMs,
    double RssAfterLoadMb,
    int Warmup,
    IReadOnlyList<double> WarmupChunkCpuMsPerArticle,
    IReadOnlyList<string> Annotators,
    IReadOnlyList<RunResult> Runs,
    IReadOnlyList<EfficiencyResult> ParallelEfficiency,
    IReadOnlyList<EfficiencySummary> ParallelEfficiencyMedian,
    IReadOnlyList<GrowthResult> Growth,
    IReadOnlyList<PeerResult> Peers);

/// <summary>Speed-up and parallel efficiency of a T-thread run against the 1-thread run on the same articles and repetition.</summary>
public sealed record EfficiencyResult(int Articles, int Threads, int Repetition, double Speedup, double Efficiency);

/// <summary>Median speed-up and efficiency of a (size, threads) over its repetitions, with the lowest and highest efficiency.</summary>
public sealed record EfficiencySummary(int Articles, int Threads, int Repetitions, double Speedup, double Efficiency, double Lowest, double Highest);

/// <summary>Growth exponents (log-log slopes) of wall time and peak RSS against the number of articles.</summary>
public sealed record GrowthResult(int Threads, IReadOnlyList<int> Sizes, double? TimeExponent, double? MemoryExponent);
