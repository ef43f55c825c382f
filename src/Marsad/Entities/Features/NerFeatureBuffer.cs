using System.Runtime.CompilerServices;

namespace Marsad.Entities.Features;

/// <summary>
/// Per-sentence working storage of <see cref="NerFeatureExtractor"/>: the word forms of each token and
/// the flat list of feature hashes with per-token offsets. Reused across sentences by one thread.
/// </summary>
public sealed class NerFeatureBuffer
{
    private ulong[] _features = new ulong[4096];
    private int[] _offsets = new int[257];
    private int[] _lexicalEnds = new int[257];
    private int _featureCount;
    private int _tokenCount;

    public int Count { get; private set; }

    internal string[] Normalized { get; private set; } = new string[256];

    internal string[] Standalone { get; private set; } = new string[256];

    internal string[] Bare { get; private set; } = new string[256];

    internal int[] Proclitics { get; private set; } = new int[256];

    internal WordShape[] Shapes { get; private set; } = new WordShape[256];

    internal int[] Rows { get; private set; } = new int[256];

    /// <summary>Per token, the lexicon row of the article-less form (<see cref="Bare"/>), or -1.</summary>
    internal int[] BareRows { get; private set; } = new int[256];

    internal ushort[] GazetteerBits { get; private set; } = new ushort[256];

    internal bool[] GazetteerBegins { get; private set; } = new bool[256];

    /// <summary>Per token, the trigger kind (0 none, 1 organisation head, 2 gazetteer title, 3 person title).</summary>
    internal byte[] Triggers { get; private set; } = new byte[256];

    /// <summary>Per token, whether it has a vector composed from its n-grams (see <see cref="NerSubwordVectors"/>).</summary>
    internal bool[] Composed { get; private set; } = new bool[256];

    /// <summary>The composed vectors, token × dimensions (valid where <see cref="Composed"/> is set).</summary>
    internal float[] ComposedVectors { get; private set; } = [];

    /// <summary>The composed vectors' nearest clusters, token × granularity levels.</summary>
    internal short[] ComposedClusters { get; private set; } = [];

    /// <summary>Makes room for the composed vectors and clusters of the current sentence.</summary>
    internal void EnsureComposed(int dimensions, int levels)
    {
        var size = Normalized.Length;
        if (ComposedVectors.Length < size * dimensions)
        {
            ComposedVectors = new float[size * dimensions];
        }

        if (ComposedClusters.Length < size * levels)
        {
            ComposedClusters = new short[size * levels];
        }
    }

    /// <summary>How many of the first features of token <paramref name="i"/> are lexical (the word's identity).</summary>
    public int LexicalCountOf(int i) => _lexicalEnds[i] - _offsets[i];

    /// <summary>The feature hashes of token <paramref name="i"/>.</summary>
    public ReadOnlySpan<ulong> FeaturesOf(int i) => _features.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]);

    internal void Reset(int count)
    {
        if (Normalized.Length < count)
        {
            var size = Math.Max(count, Normalized.Length * 2);
            Normalized = new string[size];
            Standalone = new string[size];
            Bare = new string[size];
            Proclitics = new int[size];
            Shapes = new WordShape[size];
            Rows = new int[size];
            BareRows = new int[size];
            GazetteerBits = new ushort[size];
            GazetteerBegins = new bool[size];
            Triggers = new byte[size];
            Composed = new bool[size];
            _offsets = new int[size + 1];
            _lexicalEnds = new int[size + 1];
        }
        else
        {
            // Forms past the sentence must read as "outside" to the context features.
            Array.Clear(Normalized, count, Math.Min(Normalized.Length - count, 3));
            Array.Clear(Standalone, count, Math.Min(Standalone.Length - count, 3));
            Array.Clear(Bare, count, Math.Min(Bare.Length - count, 3));
        }

        Count = count;
        _featureCount = 0;
        _tokenCount = 0;
    }

    internal void BeginToken() => _offsets[_tokenCount++] = _featureCount;

    internal void MarkLexicalEnd() => _lexicalEnds[_tokenCount - 1] = _featureCount;

    internal void EndSentence() => _offsets[_tokenCount] = _featureCount;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Add(ulong feature)
    {
        if (_featureCount == _features.Length)
        {
            Array.Resize(ref _features, _features.Length * 2);
        }

        _features[_featureCount++] = feature;
    }
}
