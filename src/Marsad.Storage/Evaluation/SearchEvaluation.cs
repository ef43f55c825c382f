using System.Diagnostics;
using Marsad.Json;
using Marsad.Storage.Embedded;
using Marsad.Storage.Search;

namespace Marsad.Storage.Evaluation;

/// <summary>MRR@10 of one analyzer, overall and per kind of rewrite.</summary>
public sealed record AnalyzerScore(string Analyzer, double Mrr, double SuccessAt1, double SuccessAt10, IReadOnlyDictionary<string, double> MrrByRewrite)
{
    /// <summary>Scores one analyzer from the rank of each query's target (null: not in the top ten) and each query's rewrite.</summary>
    internal static AnalyzerScore From(string name, int?[] ranks, IReadOnlyList<Rewrite> rewriteOf)
    {
        double Mrr(IEnumerable<int> indexes) => indexes.Select(i => ranks[i] is { } k ? 1.0 / k : 0.0).DefaultIfEmpty(0).Average();
        var all = Enumerable.Range(0, ranks.Length).ToList();
        return new AnalyzerScore(
            name,
            Math.Round(Mrr(all), 4),
            Math.Round(ranks.Count(k => k == 1) / (double)Math.Max(1, ranks.Length), 4),
            Math.Round(ranks.Count(k => k is not null) / (double)Math.Max(1, ranks.Length), 4),
            Enum.GetValues<Rewrite>().ToDictionary(k => k.ToString(), k => Math.Round(Mrr(all.Where(i => rewriteOf[i] == k)), 4)));
    }
}

/// <summary>The known-item evaluation: Marsad's analyzer against Lucene's stock ArabicAnalyzer on the same documents and queries.</summary>
public sealed record SearchEvaluation(int Documents, int Queries, int Seed, int Words, IReadOnlyList<AnalyzerScore> Scores, IReadOnlyList<QueryExample> Examples);

public sealed record QueryExample(string Rewrite, string Headline, string Query, int? MarsadRank, int? BaselineRank);

/// <summary>
/// Search latency over a set of queries: wall clock, and the CPU time of the searching thread (null where the
/// thread clock is not available), which on a shared machine is the fair figure.
/// </summary>
public sealed record SearchLatency(int Documents, int Queries, bool Highlights, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double MeanMs)
{
    public double? CpuP50Ms { get; init; }

    public double? CpuP90Ms { get; init; }

    public double? CpuP99Ms { get; init; }

    public double? CpuMaxMs { get; init; }
}

