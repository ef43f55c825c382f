using System.Text;

namespace Marsad.Storage.Embedded;

/// <summary>The article list and single-story lookups behind the HTTP API.</summary>
public sealed partial class EmbeddedArchive
{
    public ArticlePage Articles(ArticleListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder("a.duplicate_of IS NULL");
        var parameters = new List<(string, object?)>();
        void Add(string clause, string name, object? value)
        {
            where.Append(" AND ").Append(clause);
            parameters.Add((name, value));
        }

        // Source and section compare case-insensitively, as the search filters do.
        if (!string.IsNullOrEmpty(query.Source)) Add("lower(a.source) = lower($source)", "$source", query.Source);
        if (!string.IsNullOrEmpty(query.Section)) Add("lower(a.section) = lower($section)", "$section", query.Section);
        if (query.From is { } from) Add("a.published >= $from", "$from", from.ToUnixTimeSeconds());
        if (query.To is { } to) Add("a.published <= $to", "$to", to.ToUnixTimeSeconds());
        if (!string.IsNullOrEmpty(query.EntityKey)) Add("EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article_id = a.id AND ae.entity_key = $entity)", "$entity", query.EntityKey);

        var sql = $"SELECT a.id FROM articles a WHERE {where} ORDER BY a.published DESC, a.seq DESC";
        var ids = new List<string>();
        using (var cmd = Command(sql, [.. parameters]))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        // The topic lives in the stored analysis, so it is filtered after decoding (only when asked).
        if (string.IsNullOrEmpty(query.Topic))
        {
            var page = ids.Skip(query.Offset).Take(query.Limit).Select(GetArticle).OfType<StoredArticle>().ToList();
            return new ArticlePage(ids.Count, page);
        }

        var matching = ids.Select(GetArticle).OfType<StoredArticle>()
            .Where(a => string.Equals(a.Analysis.Topics.FirstOrDefault()?.Label, query.Topic, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return new ArticlePage(matching.Count, matching.Skip(query.Offset).Take(query.Limit).ToList());
    }

    /// <summary>Reads only that story's row and members (not every story's).</summary>
    public StorySummary? Story(long storyId) =>
        Stories(new StoryQuery { StoryId = storyId, MinSize = 1, Limit = 1 }).Items.FirstOrDefault();
}
