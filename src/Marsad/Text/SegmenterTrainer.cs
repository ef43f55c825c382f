using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Text;

namespace Marsad.Text;

/// <summary>What <see cref="SegmenterTrainer"/> reads and writes.</summary>
public sealed record SegmenterTrainingOptions
{
    /// <summary>JSON Lines news files (ANT: objects with "title" and "text"): the word counts come from these. Use train splits only.</summary>
    public required IReadOnlyList<string> Corpora { get; init; }

    /// <summary>Folders of GATE gazetteer .lst files (names of people, places, organisations).</summary>
    public IReadOnlyList<string> Gazetteers { get; init; } = [];

    /// <summary>mledoze countries.json and dr5hn cities_ar_en.tsv files (ODbL).</summary>
    public IReadOnlyList<string> KnowledgeBase { get; init; } = [];

    /// <summary>Keep word forms seen at least this often.</summary>
    public int MinCount { get; init; } = 2;

    /// <summary>Cities smaller than this are left out of the name list (small places are often spelled like common words).</summary>
    public int MinCityPopulation { get; init; } = 200_000;

    /// <summary>The folder that receives segmenter-counts.tsv.gz and segmenter-names.tsv.</summary>
    public required string Output { get; init; }
}

/// <summary>What training produced.</summary>
public sealed record SegmenterTrainingResult(int Documents, long Words, int Forms, int Names, string CountsPath, string NamesPath);

/// <summary>
/// Builds the clitic segmenter's lexicon (<see cref="SegmenterLexicon"/>): word-form counts from news text and a list
/// of names that must stay whole. Run by <c>marsad train segmenter</c>.
/// </summary>
public static class SegmenterTrainer
{
    public static SegmenterTrainingResult Train(SegmenterTrainingOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var documents = 0;
        long words = 0;
        Span<char> key = stackalloc char[CliticSegmenter.MaxWordLength * 2];
        var sources = new List<string>();
        foreach (var path in options.Corpora)
        {
            if (!File.Exists(path))
            {
                throw new MarsadException(ErrorCodes.NotFound, $"corpus file not found: {path}", path);
            }

            sources.Add(Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) + "/" + Path.GetFileName(path));
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                foreach (var field in (string[])["title", "text"])
                {
                    if (!json.RootElement.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    var text = value.GetString()!;
                    foreach (var token in ArabicTokenizer.Enumerate(text))
                    {
                        if (token.Kind != TokenKind.ArabicWord || token.Length > CliticSegmenter.MaxWordLength)
                        {
                            continue;
                        }

                        var n = SegmenterLexicon.Key(token.Slice(text), key);
                        if (n <= 0)
                        {
                            continue;
                        }

                        words++;
                        var k = key[..n];
                        if (lookup.TryGetValue(k, out var c))
                        {
                            lookup[k] = c + 1;
                        }
                        else
                        {
                            lookup[k] = 1;
                        }
                    }
                }

                documents++;
            }

            log?.WriteLine($"{path}: {documents:N0} documents, {words:N0} Arabic words so far");
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in options.Gazetteers)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.lst"))
            {
                var list = Path.GetFileNameWithoutExtension(file);
                if (list is "male_names" or "female_names" or "surnames" or "city" or "city_world" or "country" or "country_world"
                    or "location_other" or "rivers" or "mountains" or "oceans_seas_islands" or "organisations" or "places")
                {
                    foreach (var entry in File.ReadLines(file))
                    {
                        AddName(names, entry.Trim('\uFEFF', ' ', '\t'));
                    }
                }
            }
        }

        foreach (var file in options.KnowledgeBase)
        {
            if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                using var json = JsonDocument.Parse(File.ReadAllText(file));
                foreach (var country in json.RootElement.EnumerateArray())
                {
                    if (country.TryGetProperty("translations", out var tr))
                    {
                        foreach (var lang in (string[])["ara", "ar"])
                        {
                            if (tr.TryGetProperty(lang, out var ar))
                            {
                                if (ar.ValueKind == JsonValueKind.String)
                                {
                                    AddName(names, ar.GetString()!);
                                }
                                else if (ar.ValueKind == JsonValueKind.Object && ar.TryGetProperty("common", out var common))
                                {
                                    AddName(names, common.GetString()!);
                                }
                            }
                        }
                    }
                }
            }
            else
            {
                var header = true;
                int nameColumn = -1, populationColumn = -1;
                foreach (var line in File.ReadLines(file))
                {
                    var f = line.Split('\t');
                    if (header)
                    {
                        nameColumn = Array.IndexOf(f, "name_ar");
                        populationColumn = Array.IndexOf(f, "population");
                        header = false;
                        continue;
                    }

                    if (nameColumn < 0 || populationColumn < 0 || f.Length <= Math.Max(nameColumn, populationColumn))
                    {
                        continue;
                    }

                    if (long.TryParse(f[populationColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population)
                        && population >= options.MinCityPopulation)
                    {
                        AddName(names, f[nameColumn]);
                    }
                }
            }
        }

        Directory.CreateDirectory(options.Output);
        var countsPath = Path.Combine(options.Output, "segmenter-counts.tsv.gz");
        var kept = counts.Where(p => p.Value >= options.MinCount).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        using (var file = File.Create(countsPath))
        using (var gz = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gz, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            writer.WriteLine("# Marsad clitic segmenter: word-form counts (keys: SegmenterLexicon.Key) from news text.");
            writer.WriteLine($"# Source: {string.Join(", ", sources)} (ANT corpus, Apache-2.0; Chouigui et al. 2021). {documents} documents, {words} Arabic words; forms seen at least {options.MinCount} times.");
            writer.WriteLine("# Rebuild: marsad train segmenter (see models/MODELS.md).");
            foreach (var (k, c) in kept)
            {
                writer.Write(k);
                writer.Write('\t');
                writer.WriteLine(c.ToString(CultureInfo.InvariantCulture));
            }
        }

        var namesPath = Path.Combine(options.Output, "segmenter-names.tsv");
        using (var writer = new StreamWriter(namesPath, false, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            writer.WriteLine("# Marsad clitic segmenter: one-word names that stay whole (keys: SegmenterLexicon.Key).");
            writer.WriteLine("# Sources: GATE Arabic gazetteer lists (University of Sheffield, https://gate.ac.uk, LGPL-3.0);");
            writer.WriteLine($"# mledoze/countries and dr5hn/countries-states-cities-database (ODbL 1.0; cities with population >= {options.MinCityPopulation}).");
            writer.WriteLine("# This derived list is made available under the same terms (LGPL-3.0 / ODbL 1.0). Rebuild: marsad train segmenter.");
            foreach (var name in names)
            {
                writer.WriteLine(name);
            }
        }

        return new SegmenterTrainingResult(documents, words, kept.Count, names.Count, countsPath, namesPath);
    }

    private static void AddName(SortedSet<string> names, string entry)
    {
        entry = entry.Trim();
        if (entry.Length == 0 || entry.Contains(' ', StringComparison.Ordinal))
        {
            return; // only one-word names matter to a word segmenter
        }

        foreach (var c in entry)
        {
            if (!ArabicLetters.IsArabicLetter(c) && !ArabicLetters.IsMark(c) && c != ArabicLetters.Tatweel)
            {
                return;
            }
        }

        var key = SegmenterLexicon.Key(entry);
        // Names with the article (العراق، الجزائر) are article + name like any noun; protecting them would hide the article.
        if (key.Length >= 4 && !key.StartsWith("\u0627\u0644", StringComparison.Ordinal))
        {
            names.Add(key);
        }
    }
}
