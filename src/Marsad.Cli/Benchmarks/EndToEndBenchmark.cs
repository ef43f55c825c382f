using System.Diagnostics;
using System.Globalization;
using Marsad.Duplicates;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Storage;
using Marsad.Storage.Embedded;

namespace Marsad.Cli.Benchmarks;

/// <summary>
/// Runs articles end to end (JSON Lines parsing, every annotator, optionally the embedded archive) and
/// measures per-stage time, throughput, allocation and peak memory. The input lines are held in memory
/// before timing; each article is parsed, analysed and dropped, so memory should not grow with N.
/// </summary>
public sealed class EndToEndBenchmark(AnalysisPipeline pipeline, IReadOnlyList<string> lines)
{
    public const string ReadStage = "read";
    public const string ArchiveStage = "archive";
    private const int ArchiveBatch = 256;

    /// <summary>Articles per warm-up chunk.</summary>
    public const int WarmUpChunk = 250;

    /// <summary>Relative difference of CPU time per article between two chunks under which the warm-up stops.</summary>
    public const double WarmUpTolerance = 0.05;

    private static readonly ReadOptions JsonlOptions = new() { Format = InputFormat.Jsonl };

    /// <summary>Stage names in pipeline order: read, each annotator's Name, then archive when asked.</summary>
    public IReadOnlyList<string> StageNames(bool archive) =>
        [ReadStage, .. pipeline.Annotators.Select(a => a.Name), .. archive ? new[] { ArchiveStage } : []];

    /// <summary>
    /// Runs articles untimed until the code is warm: at least <paramref name="minimum"/> articles, then more in chunks of
    /// <see cref="WarmUpChunk"/> until two chunks in a row cost the same thread CPU time per article within
    /// <see cref="WarmUpTolerance"/> (tiered JIT promotes hot methods in the background, with a delay, so a fixed
    /// short warm-up leaves the first timed run partly on unoptimised code), or until <paramref name="maximum"/>.
    /// The articles are taken from the end of <c>lines</c>, after the timed ones when the input holds enough.
    /// </summary>
    public WarmUpResult WarmUp(int minimum, int maximum)
    {
        var ticks = new long[pipeline.Annotators.Length];
        var done = 0;
        var previous = double.NaN;
        var chunkCpu = new List<double>();
        maximum = Math.Max(minimum, maximum);
        while (done < maximum)
        {
            var chunk = Math.Min(WarmUpChunk, maximum - done);
            var cpu = ThreadCpu.Now();
            var analysed = 0;
            for (var i = 0; i < chunk; i++)
            {
                var line = lines[lines.Count - 1 - ((done + i) % lines.Count)];
                if (Parse(line, "warmup") is { } article)
                {
                    pipeline.Analyze(article, ticks);
                    analysed++;
                }
            }

            done += chunk;
            var perArticle = analysed > 0 ? (ThreadCpu.Now() - cpu).TotalMilliseconds / analysed : 0;
            chunkCpu.Add(Math.Round(perArticle, 3));
            var stable = !double.IsNaN(previous) && Math.Abs(perArticle - previous) <= WarmUpTolerance * previous;
            previous = perArticle;
            if (done >= minimum && stable)
            {
                break;
            }
        }

        return new WarmUpResult(done, chunkCpu);
    }

    /// <summary>Runs <paramref name="count"/> articles untimed on <paramref name="threads"/> threads, so that every worker thread exists and is warm before a timed run.</summary>
    public void WarmThreads(int count, int threads)
    {
        Parallel.For(
            0,
            Math.Min(count, lines.Count),
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new long[pipeline.Annotators.Length],
            (i, _, ticks) =>
            {
                if (Parse(lines[lines.Count - 1 - i], "warmup") is { } article)
                {
                    pipeline.Analyze(article, ticks);
                }

                return ticks;
            },
            _ => { });
    }

