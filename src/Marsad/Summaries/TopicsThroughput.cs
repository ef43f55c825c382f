using System.Diagnostics;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Summaries;

/// <summary>
/// Articles per second of the topic, keyphrase and summary annotators on one thread, measured on
/// prepared documents (the text layer's tokens and sentences already there, as in the pipeline): by wall clock and by the process's CPU time (the
/// fair figure on a shared, oversubscribed machine).
/// </summary>
public static class TopicsThroughput
{
    public static (double WallClock, double CpuTime) Measure(IReadOnlyList<Article> articles, IReadOnlyList<IAnnotator> annotators, int rounds = 3)
    {
        // Documents are built (and run through the text layer) outside the timed loop: only the three stages count.
        var text = new Marsad.Text.TextAnnotator();
        var docs = new List<AnalyzedArticle>(articles.Count * rounds);
        for (var r = 0; r < rounds; r++)
        {
            foreach (var article in articles)
            {
                var doc = new AnalyzedArticle(article);
                text.Annotate(doc);
                docs.Add(doc);
            }
        }

        // Warm up on the first few documents (JIT), then time all of them.
        foreach (var doc in docs.Take(Math.Min(50, docs.Count)).Select(d => new AnalyzedArticle(d.Article)))
        {
            text.Annotate(doc);
            foreach (var a in annotators)
            {
                a.Annotate(doc);
            }
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var doc in docs)
        {
            foreach (var a in annotators)
            {
                a.Annotate(doc);
            }
        }

        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return (docs.Count / Math.Max(wall, 1e-9), docs.Count / Math.Max(cpu, 1e-9));
    }
}
