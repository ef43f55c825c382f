using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;
using Marsad.Entities.Resolution;
using Marsad.Errors;

namespace Marsad.Entities.Kb;

/// <summary>
/// The entity knowledge base: an immutable index from normalised names (<see cref="NameForm.Key"/>, and
/// the same without spaces) to <see cref="KbEntry"/> records, plus the person titles stripped before
/// matching. Loaded once from models/kb: the compiled <see cref="CompiledFile"/> (countries, cities,
/// gazetteers; built by <c>marsad train kb</c>) and the hand-written <see cref="CuratedFile"/>, which is
/// read as-is so that an edit takes effect without a rebuild. Curated rows with a Wikidata id that the
/// compiled KB also has are merged into that entry. Thread-safe.
/// </summary>
public sealed class KnowledgeBase
{
    public const string CompiledFile = "kb.tsv.gz";
    public const string CuratedFile = "curated.tsv";
    public const string TitlesFile = "titles.txt";

    private readonly KbEntry[] _entries;
    // Plain dictionaries: frozen ones cost far more to build than they save on a few lookups per mention.
    private readonly Dictionary<string, int[]> _byKey;
    private readonly Dictionary<string, int[]> _byCompactKey;
    private readonly FrozenSet<string> _titles;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _titleLookup;

    public KnowledgeBase(IEnumerable<KbEntry> entries, IEnumerable<string>? titles = null)
    {
        _entries = MergeByWikidata(entries);
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byCompact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _entries.Length; i++)
        {
            foreach (var name in NamesOf(_entries[i]))
            {
                var form = NameForm.Parse(name);
                if (form.IsEmpty)
                {
                    continue;
                }

                AddTo(byKey, form.Key, i);
                AddTo(byCompact, form.CompactKey, i);
            }
        }

        _byKey = byKey.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _byCompactKey = byCompact.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _titles = (titles ?? [])
            .Select(t => NameForm.Parse(t))
            .Where(f => f.Tokens.Count == 1)
            .Select(f => f.Key)
            .ToFrozenSet(StringComparer.Ordinal);
        _titleLookup = _titles.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>An empty knowledge base: entities are still merged, but never linked.</summary>
    public static KnowledgeBase Empty { get; } = new([]);

    public IReadOnlyList<KbEntry> Entries => _entries;

    /// <summary>Loads models/kb (any of its files may be absent; an absent folder gives an empty KB).</summary>
    public static KnowledgeBase Load(string directory)
    {
        var entries = new List<KbEntry>();
        var titles = new List<string>();
        var compiled = Path.Combine(directory, CompiledFile);
        if (File.Exists(compiled))
        {
            entries.AddRange(KbFiles.ReadCompiled(compiled));
        }

        var curated = Path.Combine(directory, CuratedFile);
        if (File.Exists(curated))
        {
            entries.AddRange(KbFiles.ReadCurated(curated));
        }

        var titlesPath = Path.Combine(directory, TitlesFile);
        if (File.Exists(titlesPath))
        {
            titles.AddRange(File.ReadLines(titlesPath, Encoding.UTF8).Where(l => l.Length > 0 && l[0] != '#'));
        }

        return new KnowledgeBase(entries, titles);
    }

