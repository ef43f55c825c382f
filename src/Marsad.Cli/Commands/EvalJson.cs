using System.Text.Json;

namespace Marsad.Cli.Commands;

/// <summary>JSON settings shared by the eval, train and bench commands: camelCase, nulls left out, Arabic as-is.</summary>
internal static class EvalJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };
}
