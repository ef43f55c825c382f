using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Cli.Benchmarks;

/// <summary>One system's throughput on the peer sample (single thread).</summary>
public sealed record PeerResult(string System, int Articles, double Seconds, double ArticlesPerSecond, double WordsPerSecond, long Units, string UnitName, string? Note = null);

/// <summary>
/// Marsad's stages beside the peers that run here, on the same articles and one thread: the text
/// stage beside Lucene.Net's ArabicAnalyzer token stream, Marsad's HTML reader beside SmartReader
/// alone on the articles rendered as simple HTML pages, and PostgreSQL's to_tsvector('arabic', …)
/// through psql when a server URL is given.
/// </summary>
public static class PeerBenchmarks
{
    public static IReadOnlyList<PeerResult> Run(IReadOnlyList<Article> articles, string? postgresUrl, int passes = 1)
    {
        var docs = articles.Select(a => new AnalyzedArticle(a)).ToList();
        var words = docs.Sum(d => (long)EndToEndBenchmark.CountWords(d.Text));
        var results = new List<PeerResult>
        {
            Time("marsad text stage", docs.Count, words, passes, "tokens", () => MarsadText(docs)),
            Time("lucene ArabicAnalyzer", docs.Count, words, passes, "tokens", () => Lucene(docs)),
        };

        var pages = articles.Select(RenderPage).ToList();
        results.Add(Time("marsad HtmlPageReader", pages.Count, words, passes, "paragraphs", () => MarsadHtml(pages)));
        results.Add(Time("SmartReader alone", pages.Count, words, passes, "paragraphs", () => SmartReaderAlone(pages)));
        results.Add(Postgres(docs, words, postgresUrl));
        return results;
    }

    private static PeerResult Time(string system, int count, long words, int passes, string unitName, Func<long> run)
    {
        run(); // warm-up pass: JIT, lazy tables
        long units = 0;
        var watch = Stopwatch.StartNew();
        for (var p = 0; p < passes; p++)
        {
            units = run();
        }

        watch.Stop();
        var seconds = watch.Elapsed.TotalSeconds / passes;
        return new PeerResult(system, count, Math.Round(seconds, 4), Math.Round(count / seconds, 1), Math.Round(words / seconds, 0), units, unitName);
    }

    private static long MarsadText(List<AnalyzedArticle> docs)
    {
        var annotator = new TextAnnotator();
        long tokens = 0;
        foreach (var doc in docs)
        {
            var fresh = new AnalyzedArticle(doc.Article);
            annotator.Annotate(fresh);
            tokens += fresh.Tokens.Count;
        }

        return tokens;
    }

    private static long Lucene(List<AnalyzedArticle> docs)
    {
        using var analyzer = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        long tokens = 0;
        foreach (var doc in docs)
        {
            using var stream = analyzer.GetTokenStream("body", doc.Text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens += term.Length > 0 ? 1 : 0;
            }

            stream.End();
        }

        return tokens;
    }

    private static long MarsadHtml(List<(string Name, string Html)> pages)
    {
        var reader = new HtmlPageReader();
        var options = new ReadOptions { Format = InputFormat.Html };
        long paragraphs = 0;
        foreach (var (name, html) in pages)
        {
            foreach (var outcome in reader.Read(name, html, options))
            {
                paragraphs += outcome.Article?.Paragraphs.Count ?? 0;
            }
        }

        return paragraphs;
    }

    private static long SmartReaderAlone(List<(string Name, string Html)> pages)
    {
        long paragraphs = 0;
        foreach (var (name, html) in pages)
        {
            var article = new SmartReader.Reader("https://example.org/" + name, html).GetArticle();
            paragraphs += string.IsNullOrEmpty(article.Content) ? 0 : HtmlText.Paragraphs(article.Content).Count;
        }

        return paragraphs;
    }

