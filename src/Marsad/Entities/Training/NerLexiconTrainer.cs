using System.Text.Json;
using Marsad.Entities.Features;

namespace Marsad.Entities.Training;

/// <summary>
/// Learns the <see cref="NerLexicon"/> from unlabelled news text: word frequencies, skip-gram
/// embeddings (<see cref="Word2Vec"/>) and, from them, word clusters at several granularities
/// (<see cref="SphericalKMeans"/>). Text is tokenised like ANERcorp (<see cref="NerTokenizer"/>) and
/// normalised (<see cref="NerWordForms"/>), so the clusters match the tagger's lookups.
/// </summary>
public sealed class NerLexiconTrainer
{
    /// <summary>Words rarer than this get no embedding and no cluster.</summary>
    public int MinClusterCount { get; init; } = 5;

    /// <summary>Words rarer than this are left out of the lexicon's frequency table.</summary>
    public int MinStoredCount { get; init; } = 2;

    public IReadOnlyList<int> ClusterCounts { get; init; } = [64, 256, 1024];

    public Word2Vec Embeddings { get; init; } = new();

    public int KMeansIterations { get; init; } = 12;

    /// <summary>Reads the "title" and "text" fields of JSON Lines files (the ANT news corpora).</summary>
    public static IEnumerable<string> ReadJsonLinesTexts(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            foreach (var field in new[] { "title", "text" })
            {
                if (json.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    yield return value.GetString()!;
                }
            }
        }
    }

    public NerLexicon Train(IEnumerable<string> texts, Action<string>? progress = null)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<string>();
        var counts = new List<long>();
        var stream = new List<int>(16_000_000);
        var buffer = new char[512];
        var documents = 0;
        foreach (var text in texts)
        {
            documents++;
            foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                NerTokenizer.Tokenize(paragraph, (start, end) =>
                {
                    var raw = paragraph.AsSpan(start, end - start);
                    if (raw.Length > buffer.Length)
                    {
                        return;
                    }

                    var n = NerWordForms.Normalize(raw, buffer);
                    var form = buffer.AsSpan(0, n);
                    if (!lookup.TryGetValue(form, out var id))
                    {
                        id = words.Count;
                        var s = new string(form);
                        ids[s] = id;
                        words.Add(s);
                        counts.Add(0);
                    }

                    counts[id]++;
                    stream.Add(id);
                    if (n == 1 && form[0] is '.' or '!' or '?' or '\u061F') // ARABIC QUESTION MARK
                    {
                        stream.Add(-1);
                    }
                });
                stream.Add(-1);
            }
        }

        progress?.Invoke($"read {documents} texts, {stream.Count} tokens, {words.Count} distinct words");

        // Embedding vocabulary: words seen at least MinClusterCount times, most frequent first.
        var embedded = Enumerable.Range(0, words.Count).Where(i => counts[i] >= MinClusterCount)
            .OrderByDescending(i => counts[i]).ThenBy(i => words[i], StringComparer.Ordinal).ToArray();
        var remap = new int[words.Count];
        Array.Fill(remap, -2);
        for (var i = 0; i < embedded.Length; i++)
        {
            remap[embedded[i]] = i;
        }

        var corpus = new List<int>(stream.Count);
        foreach (var id in stream)
        {
            if (id < 0)
            {
                if (corpus.Count > 0 && corpus[^1] != -1)
                {
                    corpus.Add(-1);
                }
            }
            else if (remap[id] >= 0)
            {
                corpus.Add(remap[id]);
            }
        }

        var embeddedCounts = embedded.Select(i => counts[i]).ToArray();
        progress?.Invoke($"training embeddings for {embedded.Length} words on {corpus.Count} tokens");
        var vectors = Embeddings.Train([.. corpus], embeddedCounts, progress);

        var levels = new short[ClusterCounts.Count][];
        for (var l = 0; l < ClusterCounts.Count; l++)
        {
            var assignment = SphericalKMeans.Cluster(vectors, embedded.Length, Embeddings.Dimensions, ClusterCounts[l], KMeansIterations, seed: 17 + l);
            levels[l] = assignment.Select(a => (short)a).ToArray();
            progress?.Invoke($"k-means k={ClusterCounts[l]} done");
        }

        // Stored table: every word seen MinStoredCount times; clusters for the embedded ones.
        var stored = Enumerable.Range(0, words.Count).Where(i => counts[i] >= MinStoredCount)
            .OrderByDescending(i => counts[i]).ThenBy(i => words[i], StringComparer.Ordinal).ToArray();
        var storedClusters = new short[ClusterCounts.Count][];
        for (var l = 0; l < storedClusters.Length; l++)
        {
            storedClusters[l] = stored.Select(i => remap[i] >= 0 ? levels[l][remap[i]] : (short)-1).ToArray();
        }

        // The embedded words are the first stored rows (same order, higher counts), so their unit
        // vectors are stored in row order.
        var dim = Embeddings.Dimensions;
        var unit = new float[embedded.Length * dim];
        for (var e = 0; e < embedded.Length; e++)
        {
            var source = vectors.AsSpan(e * dim, dim);
            var norm = MathF.Sqrt(VectorMath.Dot(source, source));
            var target = unit.AsSpan(e * dim, dim);
            for (var d = 0; d < dim && norm > 0; d++)
            {
                target[d] = source[d] / norm;
            }
        }

        return new NerLexicon(
            stored.Select(i => words[i]).ToArray(),
            stored.Select(i => (int)Math.Min(counts[i], int.MaxValue)).ToArray(),
            [.. ClusterCounts],
            storedClusters,
            unit,
            dim);
    }
}
