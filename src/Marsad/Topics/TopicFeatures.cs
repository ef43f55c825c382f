using System.Runtime.InteropServices;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Topics;

/// <summary>The feature families a topic model reads; stored in the model file.</summary>
[Flags]
internal enum TopicFeatureFamilies
{
    None = 0,

    /// <summary>Light stems of the words (the text layer's <see cref="TokenAnnotation.Stem"/>).</summary>
    Stems = 1,

    /// <summary>Pairs of consecutive word stems.</summary>
    StemBigrams = 2,

    /// <summary>Stems of the headline's words, as features of their own.</summary>
    TitleStems = 4,

    /// <summary>Normalised word forms (clitics kept), which keep what light stemming conflates.</summary>
    Words = 8,

    /// <summary>The outlet, alone and crossed with every stem (only for outlets seen in training).</summary>
    Source = 16,

    /// <summary>Stems of the first paragraph (the lead), as features of their own.</summary>
    LeadStems = 32,

    /// <summary>Pairs of consecutive normalised word forms.</summary>
    WordBigrams = 64,

    /// <summary>Content counts weighted by inverse document frequency (stored per bucket in the model).</summary>
    Idf = 128,

    /// <summary>The outlet crossed with every normalised word form (with <see cref="Source"/>; the outlet part of the features).</summary>
    SourceWords = 256,

    /// <summary>
    /// Where the story happens: which regions (<see cref="PlaceRegion"/>) the headline and the first paragraph name,
    /// the region of the first place in the text and the share of Middle-East places among all places named.
    /// Fixed-value indicator features, outside the IDF weighting and the normalisation of the words.
    /// </summary>
    Places = 512,

    /// <summary>
    /// The article's standfirst, when it adds to the body's opening (<see cref="TopicStandfirst"/>), read as one more
    /// paragraph before the body: a flag on how the article is prepared (<see cref="TopicDocuments.Prepare"/>), not a
    /// family of hashes of its own.
    /// </summary>
    Standfirst = 1024,
}

/// <summary>Which feature families the topic model uses and how many hash buckets; stored in the model file.</summary>
internal sealed record TopicFeatureOptions(int HashBits, TopicFeatureFamilies Families)
{
    public int Buckets => 1 << HashBits;

    public bool Has(TopicFeatureFamilies family) => (Families & family) == family;
}

/// <summary>
/// Inverse document frequencies per bucket, read from any float array with an offset and a stride (the model
/// keeps them inside its weight rows, so that a feature's weights and its IDF share one cache line).
/// </summary>
internal readonly record struct IdfTable(float[] Data, int Offset, int Stride)
{
    public float this[int bucket] => Data[Offset + (bucket * Stride)];
}

/// <summary>
/// A sparse feature vector: bucket indexes (in first-seen order) and values, L2-normalised except for the last
/// <paramref name="FixedTail"/> entries (indicator features at a fixed value, which IDF weighting must skip).
/// </summary>
internal readonly record struct SparseVector(int[] Indexes, float[] Values, int FixedTail = 0);

/// <summary>
/// Counts hashed buckets without sorting: an open-addressing table that remembers its keys in first-seen
/// order and empties itself by visiting only the slots it used.
/// </summary>
internal sealed class BucketCounter
{
    private int[] _keys = new int[4096]; // bucket + 1; 0 = empty
    private int[] _counts = new int[4096];
    private int[] _used = new int[2048]; // slot indexes in first-seen order

    public int Distinct { get; private set; }

