using System.Runtime.CompilerServices;

namespace Marsad.Entities;

/// <summary>
/// One name, one label per document: after every sentence of a document is tagged, an untagged
/// occurrence of a name the tagger found elsewhere in the same document gets that name's (majority)
/// type. Names are compared on the tokens' standalone forms (proclitics stripped), so بالأهلي matches
/// الأهلي; the first and the last word of a person's name also count as that person (كيم جونغ أون → كيم).
/// Only runs of O tokens are relabelled, so the tagger's own decisions are never overridden.
/// </summary>
public static class NerDocumentConsistency
{
    private const int MaxWords = 4;

    /// <summary>Relabels <paramref name="tags"/> in place; <paramref name="forms"/> holds each token's standalone form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(IReadOnlyList<string[]> forms, IReadOnlyList<int[]> tags)
    {
        var votes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var s = 0; s < tags.Count; s++)
        {
            foreach (var (start, end, type) in Entities(tags[s]))
            {
                Vote(votes, Key(forms[s], start, end), type);
                if (type == 0 && end - start >= 2)
                {
                    // A person is named again by one part of the name: أبوالنجا, كيم.
                    Vote(votes, forms[s][start], type);
                    Vote(votes, forms[s][end - 1], type);
                }
            }
        }

        if (votes.Count == 0)
        {
            return;
        }

        // Runs every document on the tagging path: look candidates up as spans over one reusable
        // buffer, and only from tokens that begin some voted name.
        var lookup = votes.GetAlternateLookup<ReadOnlySpan<char>>();
        var firstWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in votes.Keys)
        {
            var space = key.IndexOf(' ', StringComparison.Ordinal);
            firstWords.Add(space < 0 ? key : key[..space]);
        }

        // Find every untagged occurrence of a voted name once, counting them per name; then relabel only the
        // names the tagger labelled at least as often as it left them O: a word tagged once by mistake does
        // not spread through the document. (Relabelling a match never changes what a later match sees: the
        // scan goes on after each match.)
        var untagged = new Dictionary<string, int>(StringComparer.Ordinal);
        var matches = new List<Match>();
        var buffer = new char[128];
        for (var s = 0; s < tags.Count; s++)
        {
            FindUntagged(s, forms[s], tags[s], lookup, firstWords, ref buffer, matches);
        }

        foreach (var m in matches)
        {
            untagged[m.Key] = untagged.GetValueOrDefault(m.Key) + 1;
        }

        foreach (var m in matches)
        {
            if (m.Votes.Sum() >= untagged[m.Key])
            {
                var type = Majority(m.Votes);
                var sentence = tags[m.Sentence];
                sentence[m.Start] = NerTags.Begin(type);
                for (var k = m.Start + 1; k < m.Start + m.Length; k++)
                {
                    sentence[k] = NerTags.Inside(type);
                }
            }
        }
    }

    /// <summary>An untagged occurrence of a voted name: where it is, how many words, and the name's votes.</summary>
    private readonly record struct Match(int Sentence, int Start, int Length, string Key, int[] Votes);

    /// <summary>Adds the untagged runs of one sentence that spell a voted name, longest name first at each position.</summary>
    private static void FindUntagged(int s, string[] words, int[] sentence, Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> lookup, HashSet<string> firstWords, ref char[] buffer, List<Match> matches)
    {
        var i = 0;
        while (i < sentence.Length)
        {
            if (sentence[i] != NerTags.O || !IsNameLike(words[i]) || !firstWords.Contains(words[i]))
            {
                i++;
                continue;
            }

            Match? found = null;
            var length = 0;
            for (var n = 1; n <= MaxWords && i + n <= sentence.Length && sentence[i + n - 1] == NerTags.O; n++)
            {
                var word = words[i + n - 1];
                if (length + word.Length + 1 > buffer.Length)
                {
                    Array.Resize(ref buffer, (length + word.Length + 1) * 2);
                }

                if (n > 1)
                {
                    buffer[length++] = ' ';
                }

                word.CopyTo(buffer.AsSpan(length));
                length += word.Length;
                if (lookup.TryGetValue(buffer.AsSpan(0, length), out var key, out var votes))
                {
                    found = new Match(s, i, n, key, votes);
                }
            }

            if (found is { } match)
            {
                matches.Add(match);
                i += match.Length;
            }
            else
            {
                i++;
            }
        }
    }

    private static IEnumerable<(int Start, int End, int Type)> Entities(int[] tags)
    {
        var i = 0;
        while (i < tags.Length)
        {
            if (tags[i] == NerTags.O)
            {
                i++;
                continue;
            }

            var type = NerTags.TypeOf(tags[i]);
            var j = i + 1;
            while (j < tags.Length && NerTags.IsInside(tags[j]) && NerTags.TypeOf(tags[j]) == type)
            {
                j++;
            }

            if (j - i <= MaxWords)
            {
                yield return (i, j, type);
            }

            i = j;
        }
    }

    private static string Key(string[] words, int start, int end) => string.Join(' ', words, start, end - start);

    private static void Vote(Dictionary<string, int[]> votes, string key, int type)
    {
        if (!IsNameLike(key))
        {
            return;
        }

        if (!votes.TryGetValue(key, out var v))
        {
            votes[key] = v = new int[NerTags.Types.Count];
        }

        v[type]++;
    }

    private static int Majority(int[] votes)
    {
        var best = 0;
        for (var t = 1; t < votes.Length; t++)
        {
            if (votes[t] > votes[best])
            {
                best = t;
            }
        }

        return best;
    }

    /// <summary>Names of two letters or more that start with a letter; numbers and punctuation never propagate.</summary>
    private static bool IsNameLike(string form) => form.Length >= 2 && char.IsLetter(form[0]);
}
