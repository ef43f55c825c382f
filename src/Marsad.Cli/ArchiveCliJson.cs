using System.Text.Json.Serialization;
using Marsad.Storage;

namespace Marsad.Cli;

/// <summary>What `marsad ingest --json` prints.</summary>
public sealed record IngestOutput(
    long Accepted,
    long Duplicates,
    long ExactDuplicates,
    long NearDuplicates,
    long AlreadyStored,
    long Rejected,
    IReadOnlyDictionary<string, int> RejectedByCode,
    double Seconds,
    double ArticlesPerSecond,
    string RejectsFile,
    IReadOnlyDictionary<string, double> StageSeconds,
    ArchiveStats Archive);

/// <summary>What `marsad stories --json` prints: the number of stories that match (all pages) and the page asked for.</summary>
public sealed record StoriesOutput(int Total, int Offset, IReadOnlyList<StorySummary> Stories);

/// <summary>What `marsad quotes --json` prints.</summary>
public sealed record QuotesOutput(string Speaker, IReadOnlyList<StoredQuote> Quotes);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(IngestOutput))]
[JsonSerializable(typeof(SearchResults))]
[JsonSerializable(typeof(StoriesOutput))]
[JsonSerializable(typeof(EntityProfile))]
[JsonSerializable(typeof(QuotesOutput))]
[JsonSerializable(typeof(Marsad.Storage.Evaluation.SearchEvaluation))]
[JsonSerializable(typeof(Marsad.Storage.Evaluation.StoryEvaluation))]
[JsonSerializable(typeof(Marsad.Storage.Evaluation.SearchLatency))]
public sealed partial class ArchiveCliJsonContext : JsonSerializerContext
{
}

/// <summary>Serializer settings for the archive commands' JSON output (Arabic written as-is).</summary>
public static class ArchiveCliJson
{
    public static ArchiveCliJsonContext Readable { get; } = new(new System.Text.Json.JsonSerializerOptions(ArchiveCliJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
