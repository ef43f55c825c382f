using System.Collections.Frozen;
using Marsad.Entities.Kb;
using Marsad.Model;

namespace Marsad.Entities.Resolution;

/// <summary>
/// Document-level consistency after tagging. Known names are the names the tagger found in the article
/// and the prominent names of the knowledge base (curated people and organisations, countries). Then:
/// <list type="bullet">
/// <item>completion: a known name becomes a mention wherever it occurs untagged in the same article, with
/// or without a proclitic (لروسيا، وموسكو، للولايات المتحدة);</item>
/// <item>boundaries: a prominent KB name replaces the tagged fragments it overlaps (كيم جونغ + أون → كيم جونغ أون;
/// بيونغ + يانغ → بيونغ يانغ; جمهورية + كوريا + الشعبية الديمقراطية → one alias; فلاديمير + بوتين سيترأس →
/// فلاديمير بوتين); a tagged span that holds the whole known name and more is a longer name and is kept
/// (جامعة روسيا الحكومية); a name the tagger found elsewhere only joins fragments that lie inside it;</item>
/// <item>short forms: the first and last word of a person's full name in the article become mentions where
/// they stand alone (كيم، بوتين), except particles such as عبد، بن، أبو; a word with the article only as a surname that is no nisba
/// adjective (البرهان, not الروسي).</item>
/// </list>
/// Longest names first; a single-letter initial with its dot (سيرجي ك. شويغو) may sit inside a name.
/// Names the tagger found that are a single word beginning with the article (الصحيفة) and unknown to the
/// KB are not propagated: they are more often common nouns than names. Thread-safe.
/// </summary>
public sealed class MentionCompleter
{
    /// <summary>Proclitics allowed before a known name; the span starts after <c>Skip</c> letters.</summary>
    private static readonly (string Prefix, string Replacement, int Skip)[] Proclitics =
    [
        ("وبال", "ال", 2), ("وكال", "ال", 2), ("ولل", "ال", 1), ("فلل", "ال", 1),
        ("وال", "ال", 1), ("فال", "ال", 1), ("بال", "ال", 1), ("كال", "ال", 1), ("لل", "ال", 0),
        ("وب", "", 2), ("ول", "", 2), ("وك", "", 2), ("فب", "", 2), ("فل", "", 2),
        ("و", "", 1), ("ف", "", 1), ("ب", "", 1), ("ل", "", 1), ("ك", "", 1),
    ];

    /// <summary>Name particles that never stand alone for a person.</summary>
    private static readonly FrozenSet<string> Particles = new[]
    {
        "عبد", "بن", "ابن", "بنت", "ابو", "ابي", "ام", "ال", "الله", "الدين", "ولد", "دي", "فون", "دير", "فان", "لا", "لو",
    }.Select(w => NameNormalizer.Phonetic(w)).ToFrozenSet(StringComparer.Ordinal);

    private readonly KnowledgeBase _kb;
    private readonly FrozenDictionary<string, string> _prominent;
    private readonly FrozenSet<string> _prominentHeads;
    private readonly int _prominentMaxWords;

    public MentionCompleter(KnowledgeBase kb)
    {
        _kb = kb;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var heads = new HashSet<string>(StringComparer.Ordinal);
        var maxWords = 0;
        foreach (var (name, entry) in kb.ProminentNames())
        {
            var form = NameForm.Parse(name);
            if (form.IsEmpty || (form.Tokens.Count == 1 && form.Tokens[0].Length < 3))
            {
                continue;
            }

            names.TryAdd(form.Key, entry.Type);
            heads.Add(form.Tokens[0]);
            maxWords = Math.Max(maxWords, form.Tokens.Count);
        }

        _prominent = names.ToFrozenDictionary(StringComparer.Ordinal);
        _prominentHeads = heads.ToFrozenSet(StringComparer.Ordinal);
        _prominentMaxWords = maxWords;
    }

