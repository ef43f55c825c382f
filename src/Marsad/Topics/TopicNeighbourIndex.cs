using System.Runtime.CompilerServices;

namespace Marsad.Topics;

/// <summary>
/// How the nearest-neighbour vote is mixed into the linear model: scores = softmax((logits / T + β · ln(vote + ε)) / T'),
/// with the vote over the <see cref="Neighbours"/> training articles most similar to the article (cosine over the
/// model's own content vector, the article's <see cref="QueryFeatures"/> largest features against each training
/// article's <see cref="IndexFeatures"/> largest) and T' fitted on dev with the mix (one for articles read with their
/// outlet, one without).
/// </summary>
public sealed record TopicNeighbourSettings(int Neighbours, float Beta, int QueryFeatures, int IndexFeatures, float Temperature, float ContentTemperature)
{
    /// <summary>Added to each class's vote before the logarithm, so that a class no neighbour has is not ruled out.</summary>
    public const float Epsilon = 0.02f;
}

/// <summary>
/// The training articles' content vectors (each truncated to its largest features, L2-normalised again, values as
/// half floats) in an inverted index (bucket → articles), and the vote of an article's nearest neighbours:
/// per class, the sum of the cosine similarities of the k nearest articles of that class, divided by the sum over all.
/// News corpora hold follow-ups and near-copies of the same story, which a linear bag-of-words model does not memorise.
/// Immutable once built; <see cref="Vote"/> uses per-thread scratch buffers.
/// </summary>
internal sealed partial class TopicNeighbourIndex
{
    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly int[] _bucketStart; // postings of bucket b: [_bucketStart[b], _bucketStart[b + 1])
    private readonly Posting[] _postings; // article and value in one 32-bit word: one memory stream per bucket
    private readonly byte[] _labels;

    private TopicNeighbourIndex(TopicNeighbourSettings settings, int buckets, byte[] labels, int[] bucketStart, Posting[] postings)
    {
        Settings = settings;
        Buckets = buckets;
        _labels = labels;
        _bucketStart = bucketStart;
        _postings = postings;
    }

    public TopicNeighbourSettings Settings { get; }

    public int Buckets { get; }

    public int Articles => _labels.Length;

    public int Postings => _postings.Length;

    /// <summary>Indexes the training articles' content vectors (fixed-value tails left out), each truncated to its largest features.</summary>
    public static TopicNeighbourIndex Build(TopicNeighbourSettings settings, int buckets, IReadOnlyList<SparseVector> vectors, IReadOnlyList<int> labels)
    {
        var lists = new (int[] Buckets, float[] Values)[vectors.Count];
        for (var d = 0; d < vectors.Count; d++)
        {
            var v = vectors[d];
            var words = v.Indexes.Length - v.FixedTail;
            lists[d] = Truncate(v.Indexes.AsSpan(0, words), v.Values.AsSpan(0, words), settings.IndexFeatures);
        }

        return FromLists(settings, buckets, lists, labels.Select(y => checked((byte)y)).ToArray());
    }

    /// <summary>The same index with other settings (k, β and the mix's temperatures; not the indexed features).</summary>
    public TopicNeighbourIndex With(TopicNeighbourSettings settings) =>
        settings.IndexFeatures == Settings.IndexFeatures
            ? new(settings, Buckets, _labels, _bucketStart, _postings)
            : throw new ArgumentException("the index was built with another number of features per article", nameof(settings));

    /// <summary>
    /// The article's <paramref name="top"/> largest features (ties: the lower bucket first), L2-normalised again and
    /// rounded to half floats as stored.
    /// </summary>
    internal static (int[] Buckets, float[] Values) Truncate(ReadOnlySpan<int> indexes, ReadOnlySpan<float> values, int top)
    {
        var keys = new ulong[indexes.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Key(indexes[i], values[i]);
        }

        var n = SelectLargest(keys, top);
        var selected = keys.AsSpan(0, n);
        selected.Sort(); // ascending key = descending value; any fixed order would do
        var norm = 0f;
        foreach (var key in selected)
        {
            var v = ValueOf(key);
            norm += v * v;
        }

        var inv = norm > 0 ? 1f / MathF.Sqrt(norm) : 0f;
        var result = (new int[n], new float[n]);
        for (var i = 0; i < n; i++)
        {
            result.Item1[i] = BucketOf(selected[i]);
            result.Item2[i] = (float)(Half)(ValueOf(selected[i]) * inv);
        }

        return result;
    }