    public void Add(int bucket)
    {
        if (Distinct * 2 >= _keys.Length)
        {
            Grow();
        }

        var mask = _keys.Length - 1;
        var slot = (int)(((uint)bucket * 0x9E3779B1u) >> 7) & mask;
        while (true)
        {
            var key = _keys[slot];
            if (key == bucket + 1)
            {
                _counts[slot]++;
                return;
            }

            if (key == 0)
            {
                _keys[slot] = bucket + 1;
                _counts[slot] = 1;
                _used[Distinct++] = slot;
                return;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>
    /// Writes each bucket with value 1 + ln(count), L2-normalised, into <paramref name="indexes"/> and
    /// <paramref name="values"/>, empties the table and returns the number written.
    /// </summary>
    public int Drain(Span<int> indexes, Span<float> values, IdfTable? idf = null)
    {
        var n = Distinct;
        var norm = 0f;
        for (var i = 0; i < n; i++)
        {
            var slot = _used[i];
            var count = _counts[slot];
            var bucket = _keys[slot] - 1;
            var v = count == 1 ? 1f : 1f + MathF.Log(count);
            if (idf is { } table)
            {
                v *= table[bucket];
            }

            indexes[i] = bucket;
            values[i] = v;
            norm += v * v;
            _keys[slot] = 0;
        }

        if (n > 0)
        {
            var inv = 1f / MathF.Sqrt(norm);
            for (var i = 0; i < n; i++)
            {
                values[i] *= inv;
            }
        }

        Distinct = 0;
        return n;
    }

    /// <summary>Empties the table without reading it.</summary>
    public void Reset()
    {
        for (var i = 0; i < Distinct; i++)
        {
            _keys[_used[i]] = 0;
        }

        Distinct = 0;
    }

    private void Grow()
    {
        var keys = _keys;
        var counts = _counts;
        var used = _used;
        var n = Distinct;
        _keys = new int[keys.Length * 2];
        _counts = new int[keys.Length * 2];
        _used = new int[keys.Length];
        Distinct = 0;
        for (var i = 0; i < n; i++)
        {
            var slot = used[i];
            var bucket = keys[slot] - 1;
            for (var k = 0; k < counts[slot]; k++)
            {
                Add(bucket);
            }
        }
    }
}

/// <summary>
/// One article's features as hashed buckets with log-scaled, L2-normalised counts, in reusable buffers:
/// the content part (words of the article) and the outlet part, each normalised on its own, plus the
/// outlet's own bucket at value 1 and, at the end of the content part, any fixed-value indicators (place features).
/// </summary>
internal sealed class TopicFeatureBuffer
{
    /// <summary>
    /// The value of an indicator feature (the words' part has norm 1; 0.2 was better on dev than 0.5). Not stored in
    /// the model: changing it changes the feature function of models trained with <see cref="TopicFeatureFamilies.Places"/>.
    /// </summary>
    public const float FixedValue = 0.2f;

    private readonly BucketCounter _content = new();
    private readonly BucketCounter _source = new();
    private readonly List<int> _fixed = [];
    private int[] _indexes = new int[4096];
    private float[] _values = new float[4096];
    private int _sourceBias = -1;

    public int ContentCount { get; private set; }

    public int SourceCount { get; private set; }

    /// <summary>The fixed-value indicator features at the end of the content part (included in <see cref="ContentCount"/>).</summary>
    public int FixedCount { get; private set; }

    /// <summary>The content features (valid after <see cref="Finish"/>).</summary>
    public ReadOnlySpan<int> ContentIndexes => _indexes.AsSpan(0, ContentCount);

    public ReadOnlySpan<float> ContentValues => _values.AsSpan(0, ContentCount);

    /// <summary>The outlet features (valid after <see cref="Finish"/>), stored after the content ones.</summary>
    public ReadOnlySpan<int> SourceIndexes => _indexes.AsSpan(ContentCount, SourceCount);

    public ReadOnlySpan<float> SourceValues => _values.AsSpan(ContentCount, SourceCount);

    public void Clear()
    {
        _content.Reset();
        _source.Reset();
        _fixed.Clear();
        ContentCount = 0;
        SourceCount = 0;
        FixedCount = 0;
        _sourceBias = -1;
    }

    public void AddContent(int bucket) => _content.Add(bucket);

    public void AddSource(int bucket) => _source.Add(bucket);

    /// <summary>An indicator feature of the content part, at value <see cref="FixedValue"/>, outside the normalisation.</summary>
    public void AddFixed(int bucket) => _fixed.Add(bucket);

    /// <summary>The outlet's own bucket: kept at value 1, outside the normalisation, so that it acts as a per-outlet label prior.</summary>
    public void SetSourceBias(int bucket) => _sourceBias = bucket;

    /// <summary>Counts equal buckets: value 1 + ln(count), then L2-normalises each part.</summary>
    public void Finish(IdfTable? idf = null)
    {
        var needed = _content.Distinct + _fixed.Count + _source.Distinct + 1;
        if (_indexes.Length < needed)
        {
            _indexes = new int[needed * 2];
            _values = new float[needed * 2];
        }

        ContentCount = _content.Drain(_indexes, _values, idf);
        FixedCount = _fixed.Count;
        for (var i = 0; i < _fixed.Count; i++)
        {
            _indexes[ContentCount] = _fixed[i];
            _values[ContentCount++] = FixedValue;
        }

        SourceCount = _source.Drain(_indexes.AsSpan(ContentCount), _values.AsSpan(ContentCount));
        if (_sourceBias >= 0)
        {
            _indexes[ContentCount + SourceCount] = _sourceBias;
            _values[ContentCount + SourceCount] = 1f;
            SourceCount++;
        }
    }

    /// <summary>A copy of the content part (for training).</summary>
    public SparseVector Content() => new(ContentIndexes.ToArray(), ContentValues.ToArray(), FixedCount);

    /// <summary>A copy of the outlet part (for training).</summary>
    public SparseVector Source() => new(SourceIndexes.ToArray(), SourceValues.ToArray());
}

/// <summary>
/// Turns an analysed article (the text layer's tokens) into hashed features. Training and inference both
/// call <see cref="Collect"/> on an <see cref="AnalyzedArticle"/> annotated by the text layer, so the
/// features are the same by construction. The hashing trick keeps the model a fixed size with no
/// vocabulary to store; no string is allocated per word.
/// </summary>
internal sealed class TopicFeatureExtractor(TopicFeatureOptions options, IdfTable? idf = null)
{
    /// <summary>Stored in model files: the name of this feature function (a model trained with another refuses to load).</summary>
    public const string Name = "marsad-text-tokens-1";

    private const uint StemSeed = 0x9E3779B1u;
    private const uint BigramSeed = 0x85EBCA77u;
    private const uint TitleSeed = 0x27D4EB2Fu;
    private const uint WordSeed = 0xC2B2AE3Du;
    private const uint SourceSeed = 0x165667B1u;
    private const uint LeadSeed = 0xD3A2646Cu;
    private const uint WordBigramSeed = 0xFD7046C5u;
    private const uint SourceWordSeed = 0xB55A4F09u;
    private const uint PlaceSeed = 0x7F4A7C15u;

    [ThreadStatic]
    private static TopicFeatureBuffer? t_buffer;

    public TopicFeatureOptions Options { get; } = options;

    /// <summary>The inverse document frequency of each content bucket, when the model weights by it.</summary>
    public IdfTable? Idf { get; } = idf;

    /// <summary>This thread's reusable buffer.</summary>
    public static TopicFeatureBuffer ThreadBuffer => t_buffer ??= new TopicFeatureBuffer();

    /// <summary>
    /// Fills <paramref name="into"/> with the article's features. <paramref name="source"/> is the outlet to
    /// cross with the stems, or null to read the content alone.
    /// </summary>
    public void Collect(AnalyzedArticle doc, string? source, TopicFeatureBuffer into)
    {
        into.Clear();
        var mask = (uint)(Options.Buckets - 1);
        var stems = Options.Has(TopicFeatureFamilies.Stems);
        var bigrams = Options.Has(TopicFeatureFamilies.StemBigrams);
        var title = Options.Has(TopicFeatureFamilies.TitleStems);
        var words = Options.Has(TopicFeatureFamilies.Words);
        var wordBigrams = Options.Has(TopicFeatureFamilies.WordBigrams);
        var lead = Options.Has(TopicFeatureFamilies.LeadStems);
        var withSource = Options.Has(TopicFeatureFamilies.Source) && !string.IsNullOrWhiteSpace(source);
        var sourceWords = withSource && Options.Has(TopicFeatureFamilies.SourceWords);
        var sourceHash = withSource ? Fnv(source.AsSpan().Trim(), SourceSeed, lowerAscii: true) : 0u;
        if (withSource)
        {
            into.SetSourceBias((int)(Finish(sourceHash) & mask));
        }

        var headlineEnd = doc.Blocks.Count > 0 && doc.Blocks[0].Kind == BlockKind.Headline ? doc.Blocks[0].End : -1;
        var leadStart = -1;
        var leadEnd = -1;
        foreach (var block in doc.Blocks)
        {
            if (block.Kind == BlockKind.Paragraph)
            {
                (leadStart, leadEnd) = (block.Start, block.End);
                break;
            }
        }

        var previous = 0u;
        var previousWord = 0u;
        var hasPrevious = false;
        var places = Options.Has(TopicFeatureFamilies.Places) ? new PlaceCounts() : null;
        foreach (var token in CollectionsMarshal.AsSpan(doc.Tokens))
        {
            if (token.Kind is not (TokenKind.ArabicWord or TokenKind.LatinWord))
            {
                continue;
            }

            var stem = Fnv((token.Stem ?? token.Normalized).AsSpan(), 0u, lowerAscii: false);
            if (stems)
            {
                into.AddContent((int)(Finish(stem ^ StemSeed) & mask));
            }

            if (bigrams && hasPrevious)
            {
                into.AddContent((int)(Finish((previous * 0x01000193u) ^ stem ^ BigramSeed) & mask));
            }

            if (title && token.Start < headlineEnd)
            {
                into.AddContent((int)(Finish(stem ^ TitleSeed) & mask));
            }

            if (lead && token.Start >= leadStart && token.Start < leadEnd)
            {
                into.AddContent((int)(Finish(stem ^ LeadSeed) & mask));
            }

            var word = words || wordBigrams || sourceWords ? Fnv(token.Normalized.AsSpan(), 0u, lowerAscii: false) : 0u;
            if (words)
            {
                into.AddContent((int)(Finish(word ^ WordSeed) & mask));
            }

            if (wordBigrams && hasPrevious)
            {
                into.AddContent((int)(Finish((previousWord * 0x01000193u) ^ word ^ WordBigramSeed) & mask));
            }

            if (withSource)
            {
                into.AddSource((int)(Finish((sourceHash * 0x01000193u) ^ stem) & mask));
            }

            if (sourceWords)
            {
                into.AddSource((int)(Finish((sourceHash * 0x01000193u) ^ word ^ SourceWordSeed) & mask));
            }

            if (places is not null && PlaceGazetteer.RegionOf(token) is var region and not PlaceRegion.None)
            {
                places.Add(region, token.Start < headlineEnd, token.Start >= leadStart && token.Start < leadEnd);
            }

            previous = stem;
            previousWord = word;
            hasPrevious = true;
        }

        if (places is not null)
        {
            foreach (var key in places.FeatureKeys())
            {
                into.AddFixed((int)(Finish(key ^ PlaceSeed) & mask));
            }
        }

        into.Finish(Idf);
    }

    /// <summary>FNV-1a over the characters (ASCII lower-cased when asked), not yet finalised.</summary>
    private static uint Fnv(ReadOnlySpan<char> s, uint seed, bool lowerAscii)
    {
        var h = 2166136261u ^ seed;
        foreach (var c in s)
        {
            var k = lowerAscii && c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            h = (h ^ k) * 16777619u;
        }

        return h;
    }

    /// <summary>A 32-bit avalanche finaliser (MurmurHash3's), so that the low bits used as the bucket are well mixed.</summary>
    private static uint Finish(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }
}
