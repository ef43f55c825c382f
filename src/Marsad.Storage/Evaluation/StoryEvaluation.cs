using System.Globalization;
using Marsad.Errors;
using Marsad.Storage.Embedded;
using Marsad.Stories;

namespace Marsad.Storage.Evaluation;

/// <summary>Pairwise precision, recall and F1 of predicted stories against gold stories, over the gold articles found in the archive.</summary>
public sealed record StoryEvaluation(int GoldArticles, int FoundArticles, int GoldStories, int PredictedStories, long GoldPairs, long PredictedPairs, long TruePairs, double Precision, double Recall, double F1, double? Threshold);

/// <summary>
/// Scores story clustering. Gold file: one article per line, <c>article-id TAB story-label</c>;
/// '#' starts a comment. Singleton gold stories count (they make false pairs when merged).
/// </summary>
public static class StoryEvaluator
{
    public static Dictionary<string, string> ReadGold(string path)
    {
        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var parts = trimmed.Split('\t');
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new MarsadException(ErrorCodes.BadGold, "expected 'article-id TAB story-label'", $"{path}#{lineNumber}");
            }

            gold[parts[0]] = parts[1];
        }

        if (gold.Count == 0)
        {
            throw new MarsadException(ErrorCodes.BadGold, "no 'article-id TAB story-label' line: nothing to score", path);
        }

        return gold;
    }

    /// <summary>Scores the stories the archive assigned at ingest.</summary>
    public static StoryEvaluation Score(EmbeddedArchive archive, Dictionary<string, string> gold)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var predicted = archive.StoryOfEachArticle().ToDictionary(kv => kv.Key, kv => kv.Value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return Pairwise(gold, predicted, null);
    }

    /// <summary>Re-clusters the archive's stored originals in their ingest order with other options (for tuning on dev).</summary>
    public static StoryEvaluation Recluster(EmbeddedArchive archive, Dictionary<string, string> gold, StoryClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(options);
        var clusterer = new StoryClusterer(options);
        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in archive.Originals())
        {
            var a = doc.Article;
            var time = a.PublishedAt is { } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture) : DateTimeOffset.UnixEpoch;
            var features = StoryFeatures.From(a.Id, time, a.Headline, a.Source, a.Paragraphs, doc.Entities.Select(e => e.Key));
            predicted[a.Id] = clusterer.Assign(features).StoryId.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (copy, original) in archive.Copies())
        {
            if (predicted.TryGetValue(original, out var story))
            {
                predicted[copy] = story;
            }
        }

        return Pairwise(gold, predicted, options.Threshold);
    }

    public static StoryEvaluation Pairwise(Dictionary<string, string> gold, Dictionary<string, string> predicted, double? threshold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var found = gold.Keys.Where(predicted.ContainsKey).ToList();
        long goldPairs = 0, predictedPairs = 0, truePairs = 0;
        for (var i = 0; i < found.Count; i++)
        {
            for (var j = i + 1; j < found.Count; j++)
            {
                var sameGold = gold[found[i]] == gold[found[j]];
                var samePredicted = predicted[found[i]] == predicted[found[j]];
                goldPairs += sameGold ? 1 : 0;
                predictedPairs += samePredicted ? 1 : 0;
                truePairs += sameGold && samePredicted ? 1 : 0;
            }
        }

        var precision = predictedPairs == 0 ? 0 : truePairs / (double)predictedPairs;
        var recall = goldPairs == 0 ? 0 : truePairs / (double)goldPairs;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new StoryEvaluation(
            gold.Count,
            found.Count,
            found.Select(id => gold[id]).Distinct(StringComparer.Ordinal).Count(),
            found.Select(id => predicted[id]).Distinct(StringComparer.Ordinal).Count(),
            goldPairs,
            predictedPairs,
            truePairs,
            Math.Round(precision, 4),
            Math.Round(recall, 4),
            Math.Round(f1, 4),
            threshold);
    }
}
