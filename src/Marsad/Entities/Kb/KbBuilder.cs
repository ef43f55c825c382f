using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Entities.Resolution;
using Marsad.Errors;

namespace Marsad.Entities.Kb;

/// <summary>What <see cref="KbBuilder.Build"/> produced: counts per source, for the command's summary.</summary>
public sealed record KbBuildSummary(int Countries, int Cities, int GazetteerNew, int GazetteerVariants, int Titles, long CompiledBytes);

/// <summary>
/// Builds the compiled knowledge base (models/kb/kb.tsv.gz and titles.txt) from the public sources in a
/// data folder laid out like ../shared/data:
/// <list type="bullet">
/// <item>kb/dr5hn-countries-states-cities/countries.json — countries with Wikidata ids and Arabic names (ODbL 1.0);</item>
/// <item>kb/mledoze-countries/countries.json — Arabic common and official country names, joined on ISO code (ODbL 1.0);</item>
/// <item>kb/dr5hn-countries-states-cities/cities_ar_en.tsv — cities with Arabic names and Wikidata ids (ODbL 1.0),
/// those of 10,000 people or more plus capitals and first-level divisions;</item>
/// <item>gazetteers/gate-arabic/*.lst — GATE's Arabic place, organisation and title lists (LGPL-3.0): an entry
/// whose name matches a known entity becomes its variant, the rest become entries without a Wikidata id.</item>
/// </list>
/// The output is deterministic: the same sources give the same bytes.
/// </summary>
public static class KbBuilder
{
    private const string Dr5hn = "kb/dr5hn-countries-states-cities";
    private const string Mledoze = "kb/mledoze-countries";
    private const string Gate = "gazetteers/gate-arabic";

    /// <summary>Cities below this population are left out unless they are a capital or a province seat.</summary>
    public const long MinCityPopulation = 10_000;

    /// <summary>GATE lists that name entities, with the entity type they give.</summary>
    private static readonly (string File, string Type, string Subtype)[] GateLists =
    [
        ("country.lst", "LOC", "country"),
        ("country_world.lst", "LOC", "country"),
        ("city.lst", "LOC", "city"),
        ("city_world.lst", "LOC", "city"),
        ("oceans_seas_islands.lst", "LOC", "water"),
        ("rivers.lst", "LOC", "river"),
        ("mountains.lst", "LOC", "mountain"),
        ("location_other.lst", "LOC", "place"),
        ("places.lst", "LOC", "place"),
        ("facility.lst", "LOC", "facility"),
        ("monuments.lst", "LOC", "monument"),
        ("organisations.lst", "ORG", "organisation"),
    ];

    public static KbBuildSummary Build(string dataDirectory, string outDirectory)
    {
        string Need(string relative)
        {
            var path = Path.Combine(dataDirectory, relative);
            if (!File.Exists(path))
            {
                throw new MarsadException(ErrorCodes.NotFound, $"the knowledge-base source {relative} is missing", path);
            }

            return path;
        }

        var entries = new List<KbEntry>();
        var countries = ReadCountries(Need(Path.Combine(Dr5hn, "countries.json")), Need(Path.Combine(Mledoze, "countries.json")));
        entries.AddRange(countries);
        var cities = ReadCities(Need(Path.Combine(Dr5hn, "cities_ar_en.tsv")));
        entries.AddRange(cities);
        var (withGate, added, variants) = AddGazetteers(entries, Path.Combine(dataDirectory, Gate));
        var titles = ReadList(Need(Path.Combine(Gate, "titles.lst")))
            .Where(IsSafeTitle)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Directory.CreateDirectory(outDirectory);
        var compiled = Path.Combine(outDirectory, KnowledgeBase.CompiledFile);
        KbFiles.WriteCompiled(compiled,
        [
            "Marsad entity knowledge base, compiled by `marsad train kb --data DATA --out models/kb`; do not edit (edit curated.tsv).",
            "Countries and cities: dr5hn/countries-states-cities-database and mledoze/countries, ODbL 1.0 (Open Database License).",
            "Place and organisation names without Wikidata ids: GATE Arabic gazetteers (University of Sheffield), LGPL-3.0.",
            "This file is a derived database under the ODbL 1.0; see models/MODELS.md.",
        ], withGate);
        File.WriteAllLines(Path.Combine(outDirectory, KnowledgeBase.TitlesFile),
            ["# Person titles stripped before names are matched. From GATE's Arabic titles.lst (University of Sheffield, LGPL-3.0).", .. titles],
            new UTF8Encoding(false));
        return new KbBuildSummary(countries.Count, cities.Count, added, variants, titles.Count, new FileInfo(compiled).Length);
    }

    private static List<KbEntry> ReadCountries(string dr5hnPath, string mledozePath)
    {
        using var dr5hn = JsonDocument.Parse(File.ReadAllBytes(dr5hnPath));
        using var mledoze = JsonDocument.Parse(File.ReadAllBytes(mledozePath));
        var byIso2 = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var c in mledoze.RootElement.EnumerateArray())
        {
            byIso2[Str(c, "cca2") ?? ""] = c;
        }

