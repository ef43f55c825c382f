using System.Text.Json;

namespace Marsad.Bench;

/// <summary>
/// The real news text every benchmark reads: the first articles of the ANT v2.1 dev split in ../shared/data
/// (never committed). Set MARSAD_SHARED to the shared folder when it is not beside the repository.
/// </summary>
public static class NewsText
{
    public const string Relative = "data/news-classification/ant-v2.1-multisource/dev.jsonl";

    /// <summary>Title and text of the first <paramref name="articles"/> articles, joined by blank lines.</summary>
    public static string Load(int articles)
    {
        var path = Locate() ?? throw new InvalidOperationException($"shared/{Relative} not found: set MARSAD_SHARED to the shared folder");
        var builder = new System.Text.StringBuilder();
        foreach (var line in File.ReadLines(path).Take(articles))
        {
            using var json = JsonDocument.Parse(line);
            builder.Append(json.RootElement.GetProperty("title").GetString()).Append("\n\n");
            builder.Append(json.RootElement.GetProperty("text").GetString()).Append("\n\n");
        }

        return builder.ToString();
    }

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, Relative)))
        {
            return Path.Combine(fromEnvironment, Relative);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", Relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
