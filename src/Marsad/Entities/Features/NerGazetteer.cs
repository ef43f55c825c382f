using System.Runtime.CompilerServices;

namespace Marsad.Entities.Features;

/// <summary>
/// Name lists as NER features: normalised phrases (one or more words, each in its standalone form,
/// see <see cref="NerLexicon.Standalone"/>) with a set of categories each (first name, country,
/// organisation...). <see cref="Match"/> marks, per token, the categories of the longest phrase
/// that covers it and whether the token begins that phrase. Built from GATE's Arabic lists (LGPL)
/// and the kb country and city lists (ODbL); immutable; lookups allocate nothing.
/// </summary>
public sealed class NerGazetteer
{
    /// <summary>Longest phrase, in words, that is matched.</summary>
    public const int MaxWords = 5;

    /// <summary>In a <see cref="_matchLookup"/> value: a longer phrase starts with these words.</summary>
    private const int ContinuesFlag = 1 << 16;

    private readonly Dictionary<string, ushort> _phrases;

    /// <summary>
    /// For <see cref="Match"/>: every phrase and every word-prefix of a phrase (its first words up to a space), to its
    /// category bits (0 for a prefix only) plus <see cref="ContinuesFlag"/> when a longer phrase starts with it. A match
    /// stops growing at the first words that no phrase continues (one look-up for most tokens instead of five).
    /// </summary>
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _matchLookup;

    public NerGazetteer(IReadOnlyList<string> categories, Dictionary<string, ushort> phrases)
    {
        if (categories.Count > 16)
        {
            throw new ArgumentException("at most 16 gazetteer categories");
        }

        Categories = categories;
        _phrases = new Dictionary<string, ushort>(phrases, StringComparer.Ordinal);
        var entries = new Dictionary<string, int>(_phrases.Count * 2, StringComparer.Ordinal);
        foreach (var (phrase, bits) in _phrases)
        {
            entries[phrase] = entries.GetValueOrDefault(phrase) | bits;
            for (var space = phrase.IndexOf(' ', StringComparison.Ordinal); space >= 0; space = phrase.IndexOf(' ', space + 1))
            {
                var prefix = phrase[..space];
                entries[prefix] = entries.GetValueOrDefault(prefix) | ContinuesFlag;
            }
        }

        _matchLookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static NerGazetteer Empty { get; } = new([], []);

    /// <summary>Category names; bit i of a match stands for Categories[i].</summary>
    public IReadOnlyList<string> Categories { get; }

    public int Count => _phrases.Count;

    /// <summary>The phrases that have all of <paramref name="bits"/>.</summary>
    public IEnumerable<string> PhrasesWith(ushort bits) => _phrases.Where(p => (p.Value & bits) == bits).Select(p => p.Key);

    /// <summary>
    /// Longest-match over a sentence given as the standalone forms of its tokens (the first
    /// bits.Length of <paramref name="forms"/>). For each token writes
    /// the category bits of the covering phrase to <paramref name="bits"/> and whether it begins it to
    /// <paramref name="begins"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Match(IReadOnlyList<string> forms, Span<ushort> bits, Span<bool> begins)
    {
        bits.Clear();
        begins.Clear();
        if (_phrases.Count == 0)
        {
            return;
        }

        Span<char> buffer = stackalloc char[256];
        var i = 0;
        var count = Math.Min(forms.Count, bits.Length);
        while (i < count)
        {
            var bestLength = 0;
            ushort bestBits = 0;
            var length = 0;
            for (var n = 1; n <= MaxWords && i + n <= count; n++)
            {
                var word = forms[i + n - 1];
                var needed = length + (n > 1 ? 1 : 0) + word.Length;
                if (needed > buffer.Length)
                {
                    break;
                }

                if (n > 1)
                {
                    buffer[length++] = ' ';
                }

                word.AsSpan().CopyTo(buffer[length..]);
                length += word.Length;
                if (!_matchLookup.TryGetValue(buffer[..length], out var entry))
                {
                    break;
                }

                var found = (ushort)entry;
                if (found != 0)
                {
                    (bestLength, bestBits) = (n, found);
                }

                if ((entry & ContinuesFlag) == 0)
                {
                    break;
                }
            }

            if (bestLength == 0)
            {
                i++;
                continue;
            }

            begins[i] = true;
            for (var k = i; k < i + bestLength; k++)
            {
                bits[k] = bestBits;
            }

            i += bestLength;
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Categories.Count);
        foreach (var category in Categories)
        {
            writer.Write(category);
        }

        writer.Write(_phrases.Count);
        foreach (var (phrase, bits) in _phrases.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(phrase);
            writer.Write(bits);
        }
    }

    public static NerGazetteer Read(BinaryReader reader)
    {
        var categories = new string[reader.ReadInt32()];
        for (var i = 0; i < categories.Length; i++)
        {
            categories[i] = reader.ReadString();
        }

        var count = reader.ReadInt32();
        var phrases = new Dictionary<string, ushort>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            phrases[reader.ReadString()] = reader.ReadUInt16();
        }

        return new NerGazetteer(categories, phrases);
    }
}