    /// <summary>
    /// The best entry for a name mentioned with a type: entries of that type first, then (for non-person
    /// mentions only) prominent entries of another non-person type — a country tagged ORG is still the
    /// country. Among those, the highest rank. Null when none fits.
    /// </summary>
    public KbEntry? Find(NameForm name, string? type)
    {
        if (name.IsEmpty)
        {
            return null;
        }

        var candidates = _byKey.TryGetValue(name.Key, out var exact) ? exact
            : _byCompactKey.TryGetValue(name.CompactKey, out var compact) ? compact
            : null;
        if (candidates is null)
        {
            return null;
        }

        KbEntry? best = null;
        var bestScore = int.MinValue;
        foreach (var index in candidates)
        {
            var entry = _entries[index];
            int score;
            if (type is null || entry.Type == type)
            {
                score = entry.Rank + 10_000;
            }
            else if (type != "PER" && entry.Type != "PER" && entry.IsProminent)
            {
                score = entry.Rank;
            }
            else
            {
                continue;
            }

            if (score > bestScore)
            {
                best = entry;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>Whether a single phonetic token is a person title (الرئيس، السيد، الدكتور…).</summary>
    public bool IsTitle(string phoneticToken) => _titles.Contains(phoneticToken);

    /// <summary>Whether a single phonetic token, given as characters, is a person title (no string is made).</summary>
    public bool IsTitle(ReadOnlySpan<char> phoneticToken) => _titleLookup.Contains(phoneticToken);

    /// <summary>Prominent entries (curated, countries) with every name they go by: what mention completion looks for.</summary>
    public IEnumerable<(string Name, KbEntry Entry)> ProminentNames()
    {
        foreach (var entry in _entries)
        {
            if (entry.IsProminent)
            {
                foreach (var name in NamesOf(entry))
                {
                    yield return (name, entry);
                }
            }
        }
    }

    private static IEnumerable<string> NamesOf(KbEntry entry)
    {
        yield return entry.CanonicalName;
        foreach (var v in entry.Variants)
        {
            yield return v;
        }
    }

    private static void AddTo(Dictionary<string, List<int>> index, string key, int entry)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(entry))
        {
            list.Add(entry);
        }
    }

    /// <summary>Entries sharing a Wikidata id become one: the higher rank's names and English name win, variants are united.</summary>
    private static KbEntry[] MergeByWikidata(IEnumerable<KbEntry> entries)
    {
        var result = new List<KbEntry>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.WikidataId is not { Length: > 0 } id || !byId.TryGetValue(id, out var at))
            {
                if (entry.WikidataId is { Length: > 0 } newId)
                {
                    byId[newId] = result.Count;
                }

                result.Add(entry);
                continue;
            }

            var old = result[at];
            var (hi, lo) = entry.Rank >= old.Rank ? (entry, old) : (old, entry);
            var variants = new List<string>(hi.Variants);
            foreach (var name in NamesOf(lo))
            {
                if (name != hi.CanonicalName && !variants.Contains(name))
                {
                    variants.Add(name);
                }
            }

            result[at] = hi with
            {
                Variants = variants,
                EnglishName = hi.EnglishName ?? lo.EnglishName,
                Subtype = hi.Subtype ?? lo.Subtype,
            };
        }

        return [.. result];
    }
}

/// <summary>Reading and writing the knowledge base's files (UTF-8 TSV; the compiled one gzip-compressed).</summary>
public static class KbFiles
{
    /// <summary>Columns of the compiled file.</summary>
    public const string CompiledHeader = "type\tsubtype\twikidata\tname_ar\tname_en\tvariants_ar\trank\tsource";

    /// <summary>Columns of the curated file.</summary>
    public const string CuratedHeader = "type\tname_ar\tvariants_ar\tname_en\twikidata\tnote";

    public static IEnumerable<KbEntry> ReadCompiled(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var list = new List<KbEntry>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("type\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 8 || !int.TryParse(f[6], System.Globalization.CultureInfo.InvariantCulture, out var rank))
            {
                throw new MarsadException(ErrorCodes.BadModel, $"line {lineNumber}: expected 8 columns ({CompiledHeader})", path);
            }

            list.Add(new KbEntry(f[0], f[3])
            {
                Subtype = NullIfEmpty(f[1]),
                WikidataId = NullIfEmpty(f[2]),
                EnglishName = NullIfEmpty(f[4]),
                Variants = SplitVariants(f[5]),
                Rank = rank,
                Source = f[7],
            });
        }

        return list;
    }

    public static IEnumerable<KbEntry> ReadCurated(string path)
    {
        var list = new List<KbEntry>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("type\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 5 || f[0] is not ("PER" or "LOC" or "ORG" or "MISC") || f[1].Length == 0)
            {
                throw new MarsadException(ErrorCodes.BadModel, $"line {lineNumber}: expected {CuratedHeader} with type PER, LOC, ORG or MISC", path);
            }

            list.Add(new KbEntry(f[0], f[1].Trim())
            {
                Subtype = "curated",
                Variants = SplitVariants(f[2]),
                EnglishName = NullIfEmpty(f[3]),
                WikidataId = NullIfEmpty(f[4]),
                Rank = KbRanks.Curated,
                Source = "curated",
            });
        }

        return list;
    }

    public static void WriteCompiled(string path, IEnumerable<string> headerComments, IEnumerable<KbEntry> entries)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var comment in headerComments)
        {
            writer.WriteLine("# " + comment);
        }

        writer.WriteLine(CompiledHeader);
        foreach (var e in entries)
        {
            writer.WriteLine(string.Join('\t',
                e.Type, e.Subtype ?? "", e.WikidataId ?? "", Clean(e.CanonicalName), Clean(e.EnglishName ?? ""),
                string.Join('|', e.Variants.Select(Clean)), e.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Source));
        }
    }

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('|', ' ').Replace('\n', ' ').Trim();

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string[] SplitVariants(string s) =>
        s.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
