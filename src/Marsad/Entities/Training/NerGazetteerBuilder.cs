using System.Globalization;
using System.Text.Json;
using Marsad.Entities.Features;

namespace Marsad.Entities.Training;

/// <summary>
/// Compiles the name lists the tagger uses as features from GATE's Arabic gazetteers (LGPL-3.0:
/// names, titles, places, organisations, dates) and the kb country and city tables (ODbL 1.0).
/// Every word is normalised and reduced to its standalone form with the model's own lexicon, so that
/// a token matches the lists exactly as the tagger sees it.
/// </summary>
public static class NerGazetteerBuilder
{
    /// <summary>Category names, in bit order.</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["first-name", "surname", "title", "country", "city", "region", "location", "facility", "organisation", "temporal", "number"];

    // GATE list file → category (see the folder's lists.def).
    private static readonly Dictionary<string, string> GateLists = new(StringComparer.Ordinal)
    {
        ["male_names.lst"] = "first-name",
        ["female_names.lst"] = "first-name",
        ["surnames.lst"] = "surname",
        ["titles.lst"] = "title",
        ["country.lst"] = "country",
        ["country_world.lst"] = "country",
        ["city.lst"] = "city",
        ["city_world.lst"] = "city",
        ["location_other.lst"] = "location",
        ["oceans_seas_islands.lst"] = "location",
        ["places.lst"] = "location",
        ["mountains.lst"] = "location",
        ["rivers.lst"] = "location",
        ["facility.lst"] = "facility",
        ["monuments.lst"] = "facility",
        ["organisations.lst"] = "organisation",
        ["days.lst"] = "temporal",
        ["months.lst"] = "temporal",
        ["time.lst"] = "temporal",
        ["date_key.lst"] = "temporal",
        ["cardinals.lst"] = "number",
        ["numbers.lst"] = "number",
        ["ordinals.lst"] = "number",
        ["percent.lst"] = "number",
        ["currency.lst"] = "number",
    };

    /// <summary>Cities smaller than this are left out: tiny places collide with common words.</summary>
    public const int MinCityPopulation = 50_000;

    /// <param name="gateDirectory">The gate-arabic folder, or null.</param>
    /// <param name="kbDirectory">The kb folder holding mledoze-countries/ and dr5hn-countries-states-cities/, or null.</param>
    public static NerGazetteer Build(string? gateDirectory, string? kbDirectory, NerLexicon lexicon)
    {
        var phrases = new Dictionary<string, ushort>(StringComparer.Ordinal);
        void Add(string phrase, string category)
        {
            var key = Key(phrase, lexicon);
            if (key.Length < 2)
            {
                return;
            }

            var bit = (ushort)(1 << IndexOf(category));
            phrases[key] = (ushort)(phrases.GetValueOrDefault(key) | bit);
        }

        if (gateDirectory is not null)
        {
            foreach (var (file, category) in GateLists)
            {
                var path = Path.Combine(gateDirectory, file);
                if (!File.Exists(path))
                {
                    continue;
                }

                foreach (var line in File.ReadLines(path))
                {
                    var entry = line.Trim('\uFEFF', ' ', '\t'); // ZERO WIDTH NO-BREAK SPACE (byte order mark)
                    if (entry.Length > 0 && !entry.StartsWith("//", StringComparison.Ordinal))
                    {
                        Add(entry, category);
                    }
                }
            }
        }

        if (kbDirectory is not null)
        {
            AddMledozeCountries(Path.Combine(kbDirectory, "mledoze-countries", "countries.json"), Add);
            AddDr5hn(Path.Combine(kbDirectory, "dr5hn-countries-states-cities"), Add);
        }

        return new NerGazetteer(Categories, phrases);
    }

    /// <summary>The lookup key of a phrase: each word normalised and reduced to its standalone form, joined by spaces.</summary>
    public static string Key(string phrase, NerLexicon lexicon)
    {
        var words = NerTokenizer.Words(phrase);
        var parts = new List<string>(words.Count);
        foreach (var word in words)
        {
            var normalized = NerWordForms.Normalize(word);
            var buffer = new char[normalized.Length + 1];
            var n = lexicon.Standalone(normalized, buffer);
            parts.Add(new string(buffer, 0, n));
        }

        return parts.Count > NerGazetteer.MaxWords ? string.Empty : string.Join(' ', parts);
    }

    private static int IndexOf(string category)
    {
        for (var i = 0; i < Categories.Count; i++)
        {
            if (Categories[i] == category)
            {
                return i;
            }
        }

        throw new ArgumentException($"unknown gazetteer category {category}");
    }

    private static void AddMledozeCountries(string path, Action<string, string> add)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var country in json.RootElement.EnumerateArray())
        {
            if (country.TryGetProperty("translations", out var translations) && translations.TryGetProperty("ara", out var ara))
            {
                foreach (var field in new[] { "common", "official" })
                {
                    if (ara.TryGetProperty(field, out var name) && name.GetString() is { Length: > 0 } s)
                    {
                        add(s, "country");
                    }
                }
            }
        }
    }

    private static void AddDr5hn(string folder, Action<string, string> add)
    {
        var countries = Path.Combine(folder, "countries.json");
        if (File.Exists(countries))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(countries));
            foreach (var country in json.RootElement.EnumerateArray())
            {
                if (country.TryGetProperty("translations", out var translations) && translations.TryGetProperty("ar", out var ar)
                    && ar.GetString() is { Length: > 0 } s)
                {
                    add(s, "country");
                }
            }
        }

        var cities = Path.Combine(folder, "cities_ar_en.tsv");
        if (!File.Exists(cities))
        {
            return;
        }

        var header = true;
        foreach (var line in File.ReadLines(cities))
        {
            if (header)
            {
                header = false;
                continue;
            }

            // id, wikidata, country_iso2, state_code, type, name_en, name_ar, name_native, population, lat, lon
            var fields = line.Split('\t');
            if (fields.Length < 9 || fields[6].Length == 0)
            {
                continue;
            }

            var type = fields[4];
            _ = long.TryParse(fields[8], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population);
            if (type is "capital")
            {
                add(fields[6], "city");
            }
            else if (type is "adm1" or "province" or "prefecture")
            {
                add(fields[6], population >= MinCityPopulation || population == 0 ? "region" : "city");
            }
            else if (population >= MinCityPopulation)
            {
                add(fields[6], "city");
            }
        }
    }
}
