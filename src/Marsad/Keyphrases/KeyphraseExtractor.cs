using Marsad.Model;

namespace Marsad.Keyphrases;

/// <summary>
/// Extracts an article's keyphrases from the text layer's tokens: words and 2–3 word phrases scored by term
/// frequency × inverse document frequency (learned from the corpus), boosted when they appear in the headline or
/// early, plus the article's named entities when the entity layer is present.
/// <list type="bullet">
/// <item>Words are read through their clitic segments: a glued conjunction or preposition is not shown
/// (وروسيا → روسيا, للأسلحة → الأسلحة) and starts a new phrase when it occurs inside one.</item>
/// <item>Words that carry a pronoun (لحربها), stop words and news fillers never start or end a phrase.</item>
/// <item>A phrase must recur (or be a known collocation in the headline); a word or shorter phrase that occurs
/// only inside a longer recurring phrase is merged into it (كوريا → كوريا الشمالية), and a chosen phrase is
/// completed by rare name parts (كيم → كيم جونغ أون).</item>
/// </list>
/// Thread-safe: per-call scratch buffers are reused per thread, so an article allocates little more than its results.
/// </summary>
public sealed class KeyphraseExtractor(KeyphraseStatistics statistics)
{
    private const double HeadlineBoost = 1.3;
    private const double EarlyBoost = 1.15;
    private const double EntityBoost = 1.5;

    // idf of a word in at most about 1 document in 300 of the corpus.
    private const double RareIdf = 6.7;

    // Salts keep entity candidates apart from the phrase with the same words.
    private const ulong EntitySalt = 0x9E3779B97F4A7C15UL;

    [ThreadStatic]
    private static Scratch? t_scratch;

    public KeyphraseStatistics Statistics { get; } = statistics;

    /// <summary>At most <paramref name="max"/> keyphrases, best first, scores scaled so that the best is 1.</summary>
    public List<Keyphrase> Extract(AnalyzedArticle doc, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var s = t_scratch ??= new Scratch();
        s.Reset();
        var text = doc.Text;
        var headlineEnd = doc.Blocks.Count > 0 && doc.Blocks[0].Kind == BlockKind.Headline ? doc.Blocks[0].End : 0;
        var earlyEnd = text.Length / 4;
        var words = s.Words = PhraseWords.Of(doc, Statistics, out var count);
        s.WordTotal = count;

        for (var i = 0; i < count; i++)
        {
            var key = 0UL;
            for (var n = 1; n <= 3 && i + n <= count; n++)
            {
                var last = i + n - 1;

                // Only white space between the words; inside a phrase, a glued proclitic starts a new phrase.
                if (n > 1 && (!words[last].JoinsPrevious || words[last].Stripped))
                {
                    break;
                }

                key = n == 1 ? words[i].Key : PhraseWords.Combine(key, words[last].Key);
                if (!IsBoundaryOk(words[i]) || !IsBoundaryOk(words[last]))
                {
                    continue;
                }

                var start = doc.Tokens[words[i].Token].Start;
                ref var c = ref s.Find(key, out var added);
                if (added)
                {
                    c.Length = n;
                    c.First = i;
                    float idf = 0;
                    for (var k = 0; k < n; k++)
                    {
                        idf += words[i + k].Idf / n;
                    }

                    c.Idf = idf;
                    c.Collocation = n == 2 && Statistics.BigramFrequency(words[i].FormId, words[i + 1].FormId) >= 5;
                }

                c.Count++;
                c.InHeadline |= start < headlineEnd;
                c.Early |= start < earlyEnd;
            }
        }

        for (var k = 0; k < s.Count; k++)
        {
            ref var c = ref s.Candidates[k];

            // Phrases must recur (or be a known collocation) to count as phrases rather than accidents.
            if (c.Length > 1 && c.Count < 2 && !(c.Collocation && c.InHeadline))
            {
                c.Dropped = true;
                continue;
            }

            // A phrase is worth a little more than its average word: it is more specific.
            var cohesion = c.Length switch { 1 => 1.0, 2 => c.Collocation ? 1.1 : 1.0, _ => 1.05 };
            c.Score = c.Count * c.Idf * cohesion * (c.InHeadline ? HeadlineBoost : 1) * (c.Early ? EarlyBoost : 1);
        }

        MergeIntoLongerPhrases(s);
        AddEntities(doc, s);
        var order = s.Ranked();

        var chosen = s.Chosen;
        foreach (var index in order)
        {
            if (chosen.Count == max)
            {
                break;
            }

            ref var c = ref s.Candidates[index];
            var overlapping = -1;
            foreach (var a in chosen)
            {
                if (s.SharesWord(a, index))
                {
                    overlapping = a;
                    break;
                }
            }

            if (overlapping < 0)
            {
                chosen.Add(index);
                continue;
            }

            // A longer phrase that contains a chosen one and recurs names it better (كيم → كيم جونغ أون).
            // Only when the added words are rare (name parts such as جونغ أون), not common words (زعيم).
            ref var o = ref s.Candidates[overlapping];
            if (o.EntityKey is null && c.Length > o.Length && s.ContainsAllWords(index, overlapping)
                && (c.EntityKey is not null || (c.Length == 2 && c.Collocation && c.Count >= 2) || (c.Count >= 2 && s.AddedWordsAreNameParts(index, overlapping))))
            {
                o.Length = c.Length;
                o.First = c.First;
                o.Display = c.Display;
                o.EntityKey ??= c.EntityKey;
            }
        }

        if (chosen.Count == 0)
        {
            return [];
        }

        var best = s.Candidates[chosen[0]].Score;
        var result = new List<Keyphrase>(chosen.Count);
        foreach (var index in chosen)
        {
            ref var c = ref s.Candidates[index];
            result.Add(new Keyphrase(c.Display ?? Display(doc, words, c.First, c.Length), Math.Round(c.Score / best, 4)) { EntityKey = c.EntityKey });
        }

        return result;
    }

