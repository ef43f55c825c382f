namespace Marsad.Stories;

/// <summary>Thresholds of story clustering (the join threshold was tuned on gold/stories/ant-stories-dev.tsv, see docs/evaluation.md).</summary>
public sealed record StoryClusterOptions
{
    /// <summary>The least score (cosine to the story's centroid plus the entity bonus) to join a story.</summary>
    public double Threshold { get; init; } = 0.30;

    /// <summary>An article joins only stories seen within this many days of its time.</summary>
    public double WindowDays { get; init; } = 3;

    /// <summary>Added to the score per entity key shared with the story's top entities, up to <see cref="MaxEntityBonus"/>.</summary>
    public double EntityBonus { get; init; } = 0.04;

    public double MaxEntityBonus { get; init; } = 0.12;

    /// <summary>Terms kept per article vector and per centroid (the heaviest).</summary>
    public int ArticleTerms { get; init; } = 40;

    public int CentroidTerms { get; init; } = 80;

    /// <summary>Terms of an article used to find candidate stories.</summary>
    public int CandidateTerms { get; init; } = 12;
}

/// <summary>The result of placing one article.</summary>
public sealed record StoryAssignment(long StoryId, bool IsNew, double Score);

/// <summary>
/// Incremental single-pass clustering of articles into stories: each article is compared with the
/// centroids (sums of tf-idf vectors) of the stories active around its time, found through an
/// inverted index of the stories' heaviest terms; it joins the best one above the threshold or starts
/// a new story. Document frequencies grow with the archive. Not thread-safe: the archive's writer owns it.
/// </summary>
public sealed class StoryClusterer
{
    private readonly StoryClusterOptions _options;
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int> _df = [];
    private readonly Dictionary<long, StoryState> _stories = [];
    private readonly Dictionary<int, List<long>> _postings = [];
    private readonly HashSet<long> _dirtyStories = [];
    private readonly HashSet<int> _dirtyTerms = [];
    private long _nextId = 1;

    public StoryClusterer(StoryClusterOptions? options = null) => _options = options ?? new StoryClusterOptions();

    /// <summary>Articles counted in the document frequencies.</summary>
    public int DocumentCount { get; private set; }

    public int StoryCount => _stories.Count;

    /// <summary>Restores the document frequencies saved by an archive.</summary>
    public void RestoreTerm(string term, int df)
    {
        var id = TermId(term);
        _df[id] = df;
    }

    public void RestoreDocumentCount(int count) => DocumentCount = count;

    /// <summary>Restores one saved story.</summary>
    public void RestoreStory(StoryState story)
    {
        _stories[story.Id] = story;
        _nextId = Math.Max(_nextId, story.Id + 1);
        Post(story);
    }

    /// <summary>Places one article in a story (existing or new) and updates the statistics.</summary>
    public StoryAssignment Assign(StoryFeatures features)
    {
        DocumentCount++;
        foreach (var term in features.Terms.Keys)
        {
            var id = TermId(term);
            _df[id]++;
            _dirtyTerms.Add(id);
        }

        var vector = Vectorise(features.Terms);
        var window = TimeSpan.FromDays(_options.WindowDays);
        StoryState? best = null;
        var bestScore = 0.0;
        var candidates = new HashSet<long>();
        foreach (var (term, _) in vector.Take(_options.CandidateTerms))
        {
            if (!_postings.TryGetValue(term, out var posting))
            {
                continue;
            }

            // Newest stories last: walk backwards and stop when far behind in time is not possible
            // (ingest order is not time order), so every posting is checked against the window.
            foreach (var storyId in posting)
            {
                candidates.Add(storyId);
            }
        }

        foreach (var storyId in candidates)
        {
            var story = _stories[storyId];
            if (features.Time < story.FirstSeen - window || features.Time > story.LastSeen + window)
            {
                continue;
            }

            var score = story.Cosine(vector) + EntityScore(story, features.EntityKeys);
            if (score > bestScore)
            {
                best = story;
                bestScore = score;
            }
        }

        if (best is not null && bestScore >= _options.Threshold)
        {
            best.Add(features, vector, bestScore, _options.CentroidTerms);
            Post(best);
            _dirtyStories.Add(best.Id);
            return new StoryAssignment(best.Id, false, bestScore);
        }

        var created = StoryState.Start(_nextId++, features, vector, this);
        _stories[created.Id] = created;
        Post(created);
        _dirtyStories.Add(created.Id);
        return new StoryAssignment(created.Id, true, 1.0);
    }

    /// <summary>The stories changed since the last call, for the archive to save.</summary>
    public IReadOnlyList<StoryState> TakeChangedStories()
    {
        var changed = _dirtyStories.Select(id => _stories[id]).ToList();
        _dirtyStories.Clear();
        return changed;
    }

    /// <summary>The terms whose document frequency changed since the last call.</summary>
    public IReadOnlyList<(string Term, int Df)> TakeChangedTerms()
    {
        var changed = _dirtyTerms.Select(id => (_terms[id], _df[id])).ToList();
        _dirtyTerms.Clear();
        return changed;
    }

    public StoryState? Story(long id) => _stories.GetValueOrDefault(id);

    internal string TermOf(int id) => _terms[id];

    internal int TermId(string term)
    {
        if (!_termIds.TryGetValue(term, out var id))
        {
            id = _terms.Count;
            _termIds[term] = id;
            _terms.Add(term);
            _df.Add(0);
        }

        return id;
    }

    private double EntityScore(StoryState story, IReadOnlyList<string> keys)
    {
        var shared = 0;
        foreach (var key in keys)
        {
            if (story.EntityCounts.ContainsKey(key))
            {
                shared++;
            }
        }

        return Math.Min(_options.MaxEntityBonus, shared * _options.EntityBonus);
    }

    /// <summary>tf-idf weights (sublinear tf), the heaviest kept, scaled to unit length; sorted by weight.</summary>
    private List<(int Term, float Weight)> Vectorise(IReadOnlyDictionary<string, float> terms)
    {
        var n = DocumentCount + 1;
        var weighted = new List<(int Term, float Weight)>(terms.Count);
        foreach (var (term, tf) in terms)
        {
            var id = TermId(term);
            var idf = Math.Log((n + 1.0) / (_df[id] + 1.0)) + 0.0;
            if (idf <= 0)
            {
                continue;
            }

            weighted.Add((id, (float)((1 + Math.Log(tf)) * idf)));
        }

        weighted.Sort((a, b) => b.Weight.CompareTo(a.Weight));
        if (weighted.Count > _options.ArticleTerms)
        {
            weighted.RemoveRange(_options.ArticleTerms, weighted.Count - _options.ArticleTerms);
        }

        var norm = Math.Sqrt(weighted.Sum(w => (double)w.Weight * w.Weight));
        if (norm > 0)
        {
            for (var i = 0; i < weighted.Count; i++)
            {
                weighted[i] = (weighted[i].Term, (float)(weighted[i].Weight / norm));
            }
        }

        return weighted;
    }

    private void Post(StoryState story)
    {
        foreach (var term in story.TopTerms(_options.CandidateTerms))
        {
            if (!_postings.TryGetValue(term, out var posting))
            {
                posting = [];
                _postings[term] = posting;
            }

            if (posting.Count == 0 || posting[^1] != story.Id)
            {
                if (!posting.Contains(story.Id))
                {
                    posting.Add(story.Id);
                }
            }
        }
    }
}