        var list = new List<KbEntry>();
        foreach (var c in dr5hn.RootElement.EnumerateArray())
        {
            var iso2 = Str(c, "iso2") ?? "";
            var names = new List<string>();
            string? english = Str(c, "name");
            if (byIso2.TryGetValue(iso2, out var m))
            {
                if (m.TryGetProperty("translations", out var tr) && tr.TryGetProperty("ara", out var ara))
                {
                    AddName(names, Str(ara, "common"));
                    AddName(names, Str(ara, "official"));
                }

                if (m.TryGetProperty("name", out var n))
                {
                    english = Str(n, "common") ?? english;
                }
            }

            if (c.TryGetProperty("translations", out var t))
            {
                AddName(names, Str(t, "ar"));
            }

            AddName(names, Str(c, "native"));
            if (names.Count == 0)
            {
                continue;
            }

            list.Add(new KbEntry("LOC", names[0])
            {
                Subtype = "country",
                WikidataId = Str(c, "wikiDataId"),
                EnglishName = english,
                Variants = names.Skip(1).ToArray(),
                Rank = KbRanks.Country,
                Source = "dr5hn+mledoze",
            });
        }

        return list;
    }

    private static List<KbEntry> ReadCities(string path)
    {
        var list = new List<KbEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = reader.ReadLine()?.Split('\t') ?? [];
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new MarsadException(ErrorCodes.BadModel, $"column {name} missing", path);
        int qid = Col("wikidata"), type = Col("type"), en = Col("name_en"), ar = Col("name_ar"), native = Col("name_native"), pop = Col("population");
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            if (f.Length < header.Length || !IsArabicScript(f[ar]))
            {
                continue;
            }

            var id = f[qid].Length > 0 ? f[qid] : null;
            if (id is not null && !seen.Add(id))
            {
                continue;
            }

            long.TryParse(f[pop], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population);
            var isCapital = f[type] == "capital";

            // Small places are dropped: their names are often common words (مركز، الاتحاد) that a tagger
            // error would link to a village on another continent.
            if (population < MinCityPopulation && !isCapital && f[type] != "adm1")
            {
                continue;
            }

            var names = new List<string>();
            AddName(names, f[ar]);
            AddName(names, f[native]);
            list.Add(new KbEntry("LOC", names[0])
            {
                Subtype = f[type].Length > 0 ? f[type] : "city",
                WikidataId = id,
                EnglishName = f[en].Length > 0 ? f[en] : null,
                Variants = names.Skip(1).ToArray(),
                Rank = KbRanks.ForPlace(isCapital ? KbRanks.Capital : KbRanks.Place, population),
                Source = "dr5hn",
            });
        }

        return list;
    }

    /// <summary>GATE names that match an entry (same type, same key or same key without spaces) become its variants; the others new entries.</summary>
    private static (List<KbEntry> Entries, int Added, int Variants) AddGazetteers(List<KbEntry> entries, string gateDirectory)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        void Index(int i)
        {
            foreach (var name in entries[i].Variants.Prepend(entries[i].CanonicalName))
            {
                var form = NameForm.Parse(name);
                var key = entries[i].Type + "|" + form.CompactKey;
                if (!index.TryGetValue(key, out var old) || entries[old].Rank < entries[i].Rank)
                {
                    index[key] = i;
                }
            }
        }

        for (var i = 0; i < entries.Count; i++)
        {
            Index(i);
        }

        int added = 0, variants = 0;
        foreach (var (file, type, subtype) in GateLists)
        {
            var path = Path.Combine(gateDirectory, file);
            if (!File.Exists(path))
            {
                throw new MarsadException(ErrorCodes.NotFound, $"the gazetteer {file} is missing", path);
            }

            foreach (var name in ReadList(path))
            {
                var form = NameForm.Parse(name);
                if (form.IsEmpty)
                {
                    continue;
                }

                if (index.TryGetValue(type + "|" + form.CompactKey, out var at))
                {
                    var e = entries[at];
                    if (name != e.CanonicalName && !e.Variants.Contains(name))
                    {
                        entries[at] = e with { Variants = [.. e.Variants, name] };
                        variants++;
                    }

                    continue;
                }

                entries.Add(new KbEntry(type, name) { Subtype = subtype, Rank = KbRanks.Gazetteer, Source = "gate" });
                Index(entries.Count - 1);
                added++;
            }
        }

        return (entries, added, variants);
    }

    /// <summary>
    /// One-word titles that cannot be a first name: those with the article (الرئيس، السيد) and a few
    /// honorifics. Bare forms such as أمير، رائد، نجم، بن are also names, so they are not stripped.
    /// </summary>
    private static bool IsSafeTitle(string title)
    {
        var form = NameForm.Parse(title);
        return form.Tokens.Count == 1 && (title.StartsWith("ال", StringComparison.Ordinal) || title is "فخامة" or "معالي" or "جلالة" or "حضرة" or "فضيلة" or "سماحة");
    }

    private static IEnumerable<string> ReadList(string path) =>
        File.ReadLines(path, Encoding.UTF8)
            .Select(l => l.Trim('\uFEFF', ' ', '\t', '\r'))
            .Where(l => l.Length > 0);

    private static void AddName(List<string> names, string? name)
    {
        if (name is { Length: > 0 } && IsArabicScript(name) && !names.Contains(name.Trim()))
        {
            names.Add(name.Trim());
        }
    }

    private static bool IsArabicScript(string s) => s.Any(c => c >= '\u0600' && c <= '\u06FF');

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
