using System.Collections.Concurrent;
using Marsad.Entities.Kb;
using Marsad.Model;

namespace Marsad.Entities.Resolution;

/// <summary>
/// Merges one article's mentions into entities, links them to the knowledge base and names them.
/// The rules, in order:
/// <list type="number">
/// <item>Bare names: proclitics and titles removed (<see cref="SurfaceCleaner"/>), then normalised
/// (<see cref="NameForm"/>: hamza and alef forms, ى/ي، ة/ه، غ/ج، initial ي/ج, doubled letters).</item>
/// <item>KB link: a name the knowledge base knows (canonical name, alias or variant) takes its entry; all
/// mentions of one entry are one entity (كوريا الديمقراطية and جمهورية كوريا الشعبية الديمقراطية → كوريا الشمالية).</item>
/// <item>Same name: mentions with the same normalised name merge when their types agree (PER with PER;
/// LOC, ORG and MISC with one another, since a capital names its government).</item>
/// <item>Spelling variants: same-type names whose tokens differ only by one long vowel in a long token
/// (فلاديفوستوك/فلاديفستوك) merge.</item>
/// <item>Short forms: a PER name that is the first or last words of a longer PER name in the article
/// (كيم → كيم جونغ أون، بوتين → فلاديمير بوتين), or an ORG name of two or more words that ends a longer
/// ORG name, joins that name's entity. When several different entities fit, one mentioned earlier in the same
/// paragraph wins (the latest), else the one mentioned most so far, then the longest name. A linked long
/// name also answers to its KB spellings (ترمب → دونالد ترامب via دونالد ترمب). Names are resolved from the
/// longest to the shortest, so chains (كيم جونغ → كيم جونغ أون) end at the longest full name.</item>
/// </list>
/// Each entity gets a stable key (the Wikidata id when known, else the type and the normalised
/// canonical name: per:كيم_جونغ_اون), the canonical Arabic name (the KB's, else the fullest surface), the
/// English name and Wikidata id when the KB knows them, the surfaces seen and the mention count.
/// Stateless and thread-safe.
/// </summary>
public sealed class EntityResolver
{
    private readonly KnowledgeBase _kb;

    // Entries are records (value equality): they are told apart by reference.
    private readonly ConcurrentDictionary<KbEntry, NameForm[]> _kbNames = new(ReferenceEqualityComparer.Instance);

    public EntityResolver(KnowledgeBase kb) => _kb = kb;

    /// <summary>
    /// Resolves <paramref name="mentions"/> (sets each <see cref="Mention.EntityKey"/>) and returns the
    /// entities in order of first mention. <paramref name="text"/> (the article text) confirms proclitic
    /// removals; <paramref name="segmentedBare"/> optionally gives the text layer's bare form of a mention.
    /// </summary>
    public IReadOnlyList<Entity> Resolve(IReadOnlyList<Mention> mentions, string? text = null, Func<Mention, string?>? segmentedBare = null)
    {
        if (mentions.Count == 0)
        {
            return [];
        }

        var items = Prepare(mentions, text, segmentedBare);
        var sets = new UnionFind(items.Length);
        var dependent = FindShortForms(items);

        UniteByKb(items, sets);
        UniteBySameName(items, sets, dependent);
        UniteBySpellingVariant(items, sets, dependent);
        AttachShortForms(items, sets, dependent, text);
        return BuildEntities(items, sets);
    }

    [ThreadStatic]
    private static HashSet<string>? _known;

    [ThreadStatic]
    private static HashSet<string>? _innerWords;

    private Item[] Prepare(IReadOnlyList<Mention> mentions, string? text, Func<Mention, string?>? segmentedBare)
    {
        // Look-up sets only (never enumerated), reused per thread.
        var known = _known ??= new HashSet<string>(StringComparer.Ordinal);
        known.Clear();

        // Words that stand inside a longer name are names themselves (بايدن in جو بايدن): never stripped.
        var innerWords = _innerWords ??= new HashSet<string>(StringComparer.Ordinal);
        innerWords.Clear();
        foreach (var m in mentions)
        {
            var form = NameForms.Of(SurfaceCleaner.Trim(m.Text));
            known.Add(form.Key);
            var tokens = form.Tokens;
            for (var t = 1; t < tokens.Count; t++)
            {
                innerWords.Add(tokens[t]);
            }
        }

        // The phonetic forms of the words that stand alone in the text (no proclitic can be assumed on them).
        var words = text is null ? null : PhoneticWords.For(text);
        var items = new Item[mentions.Count];

        // One delegate for all mentions: it reads the current mention's own key.
        var own = "";
        Func<NameForm, bool> confirmed = f =>
            (f.Key != own && known.Contains(f.Key)) || (words is not null && f.Tokens.Count > 0 && words.Contains(f.Tokens[0]));
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            var whole = NameForms.Of(SurfaceCleaner.Trim(m.Text));
            own = whole.Key;
            var segmented = whole.Tokens.Count > 0 && innerWords.Contains(whole.Tokens[0]) ? null : segmentedBare?.Invoke(m);
            var bare = whole.Tokens.Count == 1 && innerWords.Contains(whole.Tokens[0])
                ? SurfaceCleaner.StripTitles(SurfaceCleaner.Trim(m.Text), _kb)
                : SurfaceCleaner.Bare(m.Text, m.Type, _kb, confirmed, segmented);
            var name = NameForms.Of(bare);
            items[i] = new Item(i, m, name, bare, _kb.Find(name, m.Type));
        }

