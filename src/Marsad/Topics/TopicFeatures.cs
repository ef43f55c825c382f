namespace Marsad.Topics;

/// <summary>Which feature families the topic model uses; stored in the model file.</summary>
internal sealed record TopicFeatureOptions(int HashBits, bool StemUnigrams, bool StemBigrams, int CharMin, int CharMax, bool SourceFeatures = false)
{

    public int Buckets => 1 << HashBits;
}

/// <summary>A sparse, L2-normalised feature vector: bucket indexes (ascending) and values.</summary>
internal readonly record struct SparseVector(int[] Indexes, float[] Values);

/// <summary>
/// Turns an article's title and text into hashed features: light stems, stem bigrams and character
/// n-grams of normalised words (with word-boundary marks), counted, log-scaled and L2-normalised.
/// The hashing trick keeps the model a fixed size with no vocabulary to store.
/// </summary>
internal sealed class TopicFeatureExtractor(TopicFeatureOptions options, ITermAnalyzer analyzer)
{
    private const uint UnigramSeed = 0x9E3779B1u;
    private const uint BigramSeed = 0x85EBCA77u;
    private const uint CharSeed = 0xC2B2AE3Du;
    private const uint TitleSeed = 0x27D4EB2Fu;
    private const uint SourceSeed = 0x165667B1u;

    [ThreadStatic]
    private static List<Term>? t_terms;

    [ThreadStatic]
    private static List<int>? t_hashes;

    public TopicFeatureOptions Options { get; } = options;

    public ITermAnalyzer Analyzer { get; } = analyzer;

    /// <summary>
    /// Outlet features: the outlet as a bias and crossed with each stem, so that the model can learn how
    /// each outlet files its sections. Empty when the outlet is unknown or the model does not use them.
    /// </summary>
    public SparseVector ExtractSource(string? source, string? title, string text)
    {
        if (!Options.SourceFeatures || string.IsNullOrWhiteSpace(source))
        {
            return new SparseVector([], []);
        }

        var terms = t_terms ??= new List<Term>(1024);
        var hashes = t_hashes ??= new List<int>(8192);
        terms.Clear();
        hashes.Clear();
        var mask = (uint)(Options.Buckets - 1);
        var seed = Hash(source.Trim().ToLowerInvariant(), SourceSeed);
        hashes.Add((int)(seed & mask));
        Analyzer.Analyze(title ?? string.Empty, terms);
        Analyzer.Analyze(text, terms);
        foreach (var t in terms)
        {
            hashes.Add((int)(Hash(t.Stem, seed) & mask));
        }

        return Collapse(hashes);
    }

    public SparseVector Extract(string? title, string text)
    {
        var terms = t_terms ??= new List<Term>(1024);
        var hashes = t_hashes ??= new List<int>(8192);
        terms.Clear();
        hashes.Clear();
        var mask = (uint)(Options.Buckets - 1);
        if (!string.IsNullOrEmpty(title))
        {
            Analyzer.Analyze(title, terms);
            foreach (var t in terms)
            {
                hashes.Add((int)(Hash(t.Stem, TitleSeed) & mask));
            }

            terms.Clear();
        }

        var textTerms = Analyzer is FallbackTermAnalyzer ? DocumentTerms.Of(text) : AnalyzeInto(text, terms);
        string? previous = null;
        foreach (var t in textTerms)
        {
            if (Options.StemUnigrams)
            {
                hashes.Add((int)(Hash(t.Stem, UnigramSeed) & mask));
            }

            if (Options.StemBigrams && previous is not null)
            {
                hashes.Add((int)(Hash(t.Stem, Hash(previous, BigramSeed)) & mask));
            }

            previous = t.Stem;
            if (Options.CharMax > 0 && t.IsArabic)
            {
                AddCharGrams(t.Normalized, hashes, mask);
            }
        }

        return Collapse(hashes);
    }

    private List<Term> AnalyzeInto(string text, List<Term> terms)
    {
        Analyzer.Analyze(text, terms);
        return terms;
    }

    private void AddCharGrams(string word, List<int> hashes, uint mask)
    {
        // Grams over "<word>" so that prefixes and suffixes are their own features.
        var length = word.Length + 2;
        for (var n = Options.CharMin; n <= Options.CharMax; n++)
        {
            for (var i = 0; i + n <= length; i++)
            {
                var h = CharSeed ^ (uint)n;
                for (var k = i; k < i + n; k++)
                {
                    var c = k == 0 ? '<' : k == length - 1 ? '>' : word[k - 1];
                    h = (h ^ c) * 16777619u;
                }

                hashes.Add((int)(Finish(h) & mask));
            }
        }
    }

    private static SparseVector Collapse(List<int> hashes)
    {
        if (hashes.Count == 0)
        {
            return new SparseVector([], []);
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hashes);
        span.Sort();
        var distinct = 1;
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] != span[i - 1])
            {
                distinct++;
            }
        }

        var indexes = new int[distinct];
        var values = new float[distinct];
        var j = 0;
        var run = 1;
        for (var i = 1; i <= span.Length; i++)
        {
            if (i < span.Length && span[i] == span[i - 1])
            {
                run++;
                continue;
            }

            indexes[j] = span[i - 1];
            values[j] = 1f + MathF.Log(run);
            j++;
            run = 1;
        }

        var norm = 0f;
        foreach (var v in values)
        {
            norm += v * v;
        }

        var inv = 1f / MathF.Sqrt(norm);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= inv;
        }

        return new SparseVector(indexes, values);
    }

    /// <summary>FNV-1a over the characters, mixed with a seed, then finalised.</summary>
    internal static uint Hash(string s, uint seed)
    {
        var h = 2166136261u ^ seed;
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }

        return Finish(h);
    }

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
