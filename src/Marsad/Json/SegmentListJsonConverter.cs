using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Marsad.Model;

namespace Marsad.Json;

/// <summary>
/// Writes a token's <see cref="SegmentList"/> as the JSON array of segments the contract has always had (each segment
/// through source-generated metadata for <see cref="Segment"/>, so names, enum strings and escaping are unchanged),
/// and reads it back into an array of its own.
/// </summary>
public sealed class SegmentListJsonConverter : JsonConverter<SegmentList>
{
    public override SegmentList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var segment = SegmentInfo(options);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("segments: an array was expected");
        }

        var segments = new List<Segment>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            segments.Add(JsonSerializer.Deserialize(ref reader, segment));
        }

        return segments.Count == 0 ? SegmentList.Empty : new SegmentList([.. segments], 0, segments.Count);
    }

    public override void Write(Utf8JsonWriter writer, SegmentList value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var segment = SegmentInfo(options);
        writer.WriteStartArray();
        foreach (var s in value)
        {
            JsonSerializer.Serialize(writer, s, segment);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// The serializer's own metadata for a segment when its context has it, else the contract's context's (every context
    /// that writes tokens has the same camelCase names and enum strings; the writer keeps the caller's escaping).
    /// </summary>
    private static JsonTypeInfo<Segment> SegmentInfo(JsonSerializerOptions options) =>
        options.TryGetTypeInfo(typeof(Segment), out var info) && info is JsonTypeInfo<Segment> segment ? segment : MarsadJsonContext.Default.Segment;
}