    /// <summary>Runs the first <paramref name="count"/> lines on <paramref name="threads"/> threads (one article per work item).</summary>
    public RunResult Run(int count, int threads, bool archive)
    {
        count = Math.Min(count, lines.Count);
        var annotators = pipeline.Annotators.Length;
        var stages = StageNames(archive);
        var totalTicks = new long[stages.Count];
        var totalBytes = new long[stages.Count];
        var totalCpu = new long[stages.Count];
        long articles = 0, words = 0, chars = 0, failed = 0;
        string? archiveDir = archive ? Path.Combine(Path.GetTempPath(), "marsad-bench-" + Guid.NewGuid().ToString("N")) : null;
        using var store = archiveDir is null ? null : EmbeddedArchive.Open(archiveDir);
        var pending = new List<ArchiveEntry>(ArchiveBatch);
        var archiveLock = new object();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        ProcessMemory.ResetPeak();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var cpuBefore = ProcessMemory.ProcessCpu();
        var wall = Stopwatch.StartNew();

        Parallel.For(
            0,
            count,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new Worker(stages.Count),
            (i, _, worker) =>
            {
                // Read = JSON parsing into an Article plus assembling the document text (what AnalysisPipeline.Analyze does before the annotators).
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var cpu = ThreadCpu.Ticks();
                var start = Stopwatch.GetTimestamp();
                var article = Parse(lines[i], "line" + i.ToString(CultureInfo.InvariantCulture));
                if (article is null)
                {
                    worker.Failed++;
                    return worker;
                }

                var doc = new AnalyzedArticle(article);
                worker.Ticks[0] += Stopwatch.GetTimestamp() - start;
                worker.Cpu[0] += ThreadCpu.Ticks() - cpu;
                worker.Bytes[0] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                for (var s = 0; s < annotators; s++)
                {
                    allocated = GC.GetAllocatedBytesForCurrentThread();
                    cpu = ThreadCpu.Ticks();
                    start = Stopwatch.GetTimestamp();
                    pipeline.Annotators[s].Annotate(doc);
                    worker.Ticks[s + 1] += Stopwatch.GetTimestamp() - start;
                    worker.Cpu[s + 1] += ThreadCpu.Ticks() - cpu;
                    worker.Bytes[s + 1] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                }

                worker.Articles++;
                worker.Chars += doc.Text.Length;
                worker.Words += CountWords(doc.Text);
                if (store is not null)
                {
                    allocated = GC.GetAllocatedBytesForCurrentThread();
                    cpu = ThreadCpu.Ticks();
                    start = Stopwatch.GetTimestamp();
                    var entry = new AnalysedEntry(doc, ContentFingerprint.Of(article));
                    List<ArchiveEntry>? full = null;
                    lock (pending)
                    {
                        pending.Add(entry);
                        if (pending.Count >= ArchiveBatch)
                        {
                            full = [.. pending];
                            pending.Clear();
                        }
                    }

                    if (full is not null)
                    {
                        lock (archiveLock)
                        {
                            store.AddBatch(full);
                        }
                    }

                    worker.Ticks[annotators + 1] += Stopwatch.GetTimestamp() - start;
                    worker.Cpu[annotators + 1] += ThreadCpu.Ticks() - cpu;
                    worker.Bytes[annotators + 1] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                }

                return worker;
            },
            worker =>
            {
                lock (totalTicks)
                {
                    for (var s = 0; s < totalTicks.Length; s++)
                    {
                        totalTicks[s] += worker.Ticks[s];
                        totalBytes[s] += worker.Bytes[s];
                        totalCpu[s] += worker.Cpu[s];
                    }

                    articles += worker.Articles;
                    words += worker.Words;
                    chars += worker.Chars;
                    failed += worker.Failed;
                }
            });

        if (store is not null)
        {
            var start = Stopwatch.GetTimestamp();
            var flushCpu = ThreadCpu.Ticks();
            if (pending.Count > 0)
            {
                store.AddBatch(pending);
            }

            store.Flush();
            totalTicks[^1] += Stopwatch.GetTimestamp() - start;
            totalCpu[^1] += ThreadCpu.Ticks() - flushCpu;
        }

        wall.Stop();
        var cpu = (ProcessMemory.ProcessCpu() - cpuBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = ProcessMemory.PeakRssBytes();
        var gcs = (Gen0: GC.CollectionCount(0) - gen0, Gen2: GC.CollectionCount(2) - gen2);
        store?.Dispose();
        if (archiveDir is not null)
        {
            TryDelete(archiveDir);
        }

        var seconds = wall.Elapsed.TotalSeconds;
        var stageResults = new Dictionary<string, StageResult>(StringComparer.Ordinal);
        var stageSum = totalTicks.Sum();
        for (var s = 0; s < stages.Count; s++)
        {
            // Stage seconds are summed over threads (thread time inside the stage), so with T threads they add up to about T × wall.
            var stageSeconds = (double)totalTicks[s] / Stopwatch.Frequency;
            var stageCpuSeconds = totalCpu[s] / 1e9;
            stageResults[stages[s]] = new StageResult(
                Math.Round(stageSeconds, 4),
                stageSum > 0 ? Math.Round((double)totalTicks[s] / stageSum, 4) : 0,
                stageSeconds > 0 ? Math.Round(articles / stageSeconds, 1) : 0,
                articles > 0 ? Math.Round(stageSeconds * 1e6 / articles, 1) : 0,
                articles > 0 ? totalBytes[s] / articles : 0,
                Math.Round(stageCpuSeconds, 4),
                articles > 0 ? Math.Round(stageCpuSeconds * 1e6 / articles, 1) : 0);
        }

        return new RunResult(
            count,
            (int)articles,
            (int)failed,
            threads,
            archive,
            Math.Round(seconds, 3),
            Math.Round(cpu, 3),
            cpu > 0 ? Math.Round(articles / cpu, 1) : 0,
            Math.Round(articles / seconds, 1),
            Math.Round(words / seconds, 0),
            words,
            chars,
            articles > 0 ? allocated / articles : 0,
            Math.Round(peak / 1048576.0, 1),
            gcs.Gen0,
            gcs.Gen2,
            stageResults);
    }

    internal static Article? Parse(string line, string name)
    {
        foreach (var outcome in new JsonLinesReader().Read(name, line, JsonlOptions))
        {
            return outcome.Article;
        }

        return null;
    }

    /// <summary>Whitespace-separated words: the unit of the words/s goal (ANT articles have about 250).</summary>
    internal static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                words++;
            }

