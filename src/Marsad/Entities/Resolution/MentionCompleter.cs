using System.Collections.Frozen;
using Marsad.Entities.Kb;
using Marsad.Model;

namespace Marsad.Entities.Resolution;

/// <summary>
/// Document-level consistency after tagging: a name that the tagger recognised somewhere in the article,
/// or a prominent name the knowledge base knows (curated people and organisations, countries), becomes a
/// mention wherever else it occurs untagged in the same article — with or without a proclitic (لروسيا،
/// وموسكو، للولايات المتحدة). Longest names first; existing mentions are never overlapped. Names the tagger
/// found that are a single word beginning with the article (الصحيفة) and unknown to the KB are not
/// propagated: they are more often common nouns than names. Thread-safe.
/// </summary>
public sealed class MentionCompleter
{
    /// <summary>Proclitics allowed before a completed name; the span starts after those in <c>Skip</c>.</summary>
    private static readonly (string Prefix, string Replacement, int Skip)[] Proclitics =
    [
        ("وبال", "ال", 2), ("وكال", "ال", 2), ("ولل", "ال", 1), ("فلل", "ال", 1),
        ("وال", "ال", 1), ("فال", "ال", 1), ("بال", "ال", 1), ("كال", "ال", 1), ("لل", "ال", 0),
        ("وب", "", 2), ("ول", "", 2), ("وك", "", 2), ("فب", "", 2), ("فل", "", 2),
        ("و", "", 1), ("ف", "", 1), ("ب", "", 1), ("ل", "", 1), ("ك", "", 1),
    ];

    private readonly KnowledgeBase _kb;
    private readonly FrozenDictionary<string, string> _prominent;
    private readonly int _prominentMaxWords;

    public MentionCompleter(KnowledgeBase kb)
    {
        _kb = kb;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var maxWords = 0;
        foreach (var (name, entry) in kb.ProminentNames())
        {
            var form = NameForm.Parse(name);
            if (form.IsEmpty || (form.Tokens.Count == 1 && form.Tokens[0].Length < 3))
            {
                continue;
            }

            names.TryAdd(form.Key, entry.Type);
            maxWords = Math.Max(maxWords, form.Tokens.Count);
        }

        _prominent = names.ToFrozenDictionary(StringComparer.Ordinal);
        _prominentMaxWords = maxWords;
    }

    /// <summary>The new mentions for <paramref name="text"/>, given the tagger's <paramref name="mentions"/>; in text order.</summary>
    public IReadOnlyList<Mention> Complete(string text, IReadOnlyList<Mention> mentions)
    {
        var tagged = TaggedNames(mentions);
        var maxWords = Math.Max(_prominentMaxWords, tagged.Count == 0 ? 0 : tagged.Keys.Max(k => k.Count(c => c == ' ') + 1));
        var covered = new bool[text.Length + 1];
        foreach (var m in mentions)
        {
            for (var i = Math.Max(0, m.Start); i < Math.Min(text.Length, m.End); i++)
            {
                covered[i] = true;
            }
        }

        var words = WordSpans(text);
        var added = new List<Mention>();
        for (var i = 0; i < words.Count; i++)
        {
            if (covered[words[i].Start])
            {
                continue;
            }

            var found = Longest(text, words, i, maxWords, covered, tagged);
            if (found is { } f)
            {
                added.Add(new Mention(f.Start, f.End, f.Type, text[f.Start..f.End]));
                i = f.LastWord;
            }
        }

        return added;
    }

    private (int Start, int End, string Type, int LastWord)? Longest(
        string text, List<(int Start, int End)> words, int first, int maxWords, bool[] covered, Dictionary<string, string> tagged)
    {
        // Words of one name are separated by spaces only (no punctuation, no line break).
        var last = first;
        while (last + 1 < words.Count && last - first + 1 < maxWords && !covered[words[last + 1].Start]
            && text.AsSpan(words[last].End, words[last + 1].Start - words[last].End).Trim(' ').IsEmpty)
        {
            last++;
        }

        for (var end = last; end >= first; end--)
        {
            var rest = new List<string>();
            for (var w = first + 1; w <= end; w++)
            {
                rest.Add(NameNormalizer.Phonetic(text.AsSpan(words[w].Start, words[w].End - words[w].Start)));
            }

            var firstWord = text[words[first].Start..words[first].End];
            if (Lookup(firstWord, rest, tagged) is { } whole)
            {
                return (words[first].Start, words[end].End, whole, end);
            }

            foreach (var (prefix, replacement, skip) in Proclitics)
            {
                if (firstWord.Length - prefix.Length >= 2 && firstWord.StartsWith(prefix, StringComparison.Ordinal)
                    && Lookup(replacement + firstWord[prefix.Length..], rest, tagged) is { } type)
                {
                    return (words[first].Start + skip, words[end].End, type, end);
                }
            }
        }

        return null;
    }

    private string? Lookup(string firstWord, List<string> rest, Dictionary<string, string> tagged)
    {
        var head = NameNormalizer.Phonetic(firstWord);
        var key = rest.Count == 0 ? head : head + " " + string.Join(' ', rest);
        return tagged.TryGetValue(key, out var t) ? t : _prominent.TryGetValue(key, out var p) ? p : null;
    }

    /// <summary>The bare names the tagger found, with their most frequent type.</summary>
    private Dictionary<string, string> TaggedNames(IReadOnlyList<Mention> mentions)
    {
        var known = new HashSet<string>(mentions.Select(m => NameForm.Parse(SurfaceCleaner.Trim(m.Text)).Key), StringComparer.Ordinal);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            var own = NameForm.Parse(SurfaceCleaner.Trim(m.Text)).Key;
            var bare = SurfaceCleaner.StripProclitic(SurfaceCleaner.Trim(m.Text), _kb, f => f.Key != own && known.Contains(f.Key));
            var form = NameForm.Parse(bare);
            if (form.IsEmpty || (form.Tokens.Count == 1 && (form.Tokens[0].Length < 3
                || (form.Tokens[0].StartsWith("ال", StringComparison.Ordinal) && _kb.Find(form, null) is null))))
            {
                continue;
            }

            if (!counts.TryGetValue(form.Key, out var byType))
            {
                counts[form.Key] = byType = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            byType[m.Type] = byType.GetValueOrDefault(m.Type) + 1;
        }

        return counts.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
    }

    /// <summary>Spans of words: maximal runs of letters, digits and Arabic marks.</summary>
    internal static List<(int Start, int End)> WordSpans(string text)
    {
        var spans = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && NameNormalizer.IsNameChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                spans.Add((start, i));
                start = -1;
            }
        }

        return spans;
    }
}
