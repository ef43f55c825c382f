using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Marsad.Stories;

namespace Marsad.Storage;

/// <summary>A stored story row as both archives read it for listing.</summary>
internal sealed record StoryRow(long Id, string? Headline, string? Representative, int Size, long First, long Last, string Entities, string Sources);

/// <summary>
/// What the embedded and PostgreSQL archives share about stored stories: restoring the clusterer's
/// state from a row, ranking stories (trending first) and turning a row into a <see cref="StorySummary"/>.
/// </summary>
internal static class StoryRows
{
    /// <summary>
    /// Restores one story from a reader positioned on a row of
    /// (id, headline, representative, representative_score, first_seen, last_seen, size, centroid, entities, sources).
    /// </summary>
    public static void Restore(StoryClusterer stories, DbDataReader reader)
    {
        var centroid = JsonSerializer.Deserialize(reader.GetString(7), StorageJsonContext.Default.StoredCentroid)!;
        var entities = JsonSerializer.Deserialize(reader.GetString(8), StorageJsonContext.Default.DictionaryStringInt32) ?? [];
        var sources = JsonSerializer.Deserialize(reader.GetString(9), StorageJsonContext.Default.ListString) ?? [];
        stories.RestoreStory(StoryState.Restore(
            stories,
            reader.GetInt64(0),
            DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(4)),
            DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(5)),
            reader.GetInt32(6),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
            reader.IsDBNull(3) ? 0 : reader.GetDouble(3),
            centroid.Terms.Zip(centroid.Weights),
            entities,
            sources));
    }

    /// <summary>
    /// The stories that match, most recently active first, then the largest (copies included), then the latest
    /// (then the id, so that pages do not overlap); returns how many match and the page the query asks for.
    /// </summary>
    public static (int Total, List<StoryRow> Page) Rank(IEnumerable<StoryRow> rows, IReadOnlyDictionary<long, int> recent, IReadOnlyDictionary<long, int> copies, StoryQuery query)
    {
        var ranked = rows.Where(r => r.Size + copies.GetValueOrDefault(r.Id) >= query.MinSize)
            .OrderByDescending(r => recent.GetValueOrDefault(r.Id))
            .ThenByDescending(r => r.Size + copies.GetValueOrDefault(r.Id))
            .ThenByDescending(r => r.Last)
            .ThenBy(r => r.Id)
            .ToList();
        return (ranked.Count, ranked.Skip(query.Offset).Take(query.Limit).ToList());
    }

    public static StorySummary Summary(StoryRow r, IReadOnlyDictionary<long, int> recent, IReadOnlyDictionary<long, int> copies, StoryQuery query, IReadOnlyList<string> members)
    {
        var entities = JsonSerializer.Deserialize(r.Entities, StorageJsonContext.Default.DictionaryStringInt32) ?? [];
        var sources = JsonSerializer.Deserialize(r.Sources, StorageJsonContext.Default.ListString) ?? [];
        var days = Math.Max(query.Window.TotalDays, 1e-9);
        return new StorySummary(
            r.Id,
            r.Headline,
            r.Representative,
            r.Size + copies.GetValueOrDefault(r.Id),
            copies.GetValueOrDefault(r.Id),
            FormatTime(r.First),
            FormatTime(r.Last),
            Math.Round(recent.GetValueOrDefault(r.Id) / days, 3),
            sources,
            entities.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Take(5).Select(e => e.Key).ToList(),
            members);
    }

    public static string FormatTime(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
