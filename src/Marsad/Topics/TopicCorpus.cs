using Marsad.Evaluation;
using System.Text.Json;
using Marsad.Errors;

namespace Marsad.Topics;

/// <summary>
/// One labelled article of a topic corpus (ANT JSONL: id, source, category, title, text, and the RSS description or
/// standfirst as <paramref name="Standfirst"/>, read only by models trained with it: see <see cref="TopicStandfirst"/>).
/// </summary>
public sealed record TopicRecord(string Id, string? Source, string Label, string? Title, string Text, string? Standfirst = null);

/// <summary>Reads labelled topic corpora (JSON Lines with a category mapped by <see cref="TopicLabels"/>).</summary>
public static class TopicCorpus
{
    public static List<TopicRecord> Read(string path) => GoldFiles.ReadJsonLines(path, (line, lineNumber) =>
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var category = Str(root, "category") ?? Str(root, "label") ?? Str(root, "section");
        var label = TopicLabels.FromCorpus(category)
            ?? throw new MarsadException(ErrorCodes.BadGold, $"unknown category '{category}'", $"{path}#{lineNumber}");
        var text = Str(root, "text") ?? string.Empty;
        var title = Str(root, "title");
        var standfirst = Str(root, "abstract") ?? Str(root, "standfirst") ?? Str(root, "description") ?? Str(root, "summary");
        return new TopicRecord(Str(root, "id") ?? $"{lineNumber}", Str(root, "source"), label, title, text, standfirst);
    });

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