    /// <summary>
    /// A set of known names to look for: which phonetic words can start one, and the type of a name key. Implemented by
    /// structs and passed as generic arguments, so that a look-up makes no delegate or closure (the short-form pass
    /// calls <see cref="Longest"/> once per word).
    /// </summary>
    private interface IKnownNames
    {
        /// <summary>Whether a phonetic word can start a known name.</summary>
        bool IsHead(ReadOnlySpan<char> phonetic);

        /// <summary>The type of a known name key, or null.</summary>
        string? TypeOf(ReadOnlySpan<char> key);
    }

    /// <summary>The prominent names of the knowledge base.</summary>
    private readonly struct ProminentNames(
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> heads,
        FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> types) : IKnownNames
    {
        public bool IsHead(ReadOnlySpan<char> phonetic) => heads.Contains(phonetic);

        public string? TypeOf(ReadOnlySpan<char> key) => types.TryGetValue(key, out var type) ? type : null;
    }

    /// <summary>The names the tagger found in the article.</summary>
    private readonly struct TaggedNameSet(
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> heads,
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> types) : IKnownNames
    {
        public bool IsHead(ReadOnlySpan<char> phonetic) => heads.Contains(phonetic);

        public string? TypeOf(ReadOnlySpan<char> key) => types.TryGetValue(key, out var type) ? type : null;
    }

    /// <summary>One-word short forms of the article's full person names.</summary>
    private readonly struct ShortForms(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words) : IKnownNames
    {
        public bool IsHead(ReadOnlySpan<char> phonetic) => words.Contains(phonetic);

        public string? TypeOf(ReadOnlySpan<char> key) => words.Contains(key) ? "PER" : null;
    }

    /// <summary>The article's mentions after completion and boundary repair, in text order (the input list is not changed).</summary>
    public IReadOnlyList<Mention> Complete(string text, IReadOnlyList<Mention> mentions)
    {
        var words = PhoneticWords.For(text);
        var scratch = Scratch.ForThread();
        var tagged = TaggedNames(mentions, scratch);
        var taggedMaxWords = 0;
        var taggedHeads = scratch.TaggedHeads;
        foreach (var key in tagged.Keys)
        {
            taggedMaxWords = Math.Max(taggedMaxWords, key.AsSpan().Count(' ') + 1);
            var space = key.IndexOf(' ', StringComparison.Ordinal);
            taggedHeads.Add(space < 0 ? key : key[..space]);
        }

        var maxWords = Math.Max(_prominentMaxWords, taggedMaxWords) + 1;
        var result = new List<Mention>(mentions);
        SortByPosition(result);

        // Pass 1: prominent KB names, completing and repairing the tagged boundaries they overlap.
        // Pass 2: names the tagger found, completing and joining fragments that lie inside them only:
        // a tagged name is no more reliable than the tagged span it would overwrite.
        var prominent = new ProminentNames(_prominentHeads.GetAlternateLookup<ReadOnlySpan<char>>(), _prominent.GetAlternateLookup<ReadOnlySpan<char>>());
        Scan(words, result, _prominentMaxWords + 1, prominent, insideOnly: false);
        var taggedNames = new TaggedNameSet(taggedHeads.GetAlternateLookup<ReadOnlySpan<char>>(), tagged.GetAlternateLookup<ReadOnlySpan<char>>());
        Scan(words, result, maxWords, taggedNames, insideOnly: true);

        // Pass 2: first and last words of full person names, where they stand alone and untagged.
        var shortForms = PersonShortForms(result, scratch.ShortForms);
        if (shortForms.Count > 0)
        {
            var shortFormSet = new ShortForms(shortForms.GetAlternateLookup<ReadOnlySpan<char>>());
            for (var i = 0; i < words.Count; i++)
            {
                var (ws, we) = words[i];
                if (Overlaps(result, ws, we))
                {
                    continue;
                }

                if (Longest(words, i, 1, shortFormSet) is { } f)
                {
                    result.Add(new Mention(f.Start, f.End, f.Type, text[f.Start..f.End]));
                }
            }
        }

        SortByPosition(result);
        return result;
    }

