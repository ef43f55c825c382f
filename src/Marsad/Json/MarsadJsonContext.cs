using System.Text.Json.Serialization;
using Marsad.Model;

namespace Marsad.Json;

/// <summary>Source-generated System.Text.Json metadata for the public contract (camelCase, enums as strings).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(AnalysisDocument))]
[JsonSerializable(typeof(List<AnalysisDocument>))]
[JsonSerializable(typeof(ArticleDto))]
[JsonSerializable(typeof(Article))]
[JsonSerializable(typeof(Segment))] // written one by one by SegmentListJsonConverter
public sealed partial class MarsadJsonContext : JsonSerializerContext
{
}

/// <summary>Serializer options for the contract.</summary>
public static class MarsadJson
{
    /// <summary>The contract's context with Arabic written as-is (not \uXXXX); for terminals and files.</summary>
    public static MarsadJsonContext Readable { get; } = new(new System.Text.Json.JsonSerializerOptions(MarsadJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>For HTTP responses: Arabic as-is, but &lt; &gt; &amp; ' " escaped so no payload can read as markup.</summary>
    public static MarsadJsonContext Web { get; } = new(new System.Text.Json.JsonSerializerOptions(MarsadJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        WriteIndented = false,
    });
}
