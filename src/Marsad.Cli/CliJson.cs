using System.Text.Json.Serialization;
using Marsad.Json;

namespace Marsad.Cli;

/// <summary>What `marsad analyze --json` prints: the analysed articles and the inputs that failed.</summary>
public sealed record AnalyzeOutput
{
    public string Version { get; init; } = AnalysisDocument.ContractVersion;

    public required IReadOnlyList<AnalysisDocument> Articles { get; init; }

    public required IReadOnlyList<ErrorDto> Errors { get; init; }
}

/// <summary>One failed input: which, the stable code, and why.</summary>
public sealed record ErrorDto(string? Input, string Code, string Message);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(AnalyzeOutput))]
[JsonSerializable(typeof(Marsad.Text.SegmentationScore))]
[JsonSerializable(typeof(Marsad.Entities.Kb.KbBuildSummary))]
[JsonSerializable(typeof(Marsad.Entities.Evaluation.EntityEvalReport))]
public sealed partial class CliJsonContext : JsonSerializerContext
{
}

/// <summary>Serializer settings for the CLI's JSON output.</summary>
public static class CliJson
{
    /// <summary>The context with Arabic written as-is (not \uXXXX); for terminals and files; the API escapes HTML-significant characters.</summary>
    public static CliJsonContext Readable { get; } = new(new System.Text.Json.JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
