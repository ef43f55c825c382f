using System.Numerics;

namespace Marsad.Entities.Training;

/// <summary>
/// Skip-gram word embeddings with negative sampling (Mikolov et al. 2013, "Distributed
/// Representations of Words and Phrases and their Compositionality"), single-threaded and seeded so
/// that a run is reproducible. The corpus is a stream of word ids with -1 between sentences; the
/// context window never crosses a sentence break. Frequent words are subsampled as in the paper.
/// </summary>
public sealed class Word2Vec
{
    public int Dimensions { get; init; } = 64;

    public int Window { get; init; } = 5;

    public int Negatives { get; init; } = 5;

    public int Epochs { get; init; } = 2;

    public float StartLearningRate { get; init; } = 0.025f;

    public double Subsample { get; init; } = 1e-4;

    public int Seed { get; init; } = 13;

    /// <summary>Learns one vector per word id (row-major, <see cref="Dimensions"/> floats each).</summary>
    public float[] Train(int[] corpus, long[] counts, Action<string>? progress = null)
    {
        var vocabulary = counts.Length;
        var dim = Dimensions;
        var random = new Random(Seed);
        var input = new float[vocabulary * dim];
        var output = new float[vocabulary * dim];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (float)((random.NextDouble() - 0.5) / dim);
        }

        var table = NegativeTable(counts, 4_000_000);
        var total = counts.Sum();
        var keep = new float[vocabulary];
        for (var w = 0; w < vocabulary; w++)
        {
            var f = counts[w] / (double)total;
            keep[w] = Subsample <= 0 ? 1f : (float)Math.Min(1.0, (Math.Sqrt(f / Subsample) + 1) * Subsample / f);
        }

        var gradient = new float[dim];
        var sentence = new List<int>(256);
        long processed = 0;
        var planned = (long)corpus.Length * Epochs;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var position = 0;
            while (position < corpus.Length)
            {
                sentence.Clear();
                while (position < corpus.Length && corpus[position] >= 0)
                {
                    var w = corpus[position++];
                    if (keep[w] >= 1f || random.NextSingle() < keep[w])
                    {
                        sentence.Add(w);
                    }
                }

                position++;
                processed += sentence.Count + 1;
                var rate = Math.Max(StartLearningRate * 0.0001f, StartLearningRate * (1f - (float)processed / planned));
                for (var i = 0; i < sentence.Count; i++)
                {
                    var center = sentence[i];
                    var reach = 1 + random.Next(Window);
                    for (var j = Math.Max(0, i - reach); j <= Math.Min(sentence.Count - 1, i + reach); j++)
                    {
                        if (j != i)
                        {
                            TrainPair(input, output, sentence[j], center, table, random, rate, gradient);
                        }
                    }
                }
            }

            progress?.Invoke($"word2vec epoch {epoch + 1}/{Epochs} done");
        }

        return input;
    }

    private void TrainPair(float[] input, float[] output, int contextWord, int centerWord, int[] table, Random random, float rate, float[] gradient)
    {
        var dim = Dimensions;
        var inputRow = input.AsSpan(contextWord * dim, dim);
        var grad = gradient.AsSpan();
        grad.Clear();
        for (var d = 0; d <= Negatives; d++)
        {
            int target;
            float label;
            if (d == 0)
            {
                target = centerWord;
                label = 1f;
            }
            else
            {
                target = table[random.Next(table.Length)];
                if (target == centerWord)
                {
                    continue;
                }

                label = 0f;
            }

            var outputRow = output.AsSpan(target * dim, dim);
            var dot = VectorMath.Dot(inputRow, outputRow);
            var g = (label - Sigmoid(dot)) * rate;
            VectorMath.AddScaled(grad, outputRow, g);
            VectorMath.AddScaled(outputRow, inputRow, g);
        }

        VectorMath.AddScaled(inputRow, grad, 1f);
    }

    private static float Sigmoid(float x) => x > 8f ? 1f : x < -8f ? 0f : 1f / (1f + MathF.Exp(-x));

    private static int[] NegativeTable(long[] counts, int size)
    {
        // Unigram distribution raised to 3/4, as in the paper.
        var table = new int[size];
        var norm = counts.Sum(c => Math.Pow(c, 0.75));
        var w = 0;
        var cumulative = Math.Pow(counts[0], 0.75) / norm;
        for (var i = 0; i < size; i++)
        {
            table[i] = w;
            if ((double)i / size > cumulative && w < counts.Length - 1)
            {
                w++;
                cumulative += Math.Pow(counts[w], 0.75) / norm;
            }
        }

        return table;
    }
}
