using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marsad.Errors;
using Marsad.Model;

namespace Marsad.Entities.Evaluation;

/// <summary>A gold entity cluster: its type, canonical Arabic name, and Wikidata id (null when it has none or none is known).</summary>
public sealed record GoldCluster(string Id, string Type, string Canonical, string? WikidataId);

/// <summary>A gold mention: its span in the analysed article's text and the cluster it belongs to.</summary>
public sealed record GoldMention(int Start, int End, string Type, string Text, string ClusterId);

/// <summary>One gold article: the article (markup removed), its mentions and its clusters.</summary>
public sealed record GoldArticle(Article Article, IReadOnlyList<GoldMention> Mentions, IReadOnlyDictionary<string, GoldCluster> Clusters);

/// <summary>
/// Reads the entity gold format (gold/entities/*.json): <c>{"articles": [{"id", "headline", "paragraphs",
/// "entities": {"ID": {"type", "canonical", "wikidata"}}}]}</c>, where each mention is marked inline in the
/// headline and paragraphs as <c>[[surface|ID]]</c> — the surface as written, clitics included (لروسيا).
/// </summary>
public static partial class EntityGold
{
    public static IReadOnlyList<GoldArticle> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new MarsadException(ErrorCodes.NotFound, "the gold file does not exist", path);
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var articles = new List<GoldArticle>();
            foreach (var a in json.RootElement.GetProperty("articles").EnumerateArray())
            {
                articles.Add(ReadArticle(a, path));
            }

            return articles;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new MarsadException(ErrorCodes.BadGold, "not an entity gold file: " + e.Message, path, e);
        }
    }

    private static GoldArticle ReadArticle(JsonElement a, string path)
    {
        var id = a.GetProperty("id").GetString()!;
        var clusters = new Dictionary<string, GoldCluster>(StringComparer.Ordinal);
        foreach (var p in a.GetProperty("entities").EnumerateObject())
        {
            var wikidata = p.Value.TryGetProperty("wikidata", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString() : null;
            clusters[p.Name] = new GoldCluster(p.Name, p.Value.GetProperty("type").GetString()!, p.Value.GetProperty("canonical").GetString()!, wikidata);
        }

        var marked = new List<(int Block, int Start, int End, string Cluster)>();
        string Strip(string text, int block)
        {
            var sb = new StringBuilder();
            var last = 0;
            foreach (Match m in Markup().Matches(text))
            {
                sb.Append(text, last, m.Index - last);
                var cluster = m.Groups[2].Value;
                if (!clusters.ContainsKey(cluster))
                {
                    throw new MarsadException(ErrorCodes.BadGold, $"article {id}: mention [[{m.Groups[1].Value}|{cluster}]] names no entity", path);
                }

                marked.Add((block, sb.Length, sb.Length + m.Groups[1].Length, cluster));
                sb.Append(m.Groups[1].Value);
                last = m.Index + m.Length;
            }

            sb.Append(text, last, text.Length - last);
            return sb.ToString();
        }

        var headline = a.TryGetProperty("headline", out var h) ? Strip(h.GetString() ?? "", 0) : null;
        var paragraphs = a.GetProperty("paragraphs").EnumerateArray().Select((p, i) => Strip(p.GetString() ?? "", i + 1)).ToList();
        var article = new Article { Id = id, Format = "gold", Headline = string.IsNullOrEmpty(headline) ? null : headline, Paragraphs = paragraphs, Origin = path + "#" + id };
        var doc = new AnalyzedArticle(article);

        // Blocks are headline (block 0 when present) then paragraphs; map marked offsets into the article text.
        var blockStarts = new Dictionary<int, int>();
        var b = 0;
        if (article.Headline is not null)
        {
            blockStarts[0] = doc.Blocks[b++].Start;
        }

        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(paragraphs[i]))
            {
                blockStarts[i + 1] = doc.Blocks[b++].Start;
            }
        }

        var mentions = marked
            .Select(m => (Start: blockStarts[m.Block] + m.Start, End: blockStarts[m.Block] + m.End, m.Cluster))
            .Select(m => new GoldMention(m.Start, m.End, clusters[m.Cluster].Type, doc.Slice(m.Start, m.End), m.Cluster))
            .OrderBy(m => m.Start)
            .ToList();
        return new GoldArticle(article, mentions, clusters);
    }

    [GeneratedRegex(@"\[\[([^\[\]|]+)\|([^\[\]|]+)\]\]")]
    private static partial Regex Markup();
}
