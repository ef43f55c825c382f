using Marsad.Storage.Postgres;

namespace Marsad.Storage.Evaluation;

/// <summary>
/// The known-item evaluation of <see cref="SearchEvaluator.KnownItem"/> on a PostgreSQL archive: the same
/// choice of targets and the same rewritten headlines (<see cref="HeadlineRewriter"/>), ranked by
/// PostgreSQL over Marsad's tsvector and over the built-in 'arabic' configuration.
/// </summary>
public static class PostgresSearchEvaluator
{
    public static SearchEvaluation KnownItem(PostgresArchive archive, int queries, int seed, int words = 0)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var documents = archive.Originals().Select(d => (d.Article.Id, d.Article.Headline)).ToList();
        var random = new Random(seed);
        var candidates = documents.Where(d => (d.Headline?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0) >= 3).ToList();
        var targets = candidates.OrderBy(_ => random.Next()).Take(queries).ToList();
        var rewriter = new HeadlineRewriter(seed);
        var kinds = Enum.GetValues<Rewrite>();
        var queryList = targets.Select((t, i) => (Target: t, Kind: kinds[i % kinds.Length], Query: SearchEvaluator.Fragment(rewriter.Apply(t.Headline!, kinds[i % kinds.Length]), words, random))).ToList();

        int?[] Ranks(PostgresTextSearch mode) => queryList.Select(q =>
        {
            var hits = archive.Search(new SearchQuery(q.Query) { Limit = 10, Highlights = false }, mode).Hits;
            var rank = hits.Select(h => h.Id).ToList().IndexOf(q.Target.Id);
            return rank >= 0 ? (int?)(rank + 1) : null;
        }).ToArray();

        var marsad = Ranks(PostgresTextSearch.Marsad);
        var arabic = Ranks(PostgresTextSearch.Arabic);

        var rewriteOf = queryList.Select(q => q.Kind).ToArray();
        AnalyzerScore Score(string name, int?[] r) => AnalyzerScore.From(name, r, rewriteOf);

        var examples = queryList.Take(12).Select((q, i) => new QueryExample(q.Kind.ToString(), q.Target.Headline!, q.Query, marsad[i], arabic[i])).ToList();
        return new SearchEvaluation(documents.Count, queryList.Count, seed, words, [Score("postgres-marsad-tsvector", marsad), Score("postgres-arabic", arabic)], examples);
    }
}
