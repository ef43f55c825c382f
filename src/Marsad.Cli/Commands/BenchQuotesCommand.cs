using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Quotes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad bench quotes --input FILE [--seconds N] [--json]: single-thread throughput of the quotation stage.</summary>
public sealed class BenchQuotesCommand : Command<BenchQuotesCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--input <FILE>")]
        [Description("Articles to run over (any reader format, e.g. a JSON Lines corpus).")]
        public string? Input { get; init; }

        [CommandOption("--seconds <N>")]
        [Description("Minimum measured time; the articles are run in passes until it is reached (default 3).")]
        [DefaultValue(3.0)]
        public double Seconds { get; init; } = 3.0;

        [CommandOption("--json")]
        [Description("Print one JSON object.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Input))
            {
                return ValidationResult.Error("give the articles with --input FILE");
            }

            return Seconds is > 0 and <= 600 ? ValidationResult.Success() : ValidationResult.Error("--seconds must be in (0, 600]");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // The documents (text assembly) are built before timing: the benchmark measures the stage alone.
        var outcomes = ArticleReaders.ReadPath(settings.Input!, new ReadOptions()).ToList();
        var docs = outcomes
            .Where(o => o.Article is not null)
            .Select(o => new AnalyzedArticle(o.Article!))
            .ToList();
        if (docs.Count == 0)
        {
            // The reader's own error says why (no such file, empty, binary …).
            throw outcomes.Select(o => o.Error).FirstOrDefault(e => e is not null)
                ?? new Marsad.Errors.MarsadException(Marsad.Errors.ErrorCodes.Empty, "no article could be read", settings.Input);
        }

        var extractor = QuoteExtractor.Default;
        foreach (var doc in docs.Take(50))
        {
            extractor.Extract(doc.Text); // warm-up (JIT, lexicon tables)
        }

        long articles = 0, chars = 0, quotes = 0, attributions = 0;
        var cpuStart = CurrentThreadCpu();
        var processCpuStart = ProcessCpu();
        var watch = Stopwatch.StartNew();
        var passes = 0;
        while (watch.Elapsed.TotalSeconds < settings.Seconds)
        {
            foreach (var doc in docs)
            {
                var result = extractor.Extract(doc.Text);
                articles++;
                chars += doc.Text.Length;
                quotes += result.Quotes.Count;
                attributions += result.Attributions.Count;
            }

            passes++;
        }

        watch.Stop();
        var cpuSeconds = (CurrentThreadCpu() - cpuStart).TotalSeconds;
        var processCpuSeconds = (ProcessCpu() - processCpuStart).TotalSeconds;
        var seconds = watch.Elapsed.TotalSeconds;
        var report = new BenchReport("quotes", docs.Count, passes, seconds, articles / seconds, chars / seconds / 1e6,
            (double)quotes / articles, (double)attributions / articles)
        {
            CpuSeconds = cpuSeconds,
            ArticlesPerCpuSecond = cpuSeconds > 0 ? articles / cpuSeconds : 0,
            ProcessCpuSeconds = processCpuSeconds,
            ArticlesPerProcessCpuSecond = processCpuSeconds > 0 ? articles / processCpuSeconds : 0,
        };
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, EvalJson.Options));
            return ExitCodes.Ok;
        }

        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]quotes[/]: {report.ArticlesPerSecond:F0} articles/s wall, {report.ArticlesPerCpuSecond:F0} articles per thread CPU second ({report.ArticlesPerProcessCpuSecond:F0} per process CPU second, GC included), {report.MegacharsPerSecond:F2} M chars/s on one thread ({report.Articles} articles × {passes} passes, {seconds:F1} s wall, {cpuSeconds:F1} s CPU); {report.QuotesPerArticle:F2} quotes and {report.AttributionsPerArticle:F2} attributions per article"));
        return ExitCodes.Ok;
    }

    // CPU time of the calling thread: on a shared machine, wall time also counts other processes' turns.
    // Linux exposes it in /proc/thread-self/stat (utime and stime, fields 14 and 15, in clock ticks of 1/100 s).
    private static TimeSpan CurrentThreadCpu()
    {
        const string stat = "/proc/thread-self/stat";
        if (File.Exists(stat))
        {
            var text = File.ReadAllText(stat);
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }

        return ProcessCpu();
    }

    // CPU time of the whole process: the measuring thread plus the garbage collector and the JIT.
    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}

/// <summary>One stage's throughput.</summary>
public sealed record BenchReport(
    string Stage,
    int Articles,
    int Passes,
    double Seconds,
    double ArticlesPerSecond,
    double MegacharsPerSecond,
    double QuotesPerArticle,
    double AttributionsPerArticle)
{
    /// <summary>CPU time of the measuring thread.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>Articles per second of the thread's own CPU time (robust to other processes sharing the cores).</summary>
    public double ArticlesPerCpuSecond { get; init; }

    /// <summary>CPU time of the whole process (garbage collector and JIT included).</summary>
    public double ProcessCpuSeconds { get; init; }

    /// <summary>Articles per second of the process's CPU time: the conservative single-core figure.</summary>
    public double ArticlesPerProcessCpuSecond { get; init; }
}
