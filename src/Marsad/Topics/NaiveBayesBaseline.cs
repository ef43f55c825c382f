namespace Marsad.Topics;

/// <summary>
/// The reference baseline: multinomial naive Bayes over plain words (white-space tokens with edge
/// punctuation trimmed, no normalisation), add-one smoothing. Trained in memory for comparison only.
/// </summary>
public sealed class NaiveBayesBaseline
{
    private readonly string[] _labels;
    private readonly double[] _logPrior;
    private readonly Dictionary<string, double[]> _logLikelihood;
    private readonly double[] _unseen;

    private NaiveBayesBaseline(string[] labels, double[] logPrior, Dictionary<string, double[]> logLikelihood, double[] unseen)
    {
        _labels = labels;
        _logPrior = logPrior;
        _logLikelihood = logLikelihood;
        _unseen = unseen;
    }

    public static NaiveBayesBaseline Train(IReadOnlyList<TopicRecord> records, double alpha = 1.0)
    {
        var labels = records.Select(r => r.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var totals = new double[labels.Length];
        var docs = new double[labels.Length];
        foreach (var r in records)
        {
            var c = index[r.Label];
            docs[c]++;
            foreach (var word in Words(r.Title, r.Text))
            {
                if (!counts.TryGetValue(word, out var row))
                {
                    counts[word] = row = new double[labels.Length];
                }

                row[c]++;
                totals[c]++;
            }
        }

        var vocabulary = counts.Count;
        var unseen = new double[labels.Length];
        for (var c = 0; c < labels.Length; c++)
        {
            unseen[c] = Math.Log(alpha / (totals[c] + (alpha * vocabulary)));
        }

        foreach (var row in counts.Values)
        {
            for (var c = 0; c < labels.Length; c++)
            {
                row[c] = Math.Log((row[c] + alpha) / (totals[c] + (alpha * vocabulary)));
            }
        }

        var prior = docs.Select(d => Math.Log(d / records.Count)).ToArray();
        return new NaiveBayesBaseline(labels, prior, counts, unseen);
    }

    public string Predict(string? title, string text)
    {
        var scores = (double[])_logPrior.Clone();
        foreach (var word in Words(title, text))
        {
            if (_logLikelihood.TryGetValue(word, out var row))
            {
                for (var c = 0; c < scores.Length; c++)
                {
                    scores[c] += row[c];
                }
            }
        }

        return _labels[TopicTrainer.ArgMax(scores)];
    }

    private static IEnumerable<string> Words(string? title, string text)
    {
        foreach (var raw in $"{title} {text}".Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('.', ',', '،', '؛', ':', '!', '?', '؟', '"', '\'', '(', ')', '«', '»', '-', '[', ']');
            if (word.Length > 0)
            {
                yield return word;
            }
        }
    }
}
