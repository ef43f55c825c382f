using System.Globalization;
using System.Reflection;

namespace Marsad.Text;

/// <summary>
/// Normalises Arabic text by profile (<see cref="NormalizationProfile"/>). Each profile is one lookup
/// table of 65,536 entries built once from the embedded rule files, so normalising is one table read per
/// character and allocates nothing beyond the result (the span overload allocates nothing at all).
/// <list type="bullet">
/// <item>Zero-width and bidi marks (ZWJ, ZWNJ, LRM, RLM, ALM, BOM) and tatweel: removed (all profiles).</item>
/// <item>Presentation forms U+FB50–U+FDFF, U+FE70–U+FEFF: to base letters (all profiles; ligatures expand).</item>
/// <item>Harakat, tanwin, shadda, sukun, superscript alef (U+064B–U+065F, U+0670): removed (Matching, Search).</item>
/// <item>Alef forms أ إ آ ٱ to ا, ى to ي, Persian/Urdu letters, digits, Arabic punctuation to ASCII (Matching, Search).</item>
/// <item>ة to ه, ؤ to و, ئ to ي, Latin lower-cased (Search).</item>
/// </list>
/// The original text is never changed: callers keep offsets into it and store the normalised form beside them.
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>The most characters one source character can become (the longest ligature, U+FDFA).</summary>
    public const int MaxExpansion = 18;

    private const char Delete = '\uFFFF';
    private const char Expand = '\uFFFE';

    private static readonly Table[] Tables = Build();

    /// <summary>Normalises <paramref name="text"/>; returns the same instance when nothing changes.</summary>
    public static string Normalize(string text, NormalizationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = Tables[(int)profile];
        var first = table.FirstChange(text);
        if (first < 0)
        {
            return text;
        }

        var needed = text.Length + table.ExtraRoom(text.AsSpan(first));
        return string.Create(needed, (text, table, first), static (dest, state) =>
        {
            // string.Create needs the exact length: write into the slice, then the length was computed exactly.
            state.text.AsSpan(0, state.first).CopyTo(dest);
            var written = state.table.Apply(state.text.AsSpan(state.first), dest[state.first..]);
            if (state.first + written != dest.Length)
            {
                throw new InvalidOperationException("normaliser length mismatch");
            }
        });
    }

    /// <summary>Normalises a span of text, e.g. one token.</summary>
    public static string Normalize(ReadOnlySpan<char> text, NormalizationProfile profile)
    {
        var table = Tables[(int)profile];
        var needed = text.Length + table.ExtraRoom(text);
        if (needed <= 256)
        {
            Span<char> buffer = stackalloc char[256];
            var n = table.Apply(text, buffer);
            return new string(buffer[..n]);
        }

        var array = new char[needed];
        var written = table.Apply(text, array);
        return new string(array, 0, written);
    }

    /// <summary>
    /// Normalises <paramref name="source"/> into <paramref name="destination"/> without allocating;
    /// returns the number of characters written. The destination needs at most
    /// <c>source.Length * MaxExpansion</c> characters, and <c>source.Length</c> is enough when the text
    /// holds no ligature presentation forms.
    /// </summary>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public static int Normalize(ReadOnlySpan<char> source, Span<char> destination, NormalizationProfile profile)
    {
        if (!TryNormalize(source, destination, profile, out var written))
        {
            throw new ArgumentException("destination is too short for the normalised text", nameof(destination));
        }

        return written;
    }

    /// <summary>Like <see cref="Normalize(ReadOnlySpan{char}, Span{char}, NormalizationProfile)"/> but returns false when the destination is too short.</summary>
    public static bool TryNormalize(ReadOnlySpan<char> source, Span<char> destination, NormalizationProfile profile, out int written)
    {
        written = Tables[(int)profile].Apply(source, destination);
        if (written < 0)
        {
            written = 0;
            return false;
        }

        return true;
    }

    /// <summary>The normalised form of one character (empty when removed, several characters for a ligature).</summary>
    public static string Map(char c, NormalizationProfile profile)
    {
        var table = Tables[(int)profile];
        var m = table.Map[c];
        return m == Delete ? string.Empty : m == Expand ? table.Expansions[c] : m.ToString();
    }

    /// <summary>Writes the normalised form of one character into <paramref name="destination"/>; returns how many characters (0 when removed), or -1 when it does not fit.</summary>
    public static int Map(char c, Span<char> destination, NormalizationProfile profile)
    {
        var table = Tables[(int)profile];
        var m = table.Map[c];
        if (m == Delete)
        {
            return 0;
        }

        if (m == Expand)
        {
            var e = table.Expansions[c];
            if (!e.TryCopyTo(destination))
            {
                return -1;
            }

            return e.Length;
        }

        if (destination.IsEmpty)
        {
            return -1;
        }

        destination[0] = m;
        return 1;
    }

    /// <summary>True when the character is dropped by the profile (marks, tatweel, zero-width characters).</summary>
    public static bool IsRemoved(char c, NormalizationProfile profile) => Tables[(int)profile].Map[c] == Delete;

    private static Table[] Build()
    {
        var rules = LoadLetterRules();
        var presentation = LoadPresentationForms();
        var tables = new Table[3];
        foreach (var profile in Enum.GetValues<NormalizationProfile>())
        {
            var single = new char[65536];
            for (var c = 0; c < single.Length; c++)
            {
                single[c] = (char)c;
            }

            foreach (var rule in rules)
            {
                if (rule.Profile > profile)
                {
                    continue;
                }

                for (var c = rule.From; c <= rule.To; c++)
                {
                    single[c] = rule.Target is null ? Delete : (char)(rule.Target.Value + (c - rule.From) * (rule.Ranged ? 1 : 0));
                }
            }

            if (profile == NormalizationProfile.Search)
            {
                for (var c = 0; c < single.Length; c++)
                {
                    if (single[c] is not (Delete or Expand) && char.IsUpper(single[c]))
                    {
                        single[c] = char.ToLowerInvariant(single[c]);
                    }
                }
            }

            // The noncharacters used as sentinels are removed when they occur in text.
            single[Delete] = Delete;
            single[Expand] = Delete;

            var expansions = new Dictionary<char, string>();
            foreach (var (code, replacement) in presentation)
            {
                // A presentation form becomes its base letters, themselves normalised by the same profile.
                var mapped = new System.Text.StringBuilder();
                foreach (var r in replacement)
                {
                    var m = single[r];
                    if (m != Delete)
                    {
                        mapped.Append(m);
                    }
                }

                single[code] = mapped.Length switch
                {
                    0 => Delete,
                    1 => mapped[0],
                    _ => Expand,
                };
                if (mapped.Length > 1)
                {
                    expansions[code] = mapped.ToString();
                }
            }

            tables[(int)profile] = new Table(single, expansions);
        }

        return tables;
    }

    private readonly record struct LetterRule(char From, char To, char? Target, bool Ranged, NormalizationProfile Profile);

    private static List<LetterRule> LoadLetterRules()
    {
        var rules = new List<LetterRule>();
        foreach (var line in ReadResource("letter-map.tsv"))
        {
            var f = line.Split('\t');
            var range = f[0].Split('-');
            var from = (char)int.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var to = range.Length > 1 ? (char)int.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : from;
            char? target = f[1] == "delete" ? null : (char)int.Parse(f[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            rules.Add(new LetterRule(from, to, target, range.Length > 1 && target is not null, Enum.Parse<NormalizationProfile>(f[2])));
        }

        return rules;
    }

    private static List<(char Code, string Replacement)> LoadPresentationForms()
    {
        var list = new List<(char, string)>();
        foreach (var line in ReadResource("presentation-forms.tsv"))
        {
            var f = line.Split('\t');
            var code = (char)int.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var chars = f[1].Split(' ').Select(h => (char)int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            list.Add((code, new string([.. chars])));
        }

        return list;
    }

    internal static IEnumerable<string> ReadResource(string name)
    {
        using var stream = typeof(ArabicNormalizer).Assembly.GetManifestResourceStream("Marsad.Text.Resources." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private sealed class Table(char[] map, Dictionary<char, string> expansions)
    {
        public char[] Map { get; } = map;

        public Dictionary<char, string> Expansions { get; } = expansions;

        /// <summary>Index of the first character that changes, or -1.</summary>
        public int FirstChange(ReadOnlySpan<char> text)
        {
            var map = Map;
            for (var i = 0; i < text.Length; i++)
            {
                if (map[text[i]] != text[i])
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Exact change in length: expansions add, deletions subtract.</summary>
        public int ExtraRoom(ReadOnlySpan<char> text)
        {
            var map = Map;
            var extra = 0;
            foreach (var c in text)
            {
                var m = map[c];
                if (m == Delete)
                {
                    extra--;
                }
                else if (m == Expand)
                {
                    extra += Expansions[c].Length - 1;
                }
            }

            return extra;
        }

        /// <summary>Writes the normalised text; returns its length, or -1 when the destination is too short.</summary>
        public int Apply(ReadOnlySpan<char> source, Span<char> destination)
        {
            var map = Map;
            var n = 0;
            foreach (var c in source)
            {
                var m = map[c];
                if (m == Delete)
                {
                    continue;
                }

                if (m == Expand)
                {
                    var e = Expansions[c];
                    if (n + e.Length > destination.Length)
                    {
                        return -1;
                    }

                    e.CopyTo(destination[n..]);
                    n += e.Length;
                    continue;
                }

                if ((uint)n >= (uint)destination.Length)
                {
                    return -1;
                }

                destination[n++] = m;
            }

            return n;
        }
    }
}
