using Marsad.Evaluation;
using System.Text.Json;
using Marsad.Errors;

namespace Marsad.Time;

/// <summary>One gold sentence: text, anchor (null: none), split and expected expressions.</summary>
public sealed record TimeGoldRecord(string Id, string Split, string Text, DateOnly? Anchor, IReadOnlyList<TimeGoldExpression> Expressions);

/// <summary>One expected expression: [Start, End) in the sentence, its surface, type and value (null: unresolved).</summary>
public sealed record TimeGoldExpression(int Start, int End, string Surface, string Type, string? Value);

/// <summary>Reads the time gold file (gold/time/time-gold.jsonl): one JSON object per line.</summary>
public static class TimeGold
{
    public static IReadOnlyList<TimeGoldRecord> Read(string path) => GoldFiles.ReadJsonLines(path, (line, _) => Parse(line));

    private static TimeGoldRecord Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var text = root.GetProperty("text").GetString() ?? throw new FormatException("text is null");
        var anchorText = root.TryGetProperty("anchor", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        DateOnly? anchor = anchorText is null ? null : DateOnly.ParseExact(anchorText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var expressions = new List<TimeGoldExpression>();
        foreach (var e in root.GetProperty("expressions").EnumerateArray())
        {
            var start = e.GetProperty("start").GetInt32();
            var end = e.GetProperty("end").GetInt32();
            var surface = e.GetProperty("surface").GetString() ?? string.Empty;
            if (start < 0 || end > text.Length || start >= end || text[start..end] != surface)
            {
                throw new FormatException($"expression '{surface}' does not match the text at [{start}, {end})");
            }

            var value = e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            expressions.Add(new TimeGoldExpression(start, end, surface, e.GetProperty("type").GetString() ?? "DATE", value));
        }

        var id = root.TryGetProperty("id", out var idElement) ? idElement.GetString() ?? string.Empty : string.Empty;
        var split = root.TryGetProperty("split", out var s) ? s.GetString() ?? "dev" : "dev";
        return new TimeGoldRecord(id, split, text, anchor, expressions);
    }
}
