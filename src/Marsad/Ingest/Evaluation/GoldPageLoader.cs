using System.Globalization;
using System.Text.Json;
using Marsad.Errors;

namespace Marsad.Ingest.Evaluation;

/// <summary>
/// Finds saved pages and their gold under a folder. The gold formats are those of the open-source
/// extraction projects the pages come from, recognised by file name and shape, never by outlet:
/// <list type="bullet">
/// <item><c>NAME.gold.txt</c> beside <c>NAME.html</c>: the whole main text (newspaper4k).</item>
/// <item><c>*.gold.json</c> with a <c>V1</c> object: fundus — body summary, section headlines and paragraphs,
/// <c>publishing_date</c>, <c>title</c>; the page is named in <c>meta.info</c> (or is the folder's only .html).</item>
/// <item><c>NAME.gold.json</c> with <c>expected.cleaned_text</c>: goose3 — a prefix of the main text.</item>
/// <item><c>gold.json</c>, an array of {file, title, date, with, without}: trafilatura's snippets.</item>
/// <item><c>gold_dates.json</c>, an array of {file, date}: htmldate's publication dates.</item>
/// </list>
/// </summary>
public static class GoldPageLoader
{
    public static IReadOnlyList<GoldPage> Load(string folder)
    {
        if (File.Exists(folder))
        {
            throw new MarsadException(ErrorCodes.BadArgument, "is a file: give the folder of saved pages", folder);
        }

        if (!Directory.Exists(folder))
        {
            throw new MarsadException(ErrorCodes.NotFound, "no such folder", folder);
        }

        var pages = new SortedDictionary<string, GoldPage>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(file);
            try
            {
                if (fileName.EndsWith(".gold.txt", StringComparison.OrdinalIgnoreCase))
                {
                    var html = Sibling(file, fileName[..^".gold.txt".Length] + ".html");
                    Merge(pages, folder, html, file, p => p with { Text = File.ReadAllText(file), TextKind = GoldTextKind.Full });
                }
                else if (fileName.EndsWith(".gold.json", StringComparison.OrdinalIgnoreCase))
                {
                    LoadGoldJson(pages, folder, file, fileName);
                }
                else if (fileName.Equals("gold.json", StringComparison.OrdinalIgnoreCase) || fileName.Equals("gold_dates.json", StringComparison.OrdinalIgnoreCase))
                {
                    LoadGoldArray(pages, folder, file);
                }
            }
            catch (JsonException e)
            {
                throw new MarsadException(ErrorCodes.BadGold, $"malformed gold JSON: {e.Message}", file, e);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new MarsadException(ErrorCodes.BadGold, $"unexpected gold shape: {e.Message}", file, e);
            }
        }

        return pages.Values.ToList();
    }

    private static void LoadGoldJson(SortedDictionary<string, GoldPage> pages, string folder, string file, string fileName)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var root = json.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("V1", out var fundus))
        {
            var html = FundusPage(file);
            var parts = new List<string>();
            if (fundus.TryGetProperty("body", out var body))
            {
                AddStrings(parts, body, "summary");
                if (body.TryGetProperty("sections", out var sections))
                {
                    foreach (var section in sections.EnumerateArray())
                    {
                        AddStrings(parts, section, "headline");
                        AddStrings(parts, section, "paragraphs");
                    }
                }
            }

            Merge(pages, folder, html, file, p => p with
            {
                Text = string.Join("\n\n", parts),
                TextKind = GoldTextKind.Full,
                Title = fundus.TryGetProperty("title", out var t) ? t.GetString() : p.Title,
                Date = fundus.TryGetProperty("publishing_date", out var d) ? ParseDate(d.GetString()) ?? p.Date : p.Date,
            });
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("expected", out var expected)
            && expected.TryGetProperty("cleaned_text", out var cleaned))
        {
            var html = Sibling(file, fileName[..^".gold.json".Length] + ".html");
            Merge(pages, folder, html, file, p => p with { Text = cleaned.GetString(), TextKind = GoldTextKind.Prefix });
        }
        else
        {
            throw new MarsadException(ErrorCodes.BadGold, "a .gold.json that is neither fundus (V1) nor goose3 (expected.cleaned_text)", file);
        }
    }

    private static void LoadGoldArray(SortedDictionary<string, GoldPage> pages, string folder, string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var entry in json.RootElement.EnumerateArray())
        {
            var html = Sibling(file, entry.GetProperty("file").GetString()!);
            var date = entry.TryGetProperty("date", out var d) ? ParseDate(d.GetString()) : null;
            var title = entry.TryGetProperty("title", out var t) && t.GetString() is { Length: > 0 } s ? s : null;
            var with = Strings(entry, "with");
            var without = Strings(entry, "without");
            Merge(pages, folder, html, file, p => p with
            {
                Date = date ?? p.Date,
                Title = title ?? p.Title,
                MustContain = with.Count > 0 ? with : p.MustContain,
                MustNotContain = without.Count > 0 ? without : p.MustNotContain,
            });
        }
    }

    /// <summary>The page a fundus gold file describes: the key of meta.info without ".gz", else the folder's only .html.</summary>
    private static string FundusPage(string goldFile)
    {
        var dir = Path.GetDirectoryName(goldFile)!;
        var meta = Path.Combine(dir, "meta.info");
        if (File.Exists(meta))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(meta));
            foreach (var property in json.RootElement.EnumerateObject())
            {
                var name = property.Name.EndsWith(".gz", StringComparison.Ordinal) ? property.Name[..^3] : property.Name;
                if (File.Exists(Path.Combine(dir, name)))
                {
                    return Path.Combine(dir, name);
                }
            }
        }

        var htmls = Directory.GetFiles(dir, "*.html");
        return htmls.Length == 1
            ? htmls[0]
            : throw new MarsadException(ErrorCodes.BadGold, "cannot tell which page this fundus gold describes (no meta.info, several .html)", goldFile);
    }

    private static string Sibling(string goldFile, string name)
    {
        var path = Path.Combine(Path.GetDirectoryName(goldFile)!, name);
        return File.Exists(path) ? path : throw new MarsadException(ErrorCodes.BadGold, $"the page '{name}' it describes is missing", goldFile);
    }

    private static void Merge(SortedDictionary<string, GoldPage> pages, string folder, string html, string goldFile, Func<GoldPage, GoldPage> update)
    {
        var name = Path.GetRelativePath(folder, html).Replace('\\', '/');
        var page = pages.GetValueOrDefault(name) ?? new GoldPage { Name = name, HtmlPath = html };
        page = update(page);
        pages[name] = page with { GoldSources = [.. page.GoldSources, Path.GetRelativePath(folder, goldFile).Replace('\\', '/')] };
    }

    private static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateParsing.TryParse(value) is { } parsed ? DateOnly.FromDateTime(parsed.DateTime) : null;
    }

    private static void AddStrings(List<string> into, JsonElement element, string property)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array)
        {
            into.AddRange(value.EnumerateArray().Select(v => v.GetString()).OfType<string>());
        }
    }

    private static List<string> Strings(JsonElement element, string property)
    {
        var list = new List<string>();
        AddStrings(list, element, property);
        return list;
    }
}