    private static bool IsBoundaryOk(in PhraseWord w) => !w.Stop && !w.Enclitic && w.FormLength >= 2;

    /// <summary>The surface of words [first, first + length), without a glued conjunction or preposition.</summary>
    private static string Display(AnalyzedArticle doc, PhraseWord[] words, int first, int length)
    {
        var w = words[first];
        var end = doc.Tokens[words[first + length - 1].Token].End;
        return w.ShortArticle ? string.Concat("ا", doc.Text.AsSpan(w.DisplayStart, end - w.DisplayStart)) : doc.Text[w.DisplayStart..end];
    }

    /// <summary>A word or phrase that occurs only inside a longer recurring phrase is that phrase (كوريا → كوريا الشمالية).</summary>
    private static void MergeIntoLongerPhrases(Scratch s)
    {
        for (var length = 3; length >= 2; length--)
        {
            for (var k = 0; k < s.Count; k++)
            {
                ref var p = ref s.Candidates[k];
                if (p.Dropped || p.Length != length)
                {
                    continue;
                }

                for (var start = 0; start < length; start++)
                {
                    var key = 0UL;
                    for (var end = start + 1; end <= length; end++)
                    {
                        var wordKey = s.Words[p.First + end - 1].Key;
                        key = end == start + 1 ? wordKey : PhraseWords.Combine(key, wordKey);
                        if (end - start == length || !s.TryFind(key, out var subIndex))
                        {
                            continue;
                        }

                        ref var sub = ref s.Candidates[subIndex];
                        if (sub.Count > p.Count + Math.Max(1, p.Count / 3))
                        {
                            continue;
                        }

                        p.Score = Math.Max(p.Score, sub.Score);
                        sub.Dropped = true;
                    }
                }
            }
        }
    }

    /// <summary>Each entity (else each group of same-text mentions) is a candidate with the words of its longest mention.</summary>
    private void AddEntities(AnalyzedArticle doc, Scratch s)
    {
        if (doc.Entities.Count > 0)
        {
            foreach (var e in doc.Entities)
            {
                Mention? longest = null;
                foreach (var m in doc.Mentions)
                {
                    if (m.EntityKey == e.Key && (longest is null || m.End - m.Start > longest.End - longest.Start))
                    {
                        longest = m;
                    }
                }

                if (longest is not null)
                {
                    AddEntity(doc, s, longest, e.CanonicalName, Math.Max(1, e.MentionCount), e.Key);
                }
            }

            return;
        }

        foreach (var m in doc.Mentions)
        {
            AddEntity(doc, s, m, m.Text, 1, m.EntityKey);
        }
    }

    private void AddEntity(AnalyzedArticle doc, Scratch s, Mention mention, string name, int mentions, string? key)
    {
        var (first, length) = s.WordsIn(doc, mention.Start, mention.End);
        if (length == 0)
        {
            return;
        }

        var hash = EntitySalt;
        float idf = 0;
        for (var k = 0; k < length; k++)
        {
            hash = PhraseWords.Combine(hash, s.Words[first + k].Key);
            idf += s.Words[first + k].Idf / length;
        }

        ref var c = ref s.Find(hash, out var added);
        if (added)
        {
            c.Length = length;
            c.First = first;
            c.Idf = idf;
            c.Display = name;
            c.EntityKey = key;
        }

        // Entities come with their mention count; mention groups count one per mention.
        c.Count += mentions;
        c.Score = c.Count * idf * EntityBoost;
    }

