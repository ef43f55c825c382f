using System.Runtime.CompilerServices;

namespace Marsad.Entities.Features;

/// <summary>
/// What Marsad learned from unlabelled news text, per normalised word: its frequency and its word
/// cluster at several granularities (spherical k-means over skip-gram embeddings). The frequencies
/// also drive proclitic stripping: a split (لروسيا → ل + روسيا) is taken when the remaining word is
/// more frequent on its own than the whole token, so that للبنان becomes ل + لبنان, not ل + ل + بنان.
/// Immutable after construction; lookups take spans and allocate nothing.
/// </summary>
public sealed class NerLexicon
{
    private const char Waw = '\u0648'; // ARABIC LETTER WAW
    private const char Feh = '\u0641'; // ARABIC LETTER FEH
    private const char Beh = '\u0628'; // ARABIC LETTER BEH
    private const char Lam = '\u0644'; // ARABIC LETTER LAM
    private const char Kaf = '\u0643'; // ARABIC LETTER KAF
    private const char Alef = '\u0627'; // ARABIC LETTER ALEF

    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _words;
    private readonly int[] _counts;
    private readonly short[][] _clusters;
    private readonly float[] _vectors;

    /// <summary>
    /// Creates a lexicon. <paramref name="vectors"/> (optional) holds unit-length word embeddings of
    /// <paramref name="vectorDimensions"/> floats for the first rows (the most frequent words); the array is
    /// taken over and rounded in place to the grid the file stores.
    /// </summary>
    public NerLexicon(string[] words, int[] counts, int[] clusterCounts, short[][] clusters, float[]? vectors = null, int vectorDimensions = 0)
        : this(words, counts, clusterCounts, clusters, vectors ?? [], vectorDimensions, vectorsOnGrid: false)
    {
    }

    /// <summary>
    /// Rounds the vectors to the stored grid unless <paramref name="vectorsOnGrid"/> says they already are
    /// (<see cref="Read"/> makes them from the stored bytes: rounding 4 M values again at every load is wasted).
    /// </summary>
    private NerLexicon(string[] words, int[] counts, int[] clusterCounts, short[][] clusters, float[] vectors, int vectorDimensions, bool vectorsOnGrid)
    {
        if (counts.Length != words.Length || clusters.Length != clusterCounts.Length || clusters.Any(c => c.Length != words.Length))
        {
            throw new ArgumentException("lexicon arrays differ in length");
        }

        _words = words;
        _counts = counts;
        ClusterCounts = clusterCounts;
        _clusters = clusters;
        // Vectors are kept on the grid they are stored on, so a model tags the same before and after a save.
        _vectors = vectorsOnGrid ? vectors : OnGrid(vectors);
        VectorDimensions = _vectors.Length == 0 ? 0 : vectorDimensions;
        VectorCount = VectorDimensions == 0 ? 0 : _vectors.Length / VectorDimensions;
        if (VectorCount > words.Length || (VectorDimensions > 0 && _vectors.Length % VectorDimensions != 0))
        {
            throw new ArgumentException("lexicon vectors do not match the words");
        }

        _index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            _index[words[i]] = i;
        }

        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>An empty lexicon (no clusters, no frequencies): features fall back to affixes.</summary>
    public static NerLexicon Empty { get; } = new([], [], [], []);

    /// <summary>The number of clusters at each granularity (e.g. 64, 256, 1024).</summary>
    public IReadOnlyList<int> ClusterCounts { get; }

    public int Count => _words.Length;

    /// <summary>The length of the word vectors (0 when the lexicon has none).</summary>
    public int VectorDimensions { get; }

    /// <summary>How many rows (the first ones) have a vector.</summary>
    public int VectorCount { get; }

    /// <summary>The unit-length embedding of a word row; empty when the word has none.</summary>
    public ReadOnlySpan<float> VectorOf(int row) =>
        row < 0 || row >= VectorCount ? [] : _vectors.AsSpan(row * VectorDimensions, VectorDimensions);

    /// <summary>The normalised word of a row.</summary>
    public string WordOf(int row) => _words[row];

    /// <summary>
    /// The lexicon's own string for a word and its row, or a new string and -1 when the word is not in it (no
    /// allocation for the 123k known words).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string StringOf(ReadOnlySpan<char> normalized, out int row)
    {
        if (_lookup.TryGetValue(normalized, out var word, out row))
        {
            return word;
        }

        row = -1;
        return new string(normalized);
    }

    /// <inheritdoc cref="StringOf(ReadOnlySpan{char}, out int)"/>
    public string StringOf(ReadOnlySpan<char> normalized) => StringOf(normalized, out _);

    public int CountOf(ReadOnlySpan<char> normalized) => _lookup.TryGetValue(normalized, out var i) ? _counts[i] : 0;

    /// <summary>The frequency of the word at a row (0 for -1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CountAt(int row) => row < 0 ? 0 : _counts[row];

    /// <summary>The cluster of a word row at a granularity level, or -1 when the word has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ClusterOf(int row, int level) => row < 0 ? -1 : _clusters[level][row];

    /// <summary>
    /// The length of the proclitics (و ف ب ل ك, in that order, and the ل of لل) to strip from a
    /// normalised word so that what remains is the word as it stands alone (keeping ال):
    /// والصادرات → الصادرات, لروسيا → روسيا, للاتحاد → (ا)لاتحاد, بالقطار → القطار.
    /// Returns 0 when the whole token is the better standalone word. When the split rebuilds ال from
    /// لل, <paramref name="restoresAl"/> is true and the standalone form is "ال" + word[strip + 1..].
    /// </summary>
    public int ProcliticLength(ReadOnlySpan<char> word, out bool restoresAl) => ProcliticLength(word, out restoresAl, out _);

