using Marsad.IO;

namespace Marsad.Entities.Features;

/// <summary>
/// Word vectors for words the lexicon has none for (rare or unseen names: a fifth of the person tokens
/// of dev): a word's vector is the mean of the vectors of its character 3–5-grams (with boundary marks,
/// hashed into <see cref="Buckets"/> rows), fastText-style. The n-gram vectors are fitted by least
/// squares (SGD) to reproduce the lexicon's own skip-gram vectors, so nothing beyond the lexicon is
/// needed. A composed vector also gets the cluster whose centroid is nearest at each granularity, so the
/// cluster features of an unseen word are no longer "none". Immutable after construction.
/// </summary>
public sealed class NerSubwordVectors
{
    private const int MinGram = 3;
    private const int MaxGram = 5;
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Longer tokens (URLs, runs of letters) get no vector.</summary>
    private const int MaxWordLength = 40;

    private readonly float[] _table;
    private readonly float[][] _centroids;
    private readonly int[] _clusterCounts;

    /// <summary>Uses a fitted n-gram table (<paramref name="buckets"/> × the lexicon's dimensions), rounded to half precision as stored.</summary>
    public NerSubwordVectors(NerLexicon lexicon, int buckets, float[] table)
    {
        var dim = lexicon.VectorDimensions;
        if (dim == 0 || buckets <= 0 || table.Length != buckets * dim)
        {
            throw new ArgumentException("subword table does not match the lexicon's vectors");
        }

        Buckets = buckets;
        Dimensions = dim;
        // Rounded as the file stores them, so a model tags the same before and after a save.
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = (float)(Half)table[i];
        }

