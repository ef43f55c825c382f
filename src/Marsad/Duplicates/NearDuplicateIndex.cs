namespace Marsad.Duplicates;

/// <summary>How an article duplicates an earlier one.</summary>
public enum DuplicateKind
{
    /// <summary>The same folded body text.</summary>
    Exact,

    /// <summary>A near copy: estimated Jaccard over word 3-shingles at or above the threshold.</summary>
    Near,
}

/// <summary>An earlier article that a new one copies.</summary>
public sealed record DuplicateMatch(string OriginalId, DuplicateKind Kind, double Similarity);

/// <summary>
/// Finds exact and near copies among the articles added so far: a dictionary of exact hashes, and
/// MinHash locality-sensitive hashing with <see cref="Bands"/> bands of <see cref="Rows"/> rows (16×4
/// gives candidates from about 0.5 Jaccard up), each candidate checked against the full signature.
/// Not thread-safe: one ingest thread owns it.
/// </summary>
public sealed class NearDuplicateIndex
{
    public const int Bands = 16;
    public const int Rows = ContentFingerprint.SignatureLength / Bands;

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, List<int>> _buckets = [];
    private readonly List<(string Id, uint[] Signature)> _entries = [];

    public NearDuplicateIndex(double threshold = 0.8) => Threshold = threshold;

    /// <summary>The estimated Jaccard similarity at or above which an article is a near copy.</summary>
    public double Threshold { get; }

    public int Count => _entries.Count;

    /// <summary>The earlier article this one copies, or null.</summary>
    public DuplicateMatch? Find(ContentFingerprint fingerprint)
    {
        if (_exact.TryGetValue(fingerprint.ExactHash, out var exact))
        {
            return new DuplicateMatch(exact, DuplicateKind.Exact, 1.0);
        }

        if (IsEmpty(fingerprint.Signature))
        {
            return null;
        }

        DuplicateMatch? best = null;
        HashSet<int>? seen = null;
        for (var band = 0; band < Bands; band++)
        {
            if (!_buckets.TryGetValue(BandKey(fingerprint.Signature, band), out var bucket))
            {
                continue;
            }

            foreach (var candidate in bucket)
            {
                seen ??= [];
                if (!seen.Add(candidate))
                {
                    continue;
                }

                var (id, signature) = _entries[candidate];
                var similarity = new ContentFingerprint(string.Empty, signature).Similarity(fingerprint);
                if (similarity >= Threshold && (best is null || similarity > best.Similarity))
                {
                    best = new DuplicateMatch(id, DuplicateKind.Near, similarity);
                }
            }
        }

        return best;
    }

    /// <summary>Adds an original (non-duplicate) article.</summary>
    public void Add(string id, string exactHash, uint[] signature)
    {
        _exact.TryAdd(exactHash, id);
        if (IsEmpty(signature))
        {
            return;
        }

        var index = _entries.Count;
        _entries.Add((id, signature));
        for (var band = 0; band < Bands; band++)
        {
            var key = BandKey(signature, band);
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = new List<int>(1);
                _buckets[key] = bucket;
            }

            bucket.Add(index);
        }
    }

    private static bool IsEmpty(uint[] signature) => signature[0] == uint.MaxValue;

    private static ulong BandKey(uint[] signature, int band)
    {
        ulong h = (ulong)band * 0x9E3779B97F4A7C15UL;
        for (var r = 0; r < Rows; r++)
        {
            h = (h ^ signature[(band * Rows) + r]) * 1099511628211UL;
        }

        return h;
    }
}
