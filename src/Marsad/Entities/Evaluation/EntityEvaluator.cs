using Marsad.Entities.Resolution;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Entities.Evaluation;

/// <summary>The scores of <see cref="EntityEvaluator"/>; percentages, rounded to 0.1.</summary>
public sealed record EntityEvalReport
{
    /// <summary>"gold" (merging the gold mentions), "gold-exact-baseline" (same text, same entity) or "predicted" (the pipeline's own mentions, end to end).</summary>
    public required string Mentions { get; init; }

    public int Articles { get; init; }

    public int GoldMentions { get; init; }

    public int PredictedMentions { get; init; }

    public int GoldClusters { get; init; }

    /// <summary>Predicted mentions that overlap a gold mention, over predicted mentions (predicted mode only).</summary>
    public double? MentionPrecision { get; init; }

    /// <summary>Gold mentions overlapped by a predicted mention, over gold mentions (predicted mode only).</summary>
    public double? MentionRecall { get; init; }

    /// <summary>Predicted same-entity mention pairs that are gold same-cluster pairs.</summary>
    public double Precision { get; init; }

    /// <summary>Gold same-cluster mention pairs that are predicted same-entity pairs.</summary>
    public double Recall { get; init; }

    public double F1 { get; init; }

    public int GoldPairs { get; init; }

    public int PredictedPairs { get; init; }

    /// <summary>Gold clusters with a Wikidata id whose mentions went mostly to an entity with that id.</summary>
    public double LinkingAccuracy { get; init; }

    public int LinkableClusters { get; init; }

    /// <summary>Gold clusters whose mentions went mostly to one entity whose canonical name is the gold one (normalised).</summary>
    public double CanonicalAccuracy { get; init; }

    /// <summary>Readable merge errors: "article: split …" and "article: false merge …".</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>
/// Scores entity merging against gold clusters with the pairwise measure: every pair of mentions in the
/// same article is a link when both are in one entity. With gold mentions the resolver alone is scored;
/// with predicted mentions the whole pipeline (tagger, completion, merging) is, and a link counts only
/// when both of its predicted mentions overlap gold mentions of one cluster.
/// </summary>
public static class EntityEvaluator
{
    public static EntityEvalReport EvaluateWithGoldMentions(IReadOnlyList<GoldArticle> gold, EntityResolver resolver)
    {
        var scored = new List<(GoldArticle Gold, List<Mention> Predicted, IReadOnlyList<Entity> Entities)>();
        foreach (var g in gold)
        {
            var mentions = g.Mentions.Select(m => new Mention(m.Start, m.End, m.Type, m.Text)).ToList();
            var doc = new AnalyzedArticle(g.Article);
            var entities = resolver.Resolve(mentions, doc.Text);
            scored.Add((g, mentions, entities));
        }

        return Score("gold", scored);
    }

    /// <summary>
    /// The baseline the rules are measured against: gold mentions with the same type and the same text
    /// (exactly as written) are one entity; nothing is linked.
    /// </summary>
    public static EntityEvalReport EvaluateExactMatchBaseline(IReadOnlyList<GoldArticle> gold)
    {
        var scored = new List<(GoldArticle, List<Mention>, IReadOnlyList<Entity>)>();
        foreach (var g in gold)
        {
            var mentions = g.Mentions.Select(m => new Mention(m.Start, m.End, m.Type, m.Text) { EntityKey = m.Type + ":" + m.Text }).ToList();
            var entities = mentions.GroupBy(m => m.EntityKey!)
                .Select(grp => new Entity(grp.Key, grp.First().Type, grp.First().Text) { MentionCount = grp.Count() })
                .ToList();
            scored.Add((g, mentions, entities));
        }

        return Score("gold-exact-baseline", scored);
    }

    public static EntityEvalReport EvaluateWithPipeline(IReadOnlyList<GoldArticle> gold, AnalysisPipeline pipeline) =>
        EvaluateWithAnalysis(gold, pipeline.Analyze);

    /// <summary>End to end with any analysis function that fills the mention and entity layers.</summary>
    public static EntityEvalReport EvaluateWithAnalysis(IReadOnlyList<GoldArticle> gold, Func<Article, AnalyzedArticle> analyze)
    {
        var scored = new List<(GoldArticle, List<Mention>, IReadOnlyList<Entity>)>();
        foreach (var g in gold)
        {
            var doc = analyze(g.Article);
            scored.Add((g, doc.Mentions.ToList(), doc.Entities.ToList()));
        }

        return Score("predicted", scored);
    }