    /// <summary>
    /// Sorts by start, then end, keeping the order of equal spans (as a stable OrderBy/ThenBy would, without its key
    /// arrays): an insertion sort, since an article has a few dozen mentions, mostly in order already.
    /// </summary>
    private static void SortByPosition(List<Mention> mentions)
    {
        for (var i = 1; i < mentions.Count; i++)
        {
            var m = mentions[i];
            var j = i - 1;
            while (j >= 0 && (mentions[j].Start > m.Start || (mentions[j].Start == m.Start && mentions[j].End > m.End)))
            {
                mentions[j + 1] = mentions[j];
                j--;
            }

            mentions[j + 1] = m;
        }
    }

    private static bool Overlaps(List<Mention> mentions, int start, int end)
    {
        foreach (var m in mentions)
        {
            if (m.Start < end && m.End > start)
            {
                return true;
            }
        }

        return false;
    }

    private static void Scan<TNames>(PhoneticWords words, List<Mention> result, int maxWords, TNames names, bool insideOnly)
        where TNames : struct, IKnownNames
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (Longest(words, i, maxWords, names) is not { } f)
            {
                continue;
            }

            Place(words, result, i, f.Start, f.End, f.Type, insideOnly);
            i = f.LastWord;
        }
    }

    /// <summary>Puts a found name in place of the mentions it overlaps, unless a tagged span holds it or already is it.</summary>
    private static void Place(PhoneticWords words, List<Mention> result, int firstWord, int fStart, int fEnd, string fType, bool insideOnly)
    {
        var text = words.Text;
        var wordStart = words[firstWord].Start;
        var overlapCount = 0;
        Mention? onlyOverlap = null;
        var heldByTagged = false;
        var inside = true;
        foreach (var m in result)
        {
            if (m.Start < fEnd && m.End > wordStart)
            {
                overlapCount++;
                onlyOverlap = m;

                // A tagged span that holds the whole known name is a longer name (جامعة روسيا الحكومية): keep it.
                heldByTagged |= m.Start <= wordStart && m.End >= fEnd && !(m.Start == wordStart && m.End == fEnd);
                inside &= m.Start >= wordStart && m.End <= fEnd;
            }
        }

        if (heldByTagged || !(inside || !insideOnly))
        {
            return;
        }

        var surface = text[fStart..fEnd];
        if (overlapCount == 1 && onlyOverlap!.End == fEnd && NameForms.Of(onlyOverlap.Text).Key == NameForms.Of(surface).Key)
        {
            return;
        }

        if (overlapCount > 0)
        {
            // Remove the overlapped mentions in place, keeping the order of the others (RemoveAll with a closure, without it).
            var kept = 0;
            for (var k = 0; k < result.Count; k++)
            {
                if (!(result[k].Start < fEnd && result[k].End > wordStart))
                {
                    result[kept++] = result[k];
                }
            }

            result.RemoveRange(kept, result.Count - kept);
        }

        result.Add(new Mention(fStart, fEnd, fType, surface));
    }

    private static HashSet<string> PersonShortForms(List<Mention> mentions, HashSet<string> set)
    {
        foreach (var m in mentions)
        {
            if (m.Type != "PER")
            {
                continue;
            }

            var name = NameForms.Of(SurfaceCleaner.Trim(m.Text));
            if (name.Tokens.Count < 2)
            {
                continue;
            }

            for (var end = 0; end < 2; end++)
            {
                var (token, isLast) = end == 0 ? (name.Tokens[0], false) : (name.Tokens[^1], true);

                // A word with the article stands alone for a person only as a surname (البرهان، الأسد), and not
                // as a nisba adjective (الروسي، الأمريكي), which is what a tagger's stray first word usually is.
                var article = token.StartsWith("ال", StringComparison.Ordinal);
                if (token.Length >= 3 && !Particles.Contains(token) && !token.StartsWith("عبد", StringComparison.Ordinal)
                    && (!article || (isLast && token[^1] != '\u064A'))) // ARABIC LETTER YEH
                {
                    set.Add(token);
                }
            }
        }

        return set;
    }

    /// <summary>
    /// The longest known name starting at word <paramref name="first"/>: its span (after any proclitic), type
    /// and last word. <paramref name="names"/> says whether a phonetic word can start a known name (most
    /// words cannot, and are skipped at once) and gives the type of a name key.
    /// Heads and keys are built in a reused buffer: nothing is allocated for a word that starts no name.
    /// </summary>
    private static (int Start, int End, string Type, int LastWord)? Longest<TNames>(
        PhoneticWords words, int first, int maxWords, TNames names)
        where TNames : struct, IKnownNames
    {
        var text = words.Text;
        var (firstStart, firstEnd) = words[first];
        var firstWord = text.AsSpan(firstStart, firstEnd - firstStart);

        // The first word as written, or without a proclitic (the article restored after لل): each head's phonetic
        // form sits in its own slot of the buffer (a slot holds the word plus a two-letter replacement).
        var slot = firstWord.Length + 2;
        var buffer = words.Scratch(slot * (Proclitics.Length + 2));
        Span<(int Length, int Skip)> heads = stackalloc (int, int)[Proclitics.Length + 1];
        var headCount = 0;
        var phoneticFirst = words.Phonetic(first);
        if (names.IsHead(phoneticFirst))
        {
            phoneticFirst.CopyTo(buffer);
            heads[headCount++] = (phoneticFirst.Length, 0);
        }

        var joined = buffer.AsSpan(slot * (Proclitics.Length + 1), slot);

        // Every proclitic starts with و ف ب ل or ك and leaves at least two letters: most words are skipped here.
        (string Prefix, string Replacement, int Skip)[] proclitics = firstWord.Length >= 3 && firstWord[0] is '\u0648' or '\u0641' or '\u0628' or '\u0644' or '\u0643' // WAW, FEH, BEH, LAM, KAF
            ? Proclitics
            : [];
        foreach (var (prefix, replacement, skip) in proclitics)
        {
            if (firstWord.Length - prefix.Length >= 2 && firstWord.StartsWith(prefix, StringComparison.Ordinal))
            {
                replacement.CopyTo(joined);
                var rest = firstWord[prefix.Length..];
                rest.CopyTo(joined[replacement.Length..]);
                var headSlot = buffer.AsSpan(headCount * slot, slot);
                var length = NameNormalizer.Phonetic(joined[..(replacement.Length + rest.Length)], headSlot);
                if (names.IsHead(headSlot[..length]))
                {
                    heads[headCount++] = (length, skip);
                }
            }
        }

        if (headCount == 0)
        {
            return null;
        }

        // Words of one name are separated by spaces only; a one-letter initial may carry a dot (ك.).
        var last = first;
        var keyLength = slot;
        while (last + 1 < words.Count && last - first + 1 < maxWords && IsNameGap(text, words[last], words[last + 1].Start))
        {
            last++;
            keyLength += 1 + words.Phonetic(last).Length;
        }

        // The key buffer follows the head slots in the same scratch array (which may grow, so it is fetched again).
        var headBytes = slot * (Proclitics.Length + 2);
        buffer = words.Scratch(headBytes + keyLength);
        var key = buffer.AsSpan(headBytes, keyLength);
        for (var end = last; end >= first; end--)
        {
            // A name does not end on an initial.
            if (end > first && words[end].End - words[end].Start == 1)
            {
                continue;
            }

            for (var h = 0; h < headCount; h++)
            {
                var (headLength, skip) = heads[h];
                buffer.AsSpan(h * slot, headLength).CopyTo(key);
                var length = headLength;
                for (var w = first + 1; w <= end; w++)
                {
                    if (words[w].End - words[w].Start > 1)
                    {
                        key[length++] = ' ';
                        var form = words.Phonetic(w);
                        form.CopyTo(key[length..]);
                        length += form.Length;
                    }
                }

                if (names.TypeOf(key[..length]) is { } type)
                {
                    return (firstStart + skip, words[end].End, type, end);
                }
            }
        }

        return null;
    }

    private static bool IsNameGap(string text, (int Start, int End) word, int next)
    {
        var gap = text.AsSpan(word.End, next - word.End);
        if (gap.Trim(' ').IsEmpty)
        {
            return gap.Length > 0;
        }

        return word.End - word.Start == 1 && gap[0] == '.' && gap[1..].Trim(' ').IsEmpty;
    }

    /// <summary>The bare names the tagger found, with their most frequent type (ties: the type first in ordinal order).</summary>
    private Dictionary<string, string> TaggedNames(IReadOnlyList<Mention> mentions, Scratch scratch)
    {
        var known = scratch.Known;
        var trimmed = scratch.Trimmed;
        var ownKeys = scratch.OwnKeys;
        foreach (var m in mentions)
        {
            var surface = SurfaceCleaner.Trim(m.Text);
            var key = NameForms.Of(surface).Key;
            trimmed.Add(surface);
            ownKeys.Add(key);
            known.Add(key);
        }

        // (name key, type, count): an article has a few dozen mentions, so a list is cheaper than nested dictionaries.
        var counts = scratch.Counts;

        // One delegate for all mentions: it reads the current mention's own key (a proclitic strip is confirmed by
        // another mention's name only).
        var own = "";
        Func<NameForm, bool> confirmed = f => f.Key != own && known.Contains(f.Key);
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            own = ownKeys[i];
            // The name without a proclitic that another mention or the KB confirms.
            var form = NameForms.Of(SurfaceCleaner.StripProclitic(trimmed[i], _kb, confirmed));
            if (form.IsEmpty || (form.Tokens.Count == 1 && (form.Tokens[0].Length < 3
                || (form.Tokens[0].StartsWith("ال", StringComparison.Ordinal) && _kb.Find(form, null) is null))))
            {
                continue;
            }

            var at = IndexOf(counts, form.Key, m.Type);
            if (at < 0)
            {
                counts.Add((form.Key, m.Type, 1));
            }
            else
            {
                counts[at] = (form.Key, m.Type, counts[at].Count + 1);
            }
        }

        var best = scratch.Best;
        foreach (var (key, type, count) in counts)
        {
            if (!best.TryGetValue(key, out var b) || count > b.Count || (count == b.Count && string.CompareOrdinal(type, b.Type) < 0))
            {
                best[key] = (type, count);
            }
        }

        var result = scratch.Tagged;
        foreach (var (key, (type, _)) in best)
        {
            result[key] = type;
        }

        return result;
    }

    /// <summary>
    /// The sets and tables of one completion, reused per thread: each is emptied when <see cref="ForThread"/> hands them
    /// out, and only looked up (never enumerated for output), so reuse changes nothing but the allocations.
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _forThread;

        public HashSet<string> TaggedHeads { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Known { get; } = new(StringComparer.Ordinal);

        /// <summary>Per mention, in input order: its trimmed surface and that surface's name key.</summary>
        public List<string> Trimmed { get; } = [];

        public List<string> OwnKeys { get; } = [];

        public List<(string Key, string Type, int Count)> Counts { get; } = [];

        public Dictionary<string, (string Type, int Count)> Best { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Tagged { get; } = new(StringComparer.Ordinal);

        public HashSet<string> ShortForms { get; } = new(StringComparer.Ordinal);

        public static Scratch ForThread()
        {
            var scratch = _forThread ??= new Scratch();
            scratch.TaggedHeads.Clear();
            scratch.Known.Clear();
            scratch.Trimmed.Clear();
            scratch.OwnKeys.Clear();
            scratch.Counts.Clear();
            scratch.Best.Clear();
            scratch.Tagged.Clear();
            scratch.ShortForms.Clear();
            return scratch;
        }
    }

    private static int IndexOf(List<(string Key, string Type, int Count)> counts, string key, string type)
    {
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i].Key == key && counts[i].Type == type)
            {
                return i;
            }
        }

        return -1;
    }
}
