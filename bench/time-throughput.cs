#:project ../src/Marsad/Marsad.csproj
#:property TargetFramework=net10.0
#:property Nullable=enable
#:property ImplicitUsings=enable
#:property TreatWarningsAsErrors=true
#:property Optimize=true

// Throughput of the "times" stage on one thread: reads articles (JSON Lines, e.g. the ANT dev
// split), builds each AnalyzedArticle once, then times TimeAnnotator alone over all of them.
// Usage: taskset -c 0 dotnet run -c Release bench/time-throughput.cs -- FILE.jsonl [ROUNDS]
using System.Diagnostics;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Time;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: time-throughput FILE.jsonl [ROUNDS]");
    return 2;
}

var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var articles = ArticleReaders.ReadPath(args[0], new ReadOptions { Format = InputFormat.Jsonl })
    .Where(o => o.Article is not null)
    .Select(o => o.Article!)
    .ToList();
var annotator = new TimeAnnotator();
var chars = articles.Sum(a => new AnalyzedArticle(a).Text.Length);

// Warm-up: type initialisation (tables, compiled regexes) and JIT tiering.
for (var w = 0; w < 2; w++)
{
    foreach (var a in articles)
    {
        annotator.Annotate(new AnalyzedArticle(a));
    }
}

var docs = articles.Select(a => new AnalyzedArticle(a)).ToList();
var best = double.MaxValue;
var found = 0;
for (var r = 0; r < rounds; r++)
{
    foreach (var d in docs)
    {
        d.TimeExpressions.Clear();
    }

    var watch = Stopwatch.StartNew();
    foreach (var d in docs)
    {
        annotator.Annotate(d);
    }

    watch.Stop();
    best = Math.Min(best, watch.Elapsed.TotalSeconds);
    found = docs.Sum(d => d.TimeExpressions.Count);
}

Console.WriteLine($"articles: {docs.Count}, characters: {chars}, time expressions: {found}");
Console.WriteLine($"best of {rounds} rounds: {best:0.000} s = {docs.Count / best:0} articles/s, {chars / best / 1e6:0.00} M chars/s (one thread)");
return 0;