    private static EntityEvalReport Score(string mode, List<(GoldArticle Gold, List<Mention> Predicted, IReadOnlyList<Entity> Entities)> scored)
    {
        long goldPairs = 0, predictedPairs = 0, correctGold = 0, correctPredicted = 0;
        int goldMentions = 0, predictedMentions = 0, alignedPredicted = 0, alignedGold = 0;
        int clusters = 0, linkable = 0, linked = 0, canonicalRight = 0;
        var errors = new List<string>();
        foreach (var (gold, predicted, entities) in scored)
        {
            var g = gold.Mentions;
            goldMentions += g.Count;
            predictedMentions += predicted.Count;

            // One-to-one alignment by largest overlap, gold mentions in text order.
            var goldToPred = new int[g.Count];
            var predToGold = Enumerable.Repeat(-1, predicted.Count).ToArray();
            for (var i = 0; i < g.Count; i++)
            {
                goldToPred[i] = -1;
                var best = 0;
                for (var j = 0; j < predicted.Count; j++)
                {
                    var overlap = Math.Min(g[i].End, predicted[j].End) - Math.Max(g[i].Start, predicted[j].Start);
                    if (overlap > best && predToGold[j] < 0)
                    {
                        best = overlap;
                        goldToPred[i] = j;
                    }
                }

                if (goldToPred[i] >= 0)
                {
                    predToGold[goldToPred[i]] = i;
                    alignedGold++;
                }
            }

            alignedPredicted += predToGold.Count(x => x >= 0);

            for (var i = 0; i < g.Count; i++)
            {
                for (var k = i + 1; k < g.Count; k++)
                {
                    if (g[i].ClusterId != g[k].ClusterId)
                    {
                        continue;
                    }

                    goldPairs++;
                    var (pi, pk) = (goldToPred[i], goldToPred[k]);
                    if (pi >= 0 && pk >= 0 && predicted[pi].EntityKey is { } key && key == predicted[pk].EntityKey)
                    {
                        correctGold++;
                    }
                    else
                    {
                        errors.Add($"{gold.Article.Id}: split {g[i].Text} / {g[k].Text} ({g[i].ClusterId})");
                    }
                }
            }

            for (var i = 0; i < predicted.Count; i++)
            {
                for (var k = i + 1; k < predicted.Count; k++)
                {
                    if (predicted[i].EntityKey is not { } key || key != predicted[k].EntityKey)
                    {
                        continue;
                    }

                    predictedPairs++;
                    var (gi, gk) = (predToGold[i], predToGold[k]);
                    if (gi >= 0 && gk >= 0 && g[gi].ClusterId == g[gk].ClusterId)
                    {
                        correctPredicted++;
                    }
                    else
                    {
                        errors.Add($"{gold.Article.Id}: false merge {predicted[i].Text} / {predicted[k].Text} ({key})");
                    }
                }
            }

            // Linking and naming, per gold cluster: the entity most of its mentions went to.
            var byKey = entities.ToDictionary(e => e.Key, StringComparer.Ordinal);
            foreach (var cluster in gold.Clusters.Values)
            {
                clusters++;
                var keys = g.Select((m, i) => (m, i)).Where(x => x.m.ClusterId == cluster.Id && goldToPred[x.i] >= 0)
                    .Select(x => predicted[goldToPred[x.i]].EntityKey).Where(k => k is not null).ToList();
                var top = keys.GroupBy(k => k).OrderByDescending(k => k.Count()).Select(k => k.Key).FirstOrDefault();
                var entity = top is not null && byKey.TryGetValue(top, out var e) ? e : null;
                if (cluster.WikidataId is not null)
                {
                    linkable++;
                    if (entity?.WikidataId == cluster.WikidataId)
                    {
                        linked++;
                    }
                    else
                    {
                        errors.Add($"{gold.Article.Id}: not linked {cluster.Canonical} ({cluster.WikidataId}) → {entity?.WikidataId ?? "none"}");
                    }
                }

                if (entity is not null && NameNormalizer.Matching(entity.CanonicalName) == NameNormalizer.Matching(cluster.Canonical))
                {
                    canonicalRight++;
                }
                else
                {
                    errors.Add($"{gold.Article.Id}: canonical {cluster.Canonical} → {entity?.CanonicalName ?? "none"}");
                }
            }
        }

        double Pct(long a, long b) => b == 0 ? 100.0 : Math.Round(100.0 * a / b, 1);
        var p = Pct(correctPredicted, predictedPairs);
        var r = Pct(correctGold, goldPairs);
        return new EntityEvalReport
        {
            Mentions = mode,
            Articles = scored.Count,
            GoldMentions = goldMentions,
            PredictedMentions = predictedMentions,
            GoldClusters = clusters,
            MentionPrecision = mode.StartsWith("gold", StringComparison.Ordinal) ? null : Pct(alignedPredicted, predictedMentions),
            MentionRecall = mode.StartsWith("gold", StringComparison.Ordinal) ? null : Pct(alignedGold, goldMentions),
            Precision = p,
            Recall = r,
            F1 = p + r == 0 ? 0 : Math.Round(2 * p * r / (p + r), 1),
            GoldPairs = (int)goldPairs,
            PredictedPairs = (int)predictedPairs,
            LinkingAccuracy = Pct(linked, linkable),
            LinkableClusters = linkable,
            CanonicalAccuracy = Pct(canonicalRight, clusters),
            Errors = errors.Distinct().ToList(),
        };
    }
}
