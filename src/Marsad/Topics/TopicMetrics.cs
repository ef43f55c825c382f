namespace Marsad.Topics;

/// <summary>Precision, recall and F1 of one label.</summary>
public sealed record LabelScore(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>Accuracy, macro-F1, per-label scores and the confusion matrix (rows gold, columns predicted).</summary>
public sealed record ClassificationReport(
    int Count,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<LabelScore> Labels,
    IReadOnlyList<string> MatrixLabels,
    IReadOnlyList<IReadOnlyList<int>> Confusion)
{
    /// <summary>Scores (gold, predicted) pairs; macro-F1 averages over the labels present in the gold data.</summary>
    public static ClassificationReport From(IReadOnlyList<(string Gold, string Predicted)> pairs)
    {
        var labels = pairs.Select(p => p.Gold).Concat(pairs.Select(p => p.Predicted)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var matrix = labels.Select(_ => new int[labels.Count]).ToArray();
        foreach (var (gold, predicted) in pairs)
        {
            matrix[index[gold]][index[predicted]]++;
        }

        var scores = new List<LabelScore>();
        foreach (var label in labels)
        {
            var i = index[label];
            var tp = matrix[i][i];
            var support = matrix[i].Sum();
            if (support == 0)
            {
                continue; // predicted but never gold: counted as errors in the others' recall, not averaged
            }

            var predicted = matrix.Sum(row => row[i]);
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.Add(new LabelScore(label, support, precision, recall, f1));
        }

        var correct = pairs.Count(p => p.Gold == p.Predicted);
        return new ClassificationReport(
            pairs.Count,
            pairs.Count == 0 ? 0 : (double)correct / pairs.Count,
            scores.Count == 0 ? 0 : scores.Average(s => s.F1),
            scores,
            labels,
            matrix.Select(r => (IReadOnlyList<int>)r).ToList());
    }
}