    /// <summary>A simple news page: title, navigation and footer boilerplate around the article's headline and paragraphs.</summary>
    internal static (string Name, string Html) RenderPage(Article article, int index)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(article.Headline ?? string.Empty))
            .Append("</title></head><body><header><nav><a href=\"/\">الرئيسية</a> <a href=\"/world\">العالم</a> <a href=\"/economy\">اقتصاد</a></nav></header><main><article><h1>")
            .Append(WebUtility.HtmlEncode(article.Headline ?? string.Empty))
            .Append("</h1>");
        foreach (var paragraph in article.Paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        html.Append("</article></main><footer><p>جميع الحقوق محفوظة</p></footer></body></html>");
        return ("page" + index.ToString(CultureInfo.InvariantCulture) + ".html", html.ToString());
    }

    /// <summary>
    /// to_tsvector('arabic', …) over the same texts: the texts go into a temporary table first
    /// (psql \copy, untimed), then one statement computes every vector; the server's own timing
    /// (clock_timestamp around the statement) is the figure, so the client transfer is not counted.
    /// </summary>
    private static PeerResult Postgres(List<AnalyzedArticle> docs, long words, string? url)
    {
        const string system = "postgresql to_tsvector('arabic')";
        if (string.IsNullOrWhiteSpace(url))
        {
            return new PeerResult(system, 0, 0, 0, 0, 0, "lexemes", "skipped: no server given (--pg URL or MARSAD_BENCH_PG)");
        }

        var data = Path.Combine(Path.GetTempPath(), "marsad-bench-pg-" + Guid.NewGuid().ToString("N") + ".tsv");
        try
        {
            File.WriteAllLines(data, docs.Select(d => d.Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)));
            var script = string.Join('\n',
                "CREATE TEMP TABLE bench_texts(body text);",
                $"\\copy bench_texts FROM '{data}'",
                "SELECT count(*) FROM (SELECT to_tsvector('arabic', body) FROM bench_texts) warm;",
                "DO $$ DECLARE t0 timestamptz; n bigint; BEGIN t0 := clock_timestamp(); SELECT sum(length(to_tsvector('arabic', body))) INTO n FROM bench_texts; RAISE NOTICE 'bench % %', extract(epoch FROM clock_timestamp() - t0), n; END $$;");
            var start = new ProcessStartInfo("psql")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(url);
            start.ArgumentList.Add("-v");
            start.ArgumentList.Add("ON_ERROR_STOP=1");
            start.ArgumentList.Add("-X");
            start.ArgumentList.Add("-q");
            using var psql = Process.Start(start)!;
            psql.StandardInput.Write(script);
            psql.StandardInput.Close();
            var stdout = psql.StandardOutput.ReadToEndAsync();
            var stderr = psql.StandardError.ReadToEnd();
            psql.WaitForExit();
            _ = stdout.Result;
            var notice = stderr.Split('\n').FirstOrDefault(l => l.Contains("bench ", StringComparison.Ordinal));
            if (psql.ExitCode != 0 || notice is null)
            {
                return new PeerResult(system, 0, 0, 0, 0, 0, "lexemes", "skipped: psql failed: " + stderr.Trim().Split('\n')[0]);
            }

            var fields = notice[(notice.IndexOf("bench ", StringComparison.Ordinal) + 6)..].Trim().Split(' ');
            var seconds = double.Parse(fields[0], CultureInfo.InvariantCulture);
            var lexemes = long.Parse(fields[1], CultureInfo.InvariantCulture);
            return new PeerResult(system, docs.Count, Math.Round(seconds, 4), Math.Round(docs.Count / seconds, 1), Math.Round(words / seconds, 0), lexemes, "lexemes", "server-side time of one statement (client transfer excluded)");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new PeerResult(system, 0, 0, 0, 0, 0, "lexemes", "skipped: psql not found: " + e.Message);
        }
        finally
        {
            File.Delete(data);
        }
    }
}