        _table = table;
        _clusterCounts = [.. lexicon.ClusterCounts];
        _centroids = Centroids(lexicon);
    }

    public int Buckets { get; }

    public int Dimensions { get; }

    /// <summary>
    /// Writes the mean of the n-gram vectors of <paramref name="word"/> into <paramref name="vector"/>
    /// (not normalised: a word whose n-grams say little gets a short vector). False for words under two letters.
    /// </summary>
    public bool Compose(ReadOnlySpan<char> word, Span<float> vector)
    {
        vector.Clear();
        if (word.Length is < 2 or > MaxWordLength)
        {
            return false;
        }

        Span<int> grams = stackalloc int[GramCount(word.Length)];
        var m = Grams(word, grams, Buckets);
        foreach (var g in grams[..m])
        {
            VectorMath.AddScaled(vector, _table.AsSpan(g * Dimensions, Dimensions), 1f);
        }

        var inverse = 1f / m;
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] *= inverse;
        }

        return true;
    }

    /// <summary>The cluster at granularity <paramref name="level"/> whose centroid is nearest (cosine) to <paramref name="vector"/>.</summary>
    public short NearestCluster(ReadOnlySpan<float> vector, int level)
    {
        var centroids = _centroids[level];
        var best = -1;
        var bestDot = float.MinValue;
        for (var c = 0; c < _clusterCounts[level]; c++)
        {
            var dot = VectorMath.Dot(vector, centroids.AsSpan(c * Dimensions, Dimensions));
            if (dot > bestDot)
            {
                (bestDot, best) = (dot, c);
            }
        }

        return (short)best;
    }

    /// <summary>
    /// Fits the n-gram vectors to the lexicon's word vectors: for each word (shuffled, seeded), every
    /// n-gram vector moves by <c>rate × (v − mean)</c>, which moves the mean by the same step.
    /// <paramref name="progress"/> gets the mean cosine on 5% of the words held out of the fit.
    /// </summary>
    public static NerSubwordVectors Fit(NerLexicon lexicon, int buckets = 1 << 17, int epochs = 10, int seed = 7, Action<string>? progress = null)
    {
        var dim = lexicon.VectorDimensions;
        var table = new float[buckets * dim];
        var random = new Random(seed);
        var words = Enumerable.Range(0, lexicon.VectorCount).Where(r => lexicon.WordOf(r).Length is >= 2 and <= MaxWordLength).ToArray();
        random.Shuffle(words);
        var heldOut = words[..(words.Length / 20)];
        var fitted = words[(words.Length / 20)..];
        var mean = new float[dim];
        var error = new float[dim];
        var grams = new int[GramCount(MaxWordLength)];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var rate = 0.5f * (1f - ((float)epoch / epochs)) + 0.02f;
            random.Shuffle(fitted);
            foreach (var r in fitted)
            {
                var word = lexicon.WordOf(r);
                if (word.Length > MaxWordLength)
                {
                    continue;
                }

                var m = Grams(word, grams, buckets);
                Array.Clear(mean);
                foreach (var g in grams.AsSpan(0, m))
                {
                    VectorMath.AddScaled(mean, table.AsSpan(g * dim, dim), 1f / m);
                }

                var target = lexicon.VectorOf(r);
                for (var d = 0; d < dim; d++)
                {
                    error[d] = target[d] - mean[d];
                }

                foreach (var g in grams.AsSpan(0, m))
                {
                    VectorMath.AddScaled(table.AsSpan(g * dim, dim), error, rate);
                }
            }
        }

        var result = new NerSubwordVectors(lexicon, buckets, table);
        double cosine = 0;
        foreach (var r in heldOut)
        {
            result.Compose(lexicon.WordOf(r), mean);
            var norm = MathF.Sqrt(VectorMath.Dot(mean, mean));
            cosine += norm == 0 ? 0 : VectorMath.Dot(mean, lexicon.VectorOf(r)) / norm;
        }

        progress?.Invoke($"subword vectors: {buckets} n-gram buckets fitted on {fitted.Length} words; mean cosine on {heldOut.Length} held-out words {cosine / Math.Max(1, heldOut.Length):F3}");
        return result;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Buckets);
        writer.Write(Dimensions);
        foreach (var x in _table)
        {
            writer.Write((Half)x);
        }
    }

    public static NerSubwordVectors Read(BinaryReader reader, NerLexicon lexicon)
    {
        var buckets = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        if (dimensions != lexicon.VectorDimensions)
        {
            throw new InvalidDataException("subword vectors do not match the lexicon");
        }

        var table = new float[buckets * dimensions];
        HalfArrays.Read(reader, table);

        return new NerSubwordVectors(lexicon, buckets, table);
    }

    private static int GramCount(int length) => 3 * (length + 2);

    /// <summary>The bucket of every 3–5-gram of "&lt;word&gt;"; returns how many.</summary>
    private static int Grams(ReadOnlySpan<char> word, Span<int> buckets, int bucketCount)
    {
        var padded = word.Length + 2;
        var m = 0;
        for (var n = MinGram; n <= MaxGram; n++)
        {
            for (var start = 0; start + n <= padded; start++)
            {
                var h = (Offset ^ (uint)n) * Prime;
                for (var p = start; p < start + n; p++)
                {
                    var c = p == 0 ? '\u0002' : p == padded - 1 ? '\u0003' : word[p - 1];
                    h = (h ^ c) * Prime;
                }

                buckets[m++] = (int)(h % (ulong)bucketCount);
            }
        }

        return m;
    }

    /// <summary>Per granularity, the normalised mean of the vectors of each cluster's words (the spherical k-means centroids).</summary>
    private float[][] Centroids(NerLexicon lexicon)
    {
        var result = new float[_clusterCounts.Length][];
        for (var l = 0; l < _clusterCounts.Length; l++)
        {
            var centroids = result[l] = new float[_clusterCounts[l] * Dimensions];
            for (var r = 0; r < lexicon.VectorCount; r++)
            {
                var c = lexicon.ClusterOf(r, l);
                if (c >= 0)
                {
                    VectorMath.AddScaled(centroids.AsSpan(c * Dimensions, Dimensions), lexicon.VectorOf(r), 1f);
                }
            }

            for (var c = 0; c < _clusterCounts[l]; c++)
            {
                var centroid = centroids.AsSpan(c * Dimensions, Dimensions);
                var norm = MathF.Sqrt(VectorMath.Dot(centroid, centroid));
                for (var d = 0; d < Dimensions && norm > 0; d++)
                {
                    centroid[d] /= norm;
                }
            }
        }

        return result;
    }
}