    /// <summary>A candidate: a word, a phrase or an entity (its words are Words[First .. First + Length)).</summary>
    private struct Candidate
    {
        public ulong Key;
        public int Length;
        public int First;
        public int Count;
        public float Idf;
        public bool InHeadline;
        public bool Early;
        public bool Collocation;
        public bool Dropped;
        public double Score;
        public string? Display;
        public string? EntityKey;
    }

    /// <summary>Buffers reused by one thread from article to article.</summary>
    private sealed class Scratch
    {
        public PhraseWord[] Words = [];
        public Candidate[] Candidates = new Candidate[1024];
        public int Count;

        /// <summary>How many entries of <see cref="Words"/> belong to the current article.</summary>
        public int WordTotal;
        public readonly List<int> Chosen = new(16);
        private readonly KeyIndex _index = new(1024);
        private int[] _order = new int[1024];
        private double[] _sortKeys = new double[1024];

        public void Reset()
        {
            Array.Clear(Candidates, 0, Count);
            Count = 0;
            _index.Clear();
            Chosen.Clear();
        }

        public ref Candidate Find(ulong key, out bool added)
        {
            ref var slot = ref _index.GetOrAdd(key, out var exists);
            added = !exists;
            if (exists)
            {
                return ref Candidates[slot];
            }

            if (Count == Candidates.Length)
            {
                Array.Resize(ref Candidates, Count * 2);
            }

            slot = Count;
            ref var c = ref Candidates[Count++];
            c.Key = key;
            return ref c;
        }

        public bool TryFind(ulong key, out int index) => _index.TryGetValue(key, out index);

        /// <summary>Candidates not dropped, best first (ties: the one met first in the text).</summary>
        public ReadOnlySpan<int> Ranked()
        {
            if (_order.Length < Count)
            {
                _order = new int[Candidates.Length];
                _sortKeys = new double[Candidates.Length];
            }

            var n = 0;
            for (var k = 0; k < Count; k++)
            {
                if (!Candidates[k].Dropped)
                {
                    _sortKeys[n] = -Candidates[k].Score;
                    _order[n++] = k;
                }
            }

            // A primitive-keyed sort (no comparer calls), then equal scores put back in text order.
            Array.Sort(_sortKeys, _order, 0, n);
            for (var i = 1; i < n; i++)
            {
                var item = _order[i];
                var j = i - 1;
                while (j >= 0 && _sortKeys[j] == _sortKeys[i] && _order[j] > item)
                {
                    _order[j + 1] = _order[j];
                    j--;
                }

                _order[j + 1] = item;
            }

            return _order.AsSpan(0, n);
        }

        /// <summary>The words inside [start, end): first index into <see cref="Words"/> and count.</summary>
        public (int First, int Length) WordsIn(AnalyzedArticle doc, int start, int end)
        {
            // Words are in text order: binary search for the first that starts at or after start.
            int lo = 0, hi = WordTotal;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (doc.Tokens[Words[mid].Token].Start < start)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            var n = 0;
            while (lo + n < WordTotal && doc.Tokens[Words[lo + n].Token].End <= end)
            {
                n++;
            }

            return (lo, n);
        }

        public bool SharesWord(int a, int b)
        {
            ref var x = ref Candidates[a];
            ref var y = ref Candidates[b];
            for (var i = 0; i < x.Length; i++)
            {
                for (var j = 0; j < y.Length; j++)
                {
                    if (Words[x.First + i].Key == Words[y.First + j].Key)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Every word of <paramref name="shorter"/> is in <paramref name="longer"/>.</summary>
        public bool ContainsAllWords(int longer, int shorter)
        {
            ref var l = ref Candidates[longer];
            ref var s = ref Candidates[shorter];
            for (var j = 0; j < s.Length; j++)
            {
                var found = false;
                for (var i = 0; i < l.Length && !found; i++)
                {
                    found = Words[l.First + i].Key == Words[s.First + j].Key;
                }

                if (!found)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The words a longer phrase adds are rare in the corpus, or occur in this article only inside the phrase
        /// (جونغ أون in كيم جونغ أون): parts of a name, not common words (زعيم).
        /// </summary>
        public bool AddedWordsAreNameParts(int longerIndex, int shorterIndex)
        {
            ref var longer = ref Candidates[longerIndex];
            ref var shorter = ref Candidates[shorterIndex];
            for (var k = 0; k < longer.Length; k++)
            {
                ref var w = ref Words[longer.First + k];
                var inShorter = false;
                for (var j = 0; j < shorter.Length && !inShorter; j++)
                {
                    inShorter = Words[shorter.First + j].Key == w.Key;
                }

                if (inShorter || w.Idf >= RareIdf)
                {
                    continue;
                }

                if (!_index.TryGetValue(w.Key, out var alone) || Candidates[alone].Count > longer.Count + 1)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