    /// <inheritdoc cref="ProcliticLength(ReadOnlySpan{char}, out bool)"/>
    /// <param name="wordRow">The row of the whole <paramref name="word"/>, or -1 (the tagger needs it too: one look-up less).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ProcliticLength(ReadOnlySpan<char> word, out bool restoresAl, out int wordRow)
    {
        restoresAl = false;
        var bestLength = 0;
        if (!_lookup.TryGetValue(word, out wordRow))
        {
            wordRow = -1;
        }

        var bestCount = CountAt(wordRow);
        var known = bestCount > 0;
        Span<char> buffer = stackalloc char[Math.Min(word.Length + 1, 64)];
        var maxPrefix = Math.Min(3, word.Length - 2);
        for (var p = 1; p <= maxPrefix; p++)
        {
            if (!IsProcliticChain(word[..p]))
            {
                break;
            }

            var rest = word[p..];
            var count = CountOf(rest);
            if (count > bestCount)
            {
                (bestCount, bestLength, restoresAl) = (count, p, false);
            }

            // لل = ل + ال with the alef dropped: للاتحاد → الاتحاد.
            if (word[p - 1] == Lam && rest.Length >= 3 && rest[0] == Lam && rest.Length + 1 <= buffer.Length)
            {
                buffer[0] = Alef;
                rest.CopyTo(buffer[1..]);
                var withAl = buffer[..(rest.Length + 1)];
                var c = CountOf(withAl);
                if (c > bestCount)
                {
                    (bestCount, bestLength, restoresAl) = (c, p, true);
                }
            }
        }

        if (bestLength == 0 && !known && bestCount == 0)
        {
            // Unknown everywhere: strip only the unambiguous conjunction/preposition before ال.
            for (var p = 1; p <= Math.Min(2, word.Length - 4); p++)
            {
                if (IsProcliticChain(word[..p]) && word[p] == Alef && word[p + 1] == Lam)
                {
                    return p;
                }
            }
        }

        return bestLength;
    }

    /// <summary>Writes the standalone form of a normalised word (proclitics removed, ال kept) into <paramref name="buffer"/>; returns its length.</summary>
    public int Standalone(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var p = ProcliticLength(word, out var restoresAl);
        var rest = word[p..];
        if (restoresAl)
        {
            buffer[0] = Alef;
            rest.CopyTo(buffer[1..]);
            return rest.Length + 1;
        }

        rest.CopyTo(buffer);
        return rest.Length;
    }

    /// <summary>Writes the lexicon: words, counts, cluster levels.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(_words.Length);
        writer.Write(ClusterCounts.Count);
        foreach (var k in ClusterCounts)
        {
            writer.Write(k);
        }

        for (var i = 0; i < _words.Length; i++)
        {
            writer.Write(_words[i]);
            writer.Write(_counts[i]);
            foreach (var level in _clusters)
            {
                writer.Write(level[i]);
            }
        }

        // Vectors as signed bytes (unit-length components × 256, clamped): a quarter of the floats' size.
        writer.Write(VectorCount);
        writer.Write(VectorDimensions);
        foreach (var x in _vectors)
        {
            writer.Write(Quantize(x));
        }
    }

    private const float VectorScale = 256f;

    /// <summary>The vectors rounded to the stored grid, in place (the caller's array; a plain loop: ≈ 4 M values at load).</summary>
    private static float[] OnGrid(float[] vectors)
    {
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = Quantize(vectors[i]) / VectorScale;
        }

        return vectors;
    }

    private static sbyte Quantize(float x) => (sbyte)Math.Clamp(MathF.Round(x * VectorScale), -127, 127);

    /// <summary>Reads a lexicon; <paramref name="withVectors"/> is false for files written before vectors were stored.</summary>
    public static NerLexicon Read(BinaryReader reader, bool withVectors = true)
    {
        var n = reader.ReadInt32();
        var levels = reader.ReadInt32();
        var clusterCounts = new int[levels];
        for (var l = 0; l < levels; l++)
        {
            clusterCounts[l] = reader.ReadInt32();
        }

        var words = new string[n];
        var counts = new int[n];
        var clusters = new short[levels][];
        for (var l = 0; l < levels; l++)
        {
            clusters[l] = new short[n];
        }

        for (var i = 0; i < n; i++)
        {
            words[i] = reader.ReadString();
            counts[i] = reader.ReadInt32();
            for (var l = 0; l < levels; l++)
            {
                clusters[l][i] = reader.ReadInt16();
            }
        }

        if (!withVectors)
        {
            return new NerLexicon(words, counts, clusterCounts, clusters, [], 0, vectorsOnGrid: true);
        }

        var vectorCount = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var vectors = new float[vectorCount * dimensions];
        var bytes = reader.ReadBytes(vectors.Length);
        if (bytes.Length != vectors.Length)
        {
            throw new EndOfStreamException("lexicon vectors are cut short");
        }

        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = (sbyte)bytes[i] / VectorScale;
        }

        // sbyte / VectorScale is the grid itself: nothing to round.
        return new NerLexicon(words, counts, clusterCounts, clusters, vectors, dimensions, vectorsOnGrid: true);
    }

    private static bool IsProcliticChain(ReadOnlySpan<char> prefix) => prefix.Length switch
    {
        // One of و ف, then one of ب ل ك (or س for verbs, which never matters for names).
        1 => prefix[0] is Waw or Feh or Beh or Lam or Kaf,
        2 => prefix[0] is Waw or Feh && prefix[1] is Beh or Lam or Kaf,
        3 => false,
        _ => false,
    };
}