            inWord = !space;
        }

        return words;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class Worker(int stages)
    {
        public long[] Ticks { get; } = new long[stages];
        public long[] Bytes { get; } = new long[stages];
        public long[] Cpu { get; } = new long[stages];
        public long Articles { get; set; }
        public long Words { get; set; }
        public long Chars { get; set; }
        public long Failed { get; set; }
    }
}

/// <summary>
/// One stage's share of a run: thread (wall) seconds inside it, share of all stage time, articles per stage-second,
/// microseconds and bytes allocated per article, and the thread CPU time inside it (seconds and microseconds per
/// article: the figure that does not grow when other processes share the cores).
/// </summary>
public sealed record StageResult(
    double Seconds,
    double Share,
    double ArticlesPerSecond,
    double MicrosecondsPerArticle,
    long BytesAllocatedPerArticle,
    double CpuSeconds,
    double CpuMicrosecondsPerArticle);

/// <summary>The warm-up: articles run untimed and the thread CPU milliseconds per article of each chunk.</summary>
public sealed record WarmUpResult(int Articles, IReadOnlyList<double> ChunkCpuMsPerArticle);

/// <summary>One end-to-end run.</summary>
public sealed record RunResult(
    int Requested,
    int Articles,
    int Failed,
    int Threads,
    bool Archive,
    double Seconds,
    double CpuSeconds,
    double ArticlesPerCpuSecond,
    double ArticlesPerSecond,
    double WordsPerSecond,
    long Words,
    long Chars,
    long BytesAllocatedPerArticle,
    double PeakRssMb,
    int Gen0Collections,
    int Gen2Collections,
    IReadOnlyDictionary<string, StageResult> Stages)
{
    /// <summary>Which repetition of --repeat this run belongs to (1 when the command ran each size once).</summary>
    public int Repetition { get; init; } = 1;
}

/// <summary>The calling thread's CPU time (clock_gettime CLOCK_THREAD_CPUTIME_ID on Linux; zero elsewhere).</summary>
public static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    private static readonly bool Available = OperatingSystem.IsLinux();

    /// <summary>Nanoseconds of CPU time of the calling thread.</summary>
    public static long Ticks()
    {
        if (!Available)
        {
            return 0;
        }

        return NativeMethods.clock_gettime(ClockThreadCpuTime, out var ts) == 0 ? (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds : 0;
    }

    public static TimeSpan Now() => TimeSpan.FromTicks(Ticks() / 100);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
        public static extern int clock_gettime(int clock, out TimeSpec time);
    }
}

/// <summary>Process memory and CPU from /proc (Linux); zero elsewhere.</summary>
public static class ProcessMemory
{
    /// <summary>Peak resident set (VmHWM) in bytes.</summary>
    public static long PeakRssBytes() => StatusKb("VmHWM:") * 1024;

    /// <summary>Current resident set (VmRSS) in bytes.</summary>
    public static long RssBytes() => StatusKb("VmRSS:") * 1024;

    /// <summary>Resets VmHWM to the current RSS (writing 5 to /proc/self/clear_refs), so each run reports its own peak.</summary>
    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long StatusKb(string key)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var digits = line[key.Length..].Trim().Split(' ')[0];
                return long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
            }
        }

        return 0;
    }
}
