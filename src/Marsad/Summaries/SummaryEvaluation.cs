using Marsad.Evaluation;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Model;

namespace Marsad.Summaries;

/// <summary>One article of a summarisation gold set: title, text (paragraphs separated by line breaks) and its reference summaries.</summary>
public sealed record SummaryRecord(string Id, string? Title, string Text, IReadOnlyList<string> References);

/// <summary>Mean ROUGE-1/2/L F1 (in %) of one system over a gold set.</summary>
public sealed record RougeSummary(string System, double Rouge1, double Rouge2, double RougeL, double MeanSentences, double MeanWords);

/// <summary>Scores the extractive summariser and the lead-1 / lead-2 baselines against reference summaries.</summary>
public static class SummaryEvaluation
{
    public static List<SummaryRecord> Read(string path) => GoldFiles.ReadJsonLines(path, (line, lineNumber) =>
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var references = root.TryGetProperty("summaries", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        if (references.Count == 0 || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            throw new MarsadException(ErrorCodes.BadGold, "a record needs text and summaries", $"{path}#{lineNumber}");
        }

        var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : $"{lineNumber}";
        return new SummaryRecord(id, title, text.GetString()!, references);
    });

    /// <summary>The article of a record: its title as headline and one paragraph per non-empty line.</summary>
    public static Article ToArticle(SummaryRecord record) => new()
    {
        Id = record.Id,
        Headline = record.Title,
        Paragraphs = record.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToList(),
        Format = "jsonl",
    };

    /// <summary>
    /// Scores Marsad, lead-1 and lead-2 on every record. <paramref name="analyze"/> builds the document
    /// with its sentences (and whatever else the pipeline adds); the best reference counts when there are several.
    /// </summary>
    public static IReadOnlyList<RougeSummary> Evaluate(IReadOnlyList<SummaryRecord> records, Func<Article, AnalyzedArticle> analyze, ExtractiveSummarizer summarizer, bool stem = true) =>
        Evaluate(records, analyze, [summarizer], stem);

    /// <summary>
    /// Scores several weightings of the summariser (for tuning: each document is analysed once) and the lead
    /// baselines; the first summariser is named "marsad", the others "marsad[weights]".
    /// </summary>
    public static IReadOnlyList<RougeSummary> Evaluate(IReadOnlyList<SummaryRecord> records, Func<Article, AnalyzedArticle> analyze, IReadOnlyList<ExtractiveSummarizer> summarizers, bool stem = true)
    {
        var systems = summarizers
            .Select((summarizer, i) => (Name: i == 0 ? "marsad" : $"marsad[{Format(summarizer.Weights)}]", Pick: (Func<AnalyzedArticle, List<int>>)summarizer.Summarize))
            .Concat(
            [
                ("lead-1", d => ExtractiveSummarizer.BodySentences(d).Take(1).Select(s => s.Index).ToList()),
                ("lead-2", d => ExtractiveSummarizer.BodySentences(d).Take(2).Select(s => s.Index).ToList()),
            ])
            .ToArray();
        var sums = new double[systems.Length, 5];
        foreach (var record in records)
        {
            var doc = analyze(ToArticle(record));
            FallbackSentenceSplitter.Fill(doc);
            var references = record.References.Select(r => Rouge.Tokens(r, stem)).ToList();
            for (var k = 0; k < systems.Length; k++)
            {
                var picked = systems[k].Pick(doc);
                var summary = string.Join(" ", picked.Select(i => doc.Slice(doc.Sentences[i].Start, doc.Sentences[i].End)));
                var tokens = Rouge.Tokens(summary, stem);
                var best = references.Select(r => Rouge.Score(tokens, r)).MaxBy(r => r.RougeL.F1);
                sums[k, 0] += best.Rouge1.F1;
                sums[k, 1] += best.Rouge2.F1;
                sums[k, 2] += best.RougeL.F1;
                sums[k, 3] += picked.Count;
                sums[k, 4] += tokens.Count;
            }
        }

        var n = Math.Max(1, records.Count);
        return systems.Select((s, k) => new RougeSummary(
            s.Name,
            Math.Round(100 * sums[k, 0] / n, 2),
            Math.Round(100 * sums[k, 1] / n, 2),
            Math.Round(100 * sums[k, 2] / n, 2),
            Math.Round(sums[k, 3] / n, 2),
            Math.Round(sums[k, 4] / n, 1))).ToList();
    }

    private static string Format(SummaryWeights w) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{w.Position},{w.Headline},{w.Centrality},{w.EntityDensity},{w.MinWords}");
}