    /// <summary>
    /// Writes the neighbours' vote per class into <paramref name="votes"/> (sums to 1; uniform when no indexed article
    /// shares a feature) from the article's content features (IDF-weighted, as the linear model reads them).
    /// </summary>
    public void Vote(ReadOnlySpan<int> indexes, ReadOnlySpan<float> values, Span<double> votes) => Vote(indexes, values, votes, exclude: -1);

    /// <summary>The vote without the indexed article <paramref name="exclude"/> (e.g. the article itself, when dev is also indexed).</summary>
    internal void Vote(ReadOnlySpan<int> indexes, ReadOnlySpan<float> values, Span<double> votes, int exclude)
    {
        var scratch = t_scratch ??= new Scratch();
        var keys = scratch.Keys(indexes.Length);
        for (var i = 0; i < indexes.Length; i++)
        {
            keys[i] = Key(indexes[i], values[i]);
        }

        var n = SelectLargest(keys.AsSpan(0, indexes.Length), Settings.QueryFeatures);
        var accumulator = scratch.Accumulator(Articles);
        var touched = scratch.Touched(Articles);
        var touchedCount = 0;
        for (var i = 0; i < n; i++)
        {
            var bucket = BucketOf(keys[i]);
            var q = ValueOf(keys[i]);
            foreach (var posting in _postings.AsSpan(_bucketStart[bucket], _bucketStart[bucket + 1] - _bucketStart[bucket]))
            {
                var d = posting.Doc;
                if (accumulator[d] == 0)
                {
                    touched[touchedCount++] = d;
                }

                accumulator[d] += q * posting.Value;
            }
        }

        // The k most similar articles (ties: the lower article number), then their vote.
        var k = Math.Min(Settings.Neighbours, touchedCount);
        var bestDocs = scratch.BestDocs(Settings.Neighbours);
        var bestSims = scratch.BestSims(Settings.Neighbours);
        var count = 0;
        foreach (var d in touched.AsSpan(0, touchedCount))
        {
            var sim = accumulator[d];
            accumulator[d] = 0;
            if (d == exclude)
            {
                continue;
            }

            if (count == k && !Better(sim, d, bestSims[k - 1], bestDocs[k - 1]))
            {
                continue;
            }

            var j = count < k ? count++ : k - 1;
            while (j > 0 && Better(sim, d, bestSims[j - 1], bestDocs[j - 1]))
            {
                bestSims[j] = bestSims[j - 1];
                bestDocs[j] = bestDocs[j - 1];
                j--;
            }

            bestSims[j] = sim;
            bestDocs[j] = d;
        }

        votes.Clear();
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            votes[_labels[bestDocs[i]]] += bestSims[i];
            total += bestSims[i];
        }

