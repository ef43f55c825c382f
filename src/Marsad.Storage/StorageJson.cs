using System.Text.Json.Serialization;

namespace Marsad.Storage;

/// <summary>Internal JSON shapes the archive stores in SQLite (story centroids and counts).</summary>
internal sealed record StoredCentroid(IReadOnlyList<string> Terms, IReadOnlyList<float> Weights);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoredCentroid))]
[JsonSerializable(typeof(Dictionary<string, int>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext
{
}
