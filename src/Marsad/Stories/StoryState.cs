namespace Marsad.Stories;

/// <summary>
/// One story as the clusterer keeps it: its centroid (the sum of its members' unit tf-idf vectors,
/// the heaviest terms kept), first and last seen, entity counts, outlets and representative headline.
/// </summary>
public sealed class StoryState
{
    private readonly Dictionary<int, float> _centroid;
    private readonly StoryClusterer _owner;
    private double _norm;

    private StoryState(long id, StoryClusterer owner, Dictionary<int, float> centroid)
    {
        Id = id;
        _owner = owner;
        _centroid = centroid;
        _norm = Norm(centroid);
    }

    public long Id { get; }

    public DateTimeOffset FirstSeen { get; private set; }

    public DateTimeOffset LastSeen { get; private set; }

    public int Size { get; private set; }

    public string? Headline { get; private set; }

    public string RepresentativeId { get; private set; } = string.Empty;

    /// <summary>The representative's cosine to the story when it joined; a closer newcomer replaces it.</summary>
    public double RepresentativeScore { get; private set; }

    public Dictionary<string, int> EntityCounts { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The centroid as (term, weight), heaviest first.</summary>
    public IReadOnlyList<(string Term, float Weight)> Centroid =>
        _centroid.OrderByDescending(kv => kv.Value).Select(kv => (_owner.TermOf(kv.Key), kv.Value)).ToList();

    /// <summary>The most frequent entity keys, most frequent first.</summary>
    public IReadOnlyList<string> TopEntities(int count) =>
        EntityCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(count).Select(kv => kv.Key).ToList();

    internal static StoryState Start(long id, StoryFeatures features, List<(int Term, float Weight)> vector, StoryClusterer owner)
    {
        var story = new StoryState(id, owner, vector.ToDictionary(v => v.Term, v => v.Weight))
        {
            FirstSeen = features.Time,
            LastSeen = features.Time,
            Size = 1,
            Headline = features.Headline,
            RepresentativeId = features.ArticleId,
            RepresentativeScore = 0,
        };
        story.Count(features);
        return story;
    }

    /// <summary>Rebuilds a saved story (the archive stores the centroid by term).</summary>
    public static StoryState Restore(
        StoryClusterer owner,
        long id,
        DateTimeOffset firstSeen,
        DateTimeOffset lastSeen,
        int size,
        string? headline,
        string representativeId,
        double representativeScore,
        IEnumerable<(string Term, float Weight)> centroid,
        IEnumerable<KeyValuePair<string, int>> entityCounts,
        IEnumerable<string> sources)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var story = new StoryState(id, owner, centroid.ToDictionary(c => owner.TermId(c.Term), c => c.Weight))
        {
            FirstSeen = firstSeen,
            LastSeen = lastSeen,
            Size = size,
            Headline = headline,
            RepresentativeId = representativeId,
            RepresentativeScore = representativeScore,
        };
        foreach (var (key, count) in entityCounts)
        {
            story.EntityCounts[key] = count;
        }

        story.Sources.UnionWith(sources);
        return story;
    }

    internal double Cosine(List<(int Term, float Weight)> vector)
    {
        if (_norm == 0)
        {
            return 0;
        }

        double dot = 0;
        foreach (var (term, weight) in vector)
        {
            if (_centroid.TryGetValue(term, out var w))
            {
                dot += w * weight;
            }
        }

        return dot / _norm;
    }

    internal IEnumerable<int> TopTerms(int count) => _centroid.OrderByDescending(kv => kv.Value).Take(count).Select(kv => kv.Key);

    internal void Add(StoryFeatures features, List<(int Term, float Weight)> vector, double score, int maxTerms)
    {
        foreach (var (term, weight) in vector)
        {
            _centroid[term] = _centroid.GetValueOrDefault(term) + weight;
        }

        if (_centroid.Count > maxTerms)
        {
            foreach (var drop in _centroid.OrderBy(kv => kv.Value).Take(_centroid.Count - maxTerms).Select(kv => kv.Key).ToList())
            {
                _centroid.Remove(drop);
            }
        }

        _norm = Norm(_centroid);
        if (Size == 1)
        {
            // Cosine is symmetric: the founder is as close to the newcomer as the newcomer to it.
            RepresentativeScore = score;
        }

        Size++;
        if (features.Time < FirstSeen)
        {
            FirstSeen = features.Time;
        }

        if (features.Time > LastSeen)
        {
            LastSeen = features.Time;
        }

        if (score > RepresentativeScore && !string.IsNullOrWhiteSpace(features.Headline))
        {
            Headline = features.Headline;
            RepresentativeId = features.ArticleId;
            RepresentativeScore = score;
        }

        Count(features);
    }

    private void Count(StoryFeatures features)
    {
        foreach (var key in features.EntityKeys)
        {
            EntityCounts[key] = EntityCounts.GetValueOrDefault(key) + 1;
        }

        if (!string.IsNullOrEmpty(features.Source))
        {
            Sources.Add(features.Source);
        }
    }

    private static double Norm(Dictionary<int, float> centroid) => Math.Sqrt(centroid.Values.Sum(w => (double)w * w));
}
