using System.Text.Json.Serialization;
using Marsad.Storage.Postgres;

namespace Marsad.Cli;

/// <summary>What <c>marsad ingest --db</c> prints with --json.</summary>
public sealed record EnqueueOutput(long Read, int Enqueued, long AlreadyQueued, long Rejected, IReadOnlyDictionary<string, int> RejectedByCode, double Seconds, QueueCounts Queue);

/// <summary>What <c>marsad worker</c> prints with --json.</summary>
public sealed record WorkerOutput(string Worker, int Jobs, int Originals, int Duplicates, int AlreadyStored, int Failed, int Reconnects, double Seconds, double ArticlesPerSecond, QueueCounts Queue);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(EnqueueOutput))]
[JsonSerializable(typeof(WorkerOutput))]
internal sealed partial class ServerModeJsonContext : JsonSerializerContext
{
}