/// <summary>
/// Known-item search: each query is an archived article's headline rewritten (<see cref="HeadlineRewriter"/>);
/// the score is the reciprocal rank of that article in the top 10 (MRR@10). Both analyzers index the
/// same originals with the same fields (headline boosted over text) and the same query parser.
/// </summary>
public static class SearchEvaluator
{
    /// <param name="words">When positive, each query keeps only this many consecutive words of the rewritten headline (a remembered fragment).</param>
    public static SearchEvaluation KnownItem(EmbeddedArchive archive, int queries, int seed, int words = 0, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var documents = archive.Originals().Select(d => new IndexDocument(d.Article.Id, d.Article.Headline, d.Text, d.Article.Source, d.Article.Section, null, null, [])).ToList();
        var random = new Random(seed);
        var candidates = documents.Where(d => (d.Headline?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0) >= 3).ToList();
        var targets = candidates.OrderBy(_ => random.Next()).Take(queries).ToList();
        var rewriter = new HeadlineRewriter(seed);
        var kinds = Enum.GetValues<Rewrite>();
        var queryList = targets.Select((t, i) => (Target: t, Kind: kinds[i % kinds.Length], Query: Fragment(rewriter.Apply(t.Headline!, kinds[i % kinds.Length]), words, random))).ToList();

        var ranks = new Dictionary<IndexAnalysis, int?[]>();
        foreach (var analysis in new[] { IndexAnalysis.Marsad, IndexAnalysis.LuceneArabic })
        {
            var watch = Stopwatch.StartNew();
            var folder = Path.Combine(Path.GetTempPath(), $"marsad-eval-{analysis}-{Environment.ProcessId}");
            try
            {
                using var index = SearchIndex.Open(folder, writable: true, analysis);
                foreach (var doc in documents)
                {
                    index.Put(doc);
                }

                index.Commit();
                log?.Invoke($"{analysis}: indexed {documents.Count} documents in {watch.Elapsed.TotalSeconds:0.0} s");
                ranks[analysis] = queryList.Select(q =>
                {
                    var hits = index.Search(new SearchQuery(q.Query) { Limit = 10, Highlights = false }).Hits;
                    var rank = hits.Select(h => h.Id).ToList().IndexOf(q.Target.Id);
                    return rank >= 0 ? (int?)(rank + 1) : null;
                }).ToArray();
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        var rewriteOf = queryList.Select(q => q.Kind).ToArray();
        AnalyzerScore Score(string name, int?[] r) => AnalyzerScore.From(name, r, rewriteOf);

        var examples = queryList.Take(12).Select((q, i) => new QueryExample(q.Kind.ToString(), q.Target.Headline!, q.Query, ranks[IndexAnalysis.Marsad][i], ranks[IndexAnalysis.LuceneArabic][i])).ToList();
        return new SearchEvaluation(documents.Count, queryList.Count, seed, words, [Score("marsad", ranks[IndexAnalysis.Marsad]), Score("lucene-arabic", ranks[IndexAnalysis.LuceneArabic])], examples);
    }

    internal static string Fragment(string query, int words, Random random)
    {
        var parts = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words <= 0 || parts.Length <= words)
        {
            return query;
        }

        return string.Join(' ', parts.Skip(random.Next(parts.Length - words + 1)).Take(words));
    }

    /// <summary>Times <paramref name="queries"/> searches on the archive's own index, with highlights (as the CLI runs them) or without.</summary>
    public static SearchLatency Latency(EmbeddedArchive archive, int queries, int seed, bool highlights = true)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var random = new Random(seed);
        var headlines = archive.Originals().Select(d => d.Article.Headline).OfType<string>().Where(h => h.Length > 10).ToList();
        var texts = new List<string>(queries);
        for (var i = 0; i < queries; i++)
        {
            var words = headlines[random.Next(headlines.Count)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var take = Math.Min(words.Length, 1 + random.Next(3));
            var start = random.Next(Math.Max(1, words.Length - take + 1));
            var phrase = string.Join(' ', words.Skip(start).Take(take));
            // One query in four is a phrase.
            texts.Add(i % 4 == 3 && take > 1 ? $"\"{phrase}\"" : phrase);
        }

        foreach (var warm in texts.Take(50))
        {
            archive.Search(new SearchQuery(warm) { Highlights = highlights });
        }

        var times = new List<double>(queries);
        var cpuTimes = new List<double>(queries);
        foreach (var text in texts)
        {
            var cpu = ThreadCpuClock.Now();
            var watch = Stopwatch.StartNew();
            archive.Search(new SearchQuery(text) { Highlights = highlights });
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (cpu is { } before && ThreadCpuClock.Now() is { } after)
            {
                cpuTimes.Add((after - before) * 1000);
            }
        }

        times.Sort();
        cpuTimes.Sort();
        static double P(List<double> sorted, double q) => Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)], 2);
        double? Cpu(double q) => cpuTimes.Count == times.Count ? P(cpuTimes, q) : null;
        return new SearchLatency(archive.Stats().IndexDocuments, queries, highlights, P(times, 0.5), P(times, 0.9), P(times, 0.99), Math.Round(times[^1], 2), Math.Round(times.Average(), 2))
        {
            CpuP50Ms = Cpu(0.5),
            CpuP90Ms = Cpu(0.9),
            CpuP99Ms = Cpu(0.99),
            CpuMaxMs = Cpu(1.0),
        };
    }
}