        return items;
    }

    /// <summary>For each item that is a short form of longer names in the article, the items of those names.</summary>
    private Dictionary<int, List<int>> FindShortForms(Item[] items)
    {
        // Against the KB's other spellings only the surname counts: a first name may be shared (فلاديمير زيلينسكي).
        // A linked long name also answers to its KB spellings (دونالد ترامب is also دونالد ترمب).
        bool Fits(NameForm shortName, Item l, string type)
        {
            if (IsShortFormOf(shortName, l.Name, type))
            {
                return true;
            }

            if (type != "PER" || l.Kb is null)
            {
                return false;
            }

            foreach (var n in KbNamesOf(l.Kb))
            {
                if (n.Tokens.Count > shortName.Tokens.Count && IsShortFormOf(shortName, n, "suffix"))
                {
                    return true;
                }
            }

            return false;
        }

        var result = new Dictionary<int, List<int>>();
        foreach (var s in items)
        {
            if (s.Kb is not null || s.Name.IsEmpty || s.Mention.Type is not ("PER" or "ORG"))
            {
                continue;
            }

            foreach (var l in items)
            {
                if (l.Mention.Type == s.Mention.Type && l.Name.Tokens.Count > s.Name.Tokens.Count
                    && Fits(s.Name, l, s.Mention.Type))
                {
                    if (!result.TryGetValue(s.Index, out var list))
                    {
                        result[s.Index] = list = [];
                    }

                    list.Add(l.Index);
                }
            }
        }

        return result;
    }

    /// <summary>The parsed canonical name and variants of a KB entry, parsed once per entry (the KB is immutable).</summary>
    private NameForm[] KbNamesOf(KbEntry entry) =>
        _kbNames.GetOrAdd(entry, e => [.. e.Variants.Prepend(e.CanonicalName).Select(NameForm.Parse)]);

    /// <summary>PER: the short name is the first or the last words of the long one. ORG: two or more words that end it. "suffix": words that end it.</summary>
    internal static bool IsShortFormOf(NameForm shortName, NameForm longName, string type)
    {
        var s = shortName.Tokens;
        var l = longName.Tokens;
        if (s.Count == 0 || s.Count >= l.Count)
        {
            return false;
        }

        bool Matches(int offset)
        {
            for (var i = 0; i < s.Count; i++)
            {
                if (!TokensMatch(s[i], l[offset + i]))
                {
                    return false;
                }
            }

            return true;
        }

        return type switch
        {
            "PER" => Matches(0) || Matches(l.Count - s.Count),
            "ORG" => s.Count >= 2 && Matches(l.Count - s.Count),
            "suffix" => Matches(l.Count - s.Count),
            _ => false,
        };
    }

    /// <summary>Equal phonetic tokens, or long tokens (five letters or more) that differ by one long vowel (ا و ي).</summary>
    internal static bool TokensMatch(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (Math.Abs(a.Length - b.Length) != 1 || Math.Min(a.Length, b.Length) < 5)
        {
            return false;
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        var i = 0;
        while (i < shorter.Length && longer[i] == shorter[i])
        {
            i++;
        }

        // The extra letter must be a long vowel, and the rest must agree.
        return longer[i] is '\u0627' or '\u0648' or '\u064A' // ARABIC LETTER ALEF, WAW, YEH
            && longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }

    /// <summary>Names of the same length whose tokens match pairwise (<see cref="TokensMatch"/>).</summary>
    private static bool AllTokensMatch(NameForm a, NameForm b)
    {
        for (var t = 0; t < a.Tokens.Count; t++)
        {
            if (!TokensMatch(a.Tokens[t], b.Tokens[t]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TypesAgree(string a, string b) => a == b || (a != "PER" && b != "PER");

    // Scratch of the uniting passes, reused per thread: looked up, and enumerated only for the pairwise pass (a cleared
    // dictionary enumerates in insertion order, as a new one does).
    [ThreadStatic]
    private static Dictionary<KbEntry, int>? _firstByKb;

    [ThreadStatic]
    private static Dictionary<(string, bool), int>? _firstByName;

    [ThreadStatic]
    private static Dictionary<(string Type, string Key), Item>? _distinctNames;

    [ThreadStatic]
    private static List<Item>? _distinctList;

    private static void UniteByKb(Item[] items, UnionFind sets)
    {
        var first = _firstByKb ??= new Dictionary<KbEntry, int>(ReferenceEqualityComparer.Instance);
        first.Clear();
        foreach (var item in items)
        {
            if (item.Kb is { } entry)
            {
                if (first.TryGetValue(entry, out var at))
                {
                    sets.Union(at, item.Index);
                }
                else
                {
                    first[entry] = item.Index;
                }
            }
        }
    }

    private static void UniteBySameName(Item[] items, UnionFind sets, Dictionary<int, List<int>> dependent)
    {
        var first = _firstByName ??= [];
        first.Clear();
        foreach (var item in items)
        {
            if (item.Name.IsEmpty || dependent.ContainsKey(item.Index))
            {
                continue;
            }

            var slot = (item.Name.Key, item.Mention.Type == "PER");
            if (first.TryGetValue(slot, out var at))
            {
                if (TypesAgree(items[at].Mention.Type, item.Mention.Type) && !ConflictingKb(items[at], item, items, sets))
                {
                    sets.Union(at, item.Index);
                }
            }
            else
            {
                first[slot] = item.Index;
            }
        }
    }

    private static void UniteBySpellingVariant(Item[] items, UnionFind sets, Dictionary<int, List<int>> dependent)
    {
        // Distinct names only: the pairwise check runs on names, not mentions.
        var names = _distinctNames ??= [];
        names.Clear();
        foreach (var item in items)
        {
            if (!item.Name.IsEmpty && !dependent.ContainsKey(item.Index))
            {
                names.TryAdd((item.Mention.Type, item.Name.Key), item);
            }
        }

        var list = _distinctList ??= [];
        list.Clear();
        list.AddRange(names.Values);
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                var (a, b) = (list[i], list[j]);
                if (a.Mention.Type == b.Mention.Type && a.Name.Key != b.Name.Key && a.Name.Tokens.Count == b.Name.Tokens.Count
                    && AllTokensMatch(a.Name, b.Name)
                    && !ConflictingKb(a, b, items, sets))
                {
                    sets.Union(a.Index, b.Index);
                }
            }
        }
    }

    /// <summary>The start of the paragraph (block) holding an offset: blocks are separated by a blank line.</summary>
    private static int ParagraphStart(string text, int offset)
    {
        var at = text.LastIndexOf("\n\n", Math.Clamp(offset, 0, Math.Max(0, text.Length - 1)), StringComparison.Ordinal);
        return at < 0 ? 0 : at + 2;
    }

    private static void AttachShortForms(Item[] items, UnionFind sets, Dictionary<int, List<int>> dependent, string? text)
    {
        // Longest short forms first, so that كيم جونغ has joined كيم جونغ أون before كيم looks for candidates (ties: item
        // order). One sort key per item: fewer tokens sort later, then the index; sorted in a list reused per thread.
        var order = _shortFormOrder ??= [];
        order.Clear();
        foreach (var i in dependent.Keys)
        {
            order.Add(((long)(int.MaxValue - items[i].Name.Tokens.Count) << 32) | (uint)i);
        }

        order.Sort();
        var roots = _shortFormRoots ??= [];
        foreach (var key in order)
        {
            var index = (int)(key & uint.MaxValue);
            var item = items[index];
            var candidates = dependent[index];

            // The candidates' entities, each once, in the order first met.
            roots.Clear();
            foreach (var candidate in candidates)
            {
                var root = sets.Find(candidate);
                if (!roots.Contains(root))
                {
                    roots.Add(root);
                }
            }

            int chosen;
            if (roots.Count == 1)
            {
                chosen = roots[0];
            }
            else
            {
                // Several different entities fit: one mentioned earlier in the same paragraph (the latest such),
                // else the most mentioned so far (the article's subject), then the longest name, then the first.
                var paragraphStart = text is null ? 0 : ParagraphStart(text, item.Mention.Start);
                chosen = roots
                    .Select(root => (root,
                        inParagraph: LastBefore(items, sets, root, item.Mention.Start) is var last && last >= paragraphStart ? last : -1,
                        count: items.Count(i => i.Mention.Start < item.Mention.Start && sets.Find(i.Index) == root),
                        length: candidates.Where(c => sets.Find(c) == root).Max(c => items[c].Name.Tokens.Count),
                        first: items.Where(i => sets.Find(i.Index) == root).Min(i => i.Mention.Start)))
                    .OrderByDescending(r => r.inParagraph)
                    .ThenByDescending(r => r.count)
                    .ThenByDescending(r => r.length)
                    .ThenBy(r => r.first)
                    .First().root;
            }

            sets.Union(chosen, index);
        }
    }

    [ThreadStatic]
    private static List<long>? _shortFormOrder;

    [ThreadStatic]
    private static List<int>? _shortFormRoots;

    private static int LastBefore(Item[] items, UnionFind sets, int root, int offset)
    {
        var best = -1;
        foreach (var item in items)
        {
            if (item.Mention.Start < offset && sets.Find(item.Index) == root)
            {
                best = Math.Max(best, item.Mention.Start);
            }
        }

        return best;
    }

    /// <summary>Two items whose entities are linked to different KB entries must stay apart.</summary>
    private static bool ConflictingKb(Item a, Item b, Item[] items, UnionFind sets)
    {
        var ka = KbOf(items, sets, sets.Find(a.Index));
        var kb = KbOf(items, sets, sets.Find(b.Index));
        return ka is not null && kb is not null && !ReferenceEquals(ka, kb);
    }

    private static KbEntry? KbOf(Item[] items, UnionFind sets, int root)
    {
        foreach (var item in items)
        {
            if (item.Kb is not null && sets.Find(item.Index) == root)
            {
                return item.Kb;
            }
        }

        return null;
    }

    private static List<Entity> BuildEntities(Item[] items, UnionFind sets)
    {
        // Groups in order of first mention (ties: the group met first among the items); members in text order
        // (ties: item order). One sorted index array instead of a grouping per entity.
        var groupOf = new int[items.Length];
        var groupStart = new List<int>();
        var groupByRoot = new Dictionary<int, int>();
        for (var i = 0; i < items.Length; i++)
        {
            var root = sets.Find(items[i].Index);
            if (!groupByRoot.TryGetValue(root, out var g))
            {
                groupByRoot[root] = g = groupStart.Count;
                groupStart.Add(int.MaxValue);
            }

            groupOf[i] = g;
            groupStart[g] = Math.Min(groupStart[g], items[i].Mention.Start);
        }

        var groupRank = new int[groupStart.Count];
        var groupOrder = new int[groupStart.Count];
        for (var g = 0; g < groupOrder.Length; g++)
        {
            groupOrder[g] = g;
        }

        Array.Sort(groupOrder, (a, b) => groupStart[a] != groupStart[b] ? groupStart[a].CompareTo(groupStart[b]) : a.CompareTo(b));
        for (var r = 0; r < groupOrder.Length; r++)
        {
            groupRank[groupOrder[r]] = r;
        }

        var order = new int[items.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byGroup = groupRank[groupOf[a]].CompareTo(groupRank[groupOf[b]]);
            if (byGroup != 0)
            {
                return byGroup;
            }

            var byStart = items[a].Mention.Start.CompareTo(items[b].Mention.Start);
            return byStart != 0 ? byStart : a.CompareTo(b);
        });

        var entities = new List<Entity>(groupOrder.Length);
        var usedKeys = new HashSet<string>(StringComparer.Ordinal);
        var typeCounts = new List<(string Type, int Count)>(4);
        var names = new List<(string Key, Item First, int Count)>();
        for (var from = 0; from < order.Length;)
        {
            var to = from + 1;
            while (to < order.Length && groupOf[order[to]] == groupOf[order[from]])
            {
                to++;
            }

            var members = order.AsSpan(from, to - from);
            entities.Add(BuildEntity(items, members, usedKeys, typeCounts, names));
            from = to;
        }

        return entities;
    }

    private static int IndexOfType(List<(string Type, int Count)> counts, string type)
    {
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i].Type == type)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfName(List<(string Key, Item First, int Count)> names, string key)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One entity from its members (item indexes in text order); sets each member mention's key.</summary>
    private static Entity BuildEntity(Item[] items, ReadOnlySpan<int> members, HashSet<string> usedKeys,
        List<(string Type, int Count)> typeCounts, List<(string Key, Item First, int Count)> names)
    {
        KbEntry? kb = null;
        typeCounts.Clear();
        names.Clear();
        foreach (var m in members)
        {
            var item = items[m];
            kb ??= item.Kb;
            var t = IndexOfType(typeCounts, item.Mention.Type);
            if (t < 0)
            {
                typeCounts.Add((item.Mention.Type, 1));
            }
            else
            {
                typeCounts[t] = (item.Mention.Type, typeCounts[t].Count + 1);
            }

            if (!item.Name.IsEmpty)
            {
                var n = IndexOfName(names, item.Name.Key);
                if (n < 0)
                {
                    names.Add((item.Name.Key, item, 1));
                }
                else
                {
                    names[n] = (names[n].Key, names[n].First, names[n].Count + 1);
                }
            }
        }

        // The types mentioned most often, in order of first appearance.
        var maxCount = 0;
        foreach (var (_, count) in typeCounts)
        {
            maxCount = Math.Max(maxCount, count);
        }

        string? firstTied = null;
        var tiedCount = 0;
        bool Tied(string? type)
        {
            foreach (var (t, count) in typeCounts)
            {
                if (count == maxCount && t == type)
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var (t, count) in typeCounts)
        {
            if (count == maxCount)
            {
                firstTied ??= t;
                tiedCount++;
            }
        }

        // The fullest surface: most name words, then the most frequent, then the first.
        (string Key, Item First, int Count)? best = null;
        foreach (var candidate in names)
        {
            if (best is not { } b
                || candidate.First.Name.Tokens.Count > b.First.Name.Tokens.Count
                || (candidate.First.Name.Tokens.Count == b.First.Name.Tokens.Count
                    && (candidate.Count > b.Count || (candidate.Count == b.Count && candidate.First.Mention.Start < b.First.Mention.Start))))
            {
                best = candidate;
            }
        }

        var bestType = best?.First.Mention.Type;

        // A prominent KB entry knows what the entity is (البيت الأبيض is an ORG even when tagged MISC).
        var type = kb is { IsProminent: true } ? kb.Type
            : tiedCount == 1 ? firstTied!
            : kb is not null && Tied(kb.Type) ? kb.Type
            : bestType is not null && Tied(bestType) ? bestType
            : firstTied!;
        var canonical = kb?.CanonicalName ?? best?.First.Bare ?? SurfaceCleaner.Trim(items[members[0]].Mention.Text);

        var key = kb?.WikidataId ?? KeyOf(kb?.Type ?? type, canonical);
        var unique = key;
        for (var n = 2; !usedKeys.Add(unique); n++)
        {
            unique = key + "~" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var variants = new List<string>();
        foreach (var m in members)
        {
            var item = items[m];
            item.Mention.EntityKey = unique;
            var surface = SurfaceCleaner.Trim(item.Mention.Text);
            if (!variants.Contains(surface))
            {
                variants.Add(surface);
            }
        }

        return new Entity(unique, type, canonical)
        {
            EnglishName = kb?.EnglishName,
            WikidataId = kb?.WikidataId,
            Variants = variants,
            MentionCount = members.Length,
        };
    }

    /// <summary>The key of an entity without a Wikidata id: lower-case type, colon, the matching form with underscores (per:كيم_جونغ_اون).</summary>
    public static string KeyOf(string type, string canonicalName)
    {
        // The matching form of each word is never longer than the word: type + ':' + name fits.
        var length = type.Length + 1 + canonicalName.Length;
        var buffer = length <= 256 ? stackalloc char[length] : new char[length];
        var at = type.AsSpan().ToLowerInvariant(buffer);
        buffer[at++] = ':';
        var first = true;
        var start = -1;
        for (var i = 0; i <= canonicalName.Length; i++)
        {
            var inWord = i < canonicalName.Length && NameNormalizer.IsNameChar(canonicalName[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (!first)
                {
                    buffer[at++] = '_';
                }

                at += NameNormalizer.Matching(canonicalName.AsSpan(start, i - start), buffer[at..]);
                first = false;
                start = -1;
            }
        }

        return new string(buffer[..at]);
    }

    private sealed record Item(int Index, Mention Mention, NameForm Name, string Bare, KbEntry? Kb);

    /// <summary>Disjoint sets over item indexes, with path halving.</summary>
    private sealed class UnionFind
    {
        private readonly int[] _parent;

        public UnionFind(int count)
        {
            _parent = new int[count];
            for (var i = 0; i < count; i++)
            {
                _parent[i] = i;
            }
        }

        public int Find(int x)
        {
            while (_parent[x] != x)
            {
                _parent[x] = _parent[_parent[x]];
                x = _parent[x];
            }

            return x;
        }

        public void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                // The smaller index stays the root, so results do not depend on the order of unions.
                if (ra < rb)
                {
                    _parent[rb] = ra;
                }
                else
                {
                    _parent[ra] = rb;
                }
            }
        }
    }
}