        for (var c = 0; c < votes.Length; c++)
        {
            votes[c] = total > 0 ? votes[c] / total : 1.0 / votes.Length;
        }
    }

    /// <summary>
    /// The mixed scores: <paramref name="logits"/> (the linear model's, before its temperature) become calibrated
    /// probabilities of the linear model and the neighbours' vote together.
    /// </summary>
    public void Mix(ReadOnlySpan<int> indexes, ReadOnlySpan<float> values, Span<double> logits, float linearTemperature, bool withSource)
    {
        Span<double> votes = stackalloc double[logits.Length];
        Vote(indexes, values, votes);
        MixInto(logits, votes, linearTemperature, Settings.Beta);
        LinearTopicModel.Softmax(logits, withSource ? Settings.Temperature : Settings.ContentTemperature);
    }

    /// <summary>logits / T + β · ln(vote + ε), in place (before the mix's own temperature).</summary>
    internal static void MixInto(Span<double> logits, ReadOnlySpan<double> votes, float linearTemperature, float beta)
    {
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = (logits[c] / linearTemperature) + (beta * Math.Log(votes[c] + TopicNeighbourSettings.Epsilon));
        }
    }

    /// <summary>
    /// Writes the index as it is held in memory (format MRSDTOP4), so that loading reads arrays instead of rebuilding
    /// them: the settings and labels; the number of postings; each bucket's posting count (7-bit coded, a section
    /// prefixed by its length in bytes); then the postings, bucket by bucket, each bucket's articles ascending, as the
    /// 32-bit words of <see cref="Posting"/> (little-endian).
    /// </summary>
    public void Write(BinaryWriter w)
    {
        WriteHeader(w);
        w.Write(Postings);
        using (var buffer = new MemoryStream())
        {
            using (var sizes = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                for (var b = 0; b < Buckets; b++)
                {
                    sizes.Write7BitEncodedInt(_bucketStart[b + 1] - _bucketStart[b]);
                }
            }

            w.Write(checked((int)buffer.Length));
            w.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        foreach (var posting in _postings)
        {
            w.Write(posting.Bits);
        }
    }

    /// <summary>Reads an index written by <see cref="Write"/>, checking every count, article and value against the model.</summary>
    /// <remarks>Optimised at once: it runs once per process, over millions of postings, before tiered compilation would promote it.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TopicNeighbourIndex Read(BinaryReader r, int buckets, int classes)
    {
        var (settings, labels) = ReadHeader(r, classes);
        var articles = labels.Length;
        var count = r.ReadInt32();
        if (count < 0 || count > (long)articles * Math.Min(settings.IndexFeatures, buckets))
        {
            throw new InvalidDataException("implausible nearest-neighbour posting count");
        }

        var bucketStart = new int[buckets + 1];
        var sizes = new SevenBitSection(r.BaseStream, r.ReadInt32());
        for (var b = 0; b < buckets; b++)
        {
            var size = sizes.Next();
            if (size > articles || bucketStart[b] + size > count)
            {
                throw new InvalidDataException("implausible nearest-neighbour bucket size");
            }

            bucketStart[b + 1] = bucketStart[b] + size;
        }

        sizes.EnsureConsumed();
        if (bucketStart[buckets] != count)
        {
            throw new InvalidDataException("the nearest-neighbour bucket sizes do not add up to the postings");
        }

        var postings = new Posting[count];
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<Posting, uint>(postings.AsSpan());
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(words));
        if (!BitConverter.IsLittleEndian)
        {
            System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(words, words);
        }

        // Each bucket's articles strictly ascending (as built: an article at most once per bucket), all of them indexed
        // articles, every value a stored half float in [2^-14, 1].
        for (var b = 0; b < buckets; b++)
        {
            var previous = -1;
            for (var p = bucketStart[b]; p < bucketStart[b + 1]; p++)
            {
                var doc = postings[p].Doc;
                if (doc <= previous || doc >= articles || postings[p].ValueBits is < Posting.SmallestBits or > Posting.LargestBits)
                {
                    throw new InvalidDataException("nearest-neighbour posting out of range or out of order");
                }

                previous = doc;
            }
        }

        return new TopicNeighbourIndex(settings, buckets, labels, bucketStart, postings);
    }

    /// <summary>The settings, the number of articles and their labels (common to both formats).</summary>
    private void WriteHeader(BinaryWriter w)
    {
        w.Write(Settings.Neighbours);
        w.Write(Settings.Beta);
        w.Write(Settings.QueryFeatures);
        w.Write(Settings.IndexFeatures);
        w.Write(Settings.Temperature);
        w.Write(Settings.ContentTemperature);
        w.Write(Articles);
        w.Write(_labels);
    }

    private static (TopicNeighbourSettings Settings, byte[] Labels) ReadHeader(BinaryReader r, int classes)
    {
        var settings = new TopicNeighbourSettings(r.ReadInt32(), r.ReadSingle(), r.ReadInt32(), r.ReadInt32(), r.ReadSingle(), r.ReadSingle());
        var articles = r.ReadInt32();
        if (settings.Neighbours is < 1 or > 10_000 || settings.QueryFeatures < 1 || settings.IndexFeatures < 1 || !float.IsFinite(settings.Beta)
            || articles is < 0 or > Posting.MaxArticles || !(settings.Temperature > 0) || !(settings.ContentTemperature > 0))
        {
            throw new InvalidDataException("implausible nearest-neighbour settings");
        }

        var labels = r.ReadBytes(articles);
        if (labels.Length != articles || labels.Any(y => y >= classes))
        {
            throw new InvalidDataException("bad nearest-neighbour labels");
        }

        return (settings, labels);
    }

    private static TopicNeighbourIndex FromLists(TopicNeighbourSettings settings, int buckets, (int[] Buckets, float[] Values)[] lists, byte[] labels)
    {
        var bucketStart = new int[buckets + 1];
        foreach (var (ids, _) in lists)
        {
            foreach (var b in ids)
            {
                bucketStart[b + 1]++;
            }
        }

        for (var b = 0; b < buckets; b++)
        {
            bucketStart[b + 1] += bucketStart[b];
        }

        if (lists.Length > Posting.MaxArticles)
        {
            throw new ArgumentException($"a nearest-neighbour index holds at most {Posting.MaxArticles} articles");
        }

        var postings = new Posting[bucketStart[buckets]];
        var fill = bucketStart[..^1];
        for (var d = 0; d < lists.Length; d++)
        {
            var (ids, vs) = lists[d];
            for (var i = 0; i < ids.Length; i++)
            {
                postings[fill[ids[i]]++] = new Posting(d, vs[i]);
            }
        }

        return new TopicNeighbourIndex(settings, buckets, labels, bucketStart, postings);
    }

    /// <summary>
    /// One posting in 32 bits, so that a bucket's postings cost half the memory traffic of (int, float) pairs: the
    /// article in the high 18 bits, the value's half-float exponent (4 bits) and mantissa (10 bits) in the low 14.
    /// Values are in [2^-14, 1] (L2-normalised, half floats, tiny ones raised to 2^-14), so that is their half float
    /// exactly, and the float is rebuilt with integer operations (float exponent = half exponent + 112).
    /// </summary>
    private readonly struct Posting
    {
        public const int MaxArticles = 1 << 18;

        /// <summary>The bits of the value's half float kept (its sign and top exponent bit are zero).</summary>
        private const int ValueWidth = 14;

        /// <summary>The half-float bits of 2^-14 and of 1, the range of stored values.</summary>
        public const ushort SmallestBits = 0x0400, LargestBits = 0x3C00;

        private const float Smallest = 1f / 16384; // 2^-14, the smallest normal half float
        private readonly uint _bits;

        public Posting(int doc, float value)
        {
            var half = BitConverter.HalfToUInt16Bits((Half)Math.Clamp(value, Smallest, 1f));
            _bits = ((uint)doc << ValueWidth) | (half & 0x3FFFu);
        }

        public uint Bits => _bits;

        public ushort ValueBits => (ushort)(_bits & 0x3FFFu);

        public int Doc => (int)(_bits >> ValueWidth);

        public float Value => BitConverter.Int32BitsToSingle((int)((_bits & 0x3FFFu) << 13) + (112 << 23));
    }

    private static bool Better(float sim, int doc, float otherSim, int otherDoc) => sim > otherSim || (sim == otherSim && doc < otherDoc);

    /// <summary>A sort key: ascending key = descending value, then ascending bucket (values are positive, so their bits order them).</summary>
    private static ulong Key(int bucket, float value) => ((ulong)~BitConverter.SingleToUInt32Bits(value) << 32) | (uint)bucket;

    private static int BucketOf(ulong key) => (int)(uint)key;

    private static float ValueOf(ulong key) => BitConverter.UInt32BitsToSingle(~(uint)(key >> 32));

    /// <summary>Moves the <paramref name="top"/> smallest keys (the largest values) to the front, in any order; returns how many.</summary>
    private static int SelectLargest(Span<ulong> keys, int top)
    {
        if (keys.Length <= top)
        {
            return keys.Length;
        }

        // Quickselect (Hoare partition, median-of-three pivot): deterministic and linear on average.
        var lo = 0;
        var hi = keys.Length - 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var a = keys[lo];
            var b = keys[mid];
            var c = keys[hi];
            var pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }

            // Now keys[lo..j] ≤ pivot ≤ keys[i..hi]; keep the side holding position top - 1.
            if (top - 1 <= j)
            {
                hi = j;
            }
            else if (top - 1 >= i)
            {
                lo = i;
            }
            else
            {
                break;
            }
        }

        return top;
    }

    /// <summary>Per-thread buffers of <see cref="Vote"/>.</summary>
    private sealed class Scratch
    {
        private ulong[] _keys = new ulong[1024];
        private float[] _accumulator = [];
        private int[] _bestDocs = [];
        private float[] _bestSims = [];

        private int[] _touched = [];

        public int[] Touched(int n) => _touched.Length >= n ? _touched : _touched = new int[n];

        public ulong[] Keys(int n) => _keys.Length >= n ? _keys : _keys = new ulong[n * 2];

        // Longer is fine: Vote zeroes every entry it touched, so the accumulator is all zeros between calls.
        public float[] Accumulator(int n) => _accumulator.Length >= n ? _accumulator : _accumulator = new float[n];

        public int[] BestDocs(int k) => _bestDocs.Length >= k ? _bestDocs : _bestDocs = new int[k];

        public float[] BestSims(int k) => _bestSims.Length >= k ? _bestSims : _bestSims = new float[k];
    }
}
