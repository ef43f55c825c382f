using System.ComponentModel;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Storage.Embedded;
using Marsad.Storage.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marsad.Cli.Commands;

/// <summary>marsad eval search --data DIR: known-item MRR@10 (Marsad's analyzer vs Lucene's ArabicAnalyzer) and search latency.</summary>
public sealed class EvalSearchCommand : Command<EvalSearchCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--queries <N>")]
        [Description("Known-item queries (rewritten headlines), default 1000; 0 runs only the latency measurement.")]
        [DefaultValue(1000)]
        public int Queries { get; init; } = 1000;

        [CommandOption("--latency-queries <N>")]
        [Description("Queries timed on the archive's index, default 1000 (0 skips).")]
        [DefaultValue(1000)]
        public int LatencyQueries { get; init; } = 1000;

        [CommandOption("--words <N>")]
        [Description("Keep only N consecutive words of each rewritten headline (0, the default, keeps all).")]
        [DefaultValue(0)]
        public int Words { get; init; }

        [CommandOption("--seed <N>")]
        [DefaultValue(7)]
        public int Seed { get; init; } = 7;

        [CommandOption("--json")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => Queries < 0 || LatencyQueries < 0 || (Queries == 0 && LatencyQueries == 0) ? ValidationResult.Error("--queries and --latency-queries must not be negative, and one must be positive") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Db is not null)
        {
            // Server mode: Marsad's tsvector against PostgreSQL's 'arabic' configuration (no latency run).
            using var pg = Storage.Postgres.PostgresArchive.Open(settings.Db, new Storage.Postgres.PostgresArchiveOptions { ReadOnly = true });
            return Report(settings, PostgresSearchEvaluator.KnownItem(pg, settings.Queries, settings.Seed, settings.Words), []);
        }

        using var archive = EmbeddedArchive.Open(settings.Data, new ArchiveOpenOptions { ReadOnly = true });
        if (archive.Stats().IndexDocuments == 0)
        {
            // Known-item queries are drawn from the archive's own articles: an empty one has none.
            throw new MarsadException(ErrorCodes.Storage, "the archive holds no indexed article to draw queries from: run `marsad ingest` first", archive.Directory);
        }

        var quality = settings.Queries > 0 ? SearchEvaluator.KnownItem(archive, settings.Queries, settings.Seed, settings.Words, m => Console.Error.WriteLine(m)) : null;
        var latencies = settings.LatencyQueries > 0
            ? new[] { SearchEvaluator.Latency(archive, settings.LatencyQueries, settings.Seed + 1, highlights: true), SearchEvaluator.Latency(archive, settings.LatencyQueries, settings.Seed + 1, highlights: false) }
            : [];
        return Report(settings, quality, latencies);
    }

    private static int Report(Settings settings, SearchEvaluation? quality, IReadOnlyList<SearchLatency> latencies)
    {
        if (settings.Json)
        {
            if (quality is not null)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(quality, ArchiveCliJson.Readable.SearchEvaluation));
            }

            foreach (var latency in latencies)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(latency, ArchiveCliJson.Readable.SearchLatency));
            }

            return ExitCodes.Ok;
        }

        if (quality is not null)
        {
            WriteQuality(quality);
        }

        foreach (var latency in latencies)
        {
            var cpu = latency.CpuP50Ms is { } p50 ? $"; CPU time of the searching thread: p50 {F(p50)} ms, p90 {F(latency.CpuP90Ms!.Value)} ms, p99 {F(latency.CpuP99Ms!.Value)} ms, max {F(latency.CpuMaxMs!.Value)} ms" : string.Empty;
            AnsiConsole.MarkupLine($"latency over {latency.Queries} queries on {latency.Documents} documents {(latency.Highlights ? "with" : "without")} highlights: wall p50 {F(latency.P50Ms)} ms, p90 {F(latency.P90Ms)} ms, p99 {F(latency.P99Ms)} ms, max {F(latency.MaxMs)} ms{cpu}");
        }

        return ExitCodes.Ok;
    }

    private static void WriteQuality(SearchEvaluation quality)
    {
        AnsiConsole.MarkupLine($"known-item search: {quality.Queries} rewritten headlines{(quality.Words > 0 ? $" cut to {quality.Words} words" : "")} over {quality.Documents} articles (seed {quality.Seed})");
        var kinds = quality.Scores[0].MrrByRewrite.Keys.ToList();
        var table = new Table().AddColumns(["analyzer", "MRR@10", "S@1", "S@10", .. kinds]);
        foreach (var s in quality.Scores)
        {
            table.AddRow([s.Analyzer, F(s.Mrr), F(s.SuccessAt1), F(s.SuccessAt10), .. kinds.Select(k => F(s.MrrByRewrite[k]))]);
        }

        AnsiConsole.Write(table);
    }

    private static string F(double v) => v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
