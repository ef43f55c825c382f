using Marsad.Ingest;

namespace Marsad.Storage.Ingest;

/// <summary>Options of one ingest run.</summary>
public sealed record IngestOptions
{
    public ReadOptions Read { get; init; } = new();

    /// <summary>Analyser tasks; default one per core.</summary>
    public int Analysers { get; init; } = Environment.ProcessorCount;

    /// <summary>Articles per SQLite transaction and index commit.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>A partial batch is committed after this long, so that a slow feed is still saved.</summary>
    public TimeSpan MaxBatchDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Articles waiting between stages: bounds memory whatever the input size.</summary>
    public int QueueCapacity { get; init; } = 64;

    /// <summary>
    /// Analysed articles waiting for the writer. Larger than <see cref="QueueCapacity"/>: while the writer commits
    /// the index (seconds on a busy disk) the analysers go on for about as long instead of stopping and leaving a
    /// core idle. It is full only during such stalls (peak RSS of a 10,000-article ingest did not change with it).
    /// </summary>
    public int StoreQueueCapacity { get; init; } = 512;

    /// <summary>Told of each kept record with a warning (MRS111: its date not understood); called on the reading thread.</summary>
    public Action<Marsad.Errors.MarsadException>? OnWarning { get; init; }
}

/// <summary>One input record that was not archived, and why (also a line of rejects.jsonl).</summary>
public sealed record IngestRejection(string? Input, string Code, string Message);

/// <summary>Live counters of a run, updated by the ingest threads and read by the progress display.</summary>
public sealed class IngestCounters
{
    private long _read;
    private long _accepted;
    private long _duplicates;
    private long _alreadyStored;
    private long _rejected;

    /// <summary>Articles expected in the inputs (an estimate from a quick scan), for the ETA.</summary>
    public long Expected { get; set; }

    public long Read => Interlocked.Read(ref _read);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long AlreadyStored => Interlocked.Read(ref _alreadyStored);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Records finished: stored, linked, skipped or rejected.</summary>
    public long Done => Accepted + Duplicates + AlreadyStored + Rejected;

    internal void AddRead() => Interlocked.Increment(ref _read);

    internal void AddAccepted(long n) => Interlocked.Add(ref _accepted, n);

    internal void AddDuplicates(long n) => Interlocked.Add(ref _duplicates, n);

    internal void AddAlreadyStored(long n) => Interlocked.Add(ref _alreadyStored, n);

    internal void AddRejected() => Interlocked.Increment(ref _rejected);
}

/// <summary>Time spent per stage (summed over threads), to find where an ingest spends its time.</summary>
public sealed class StageTimes
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);

    public void Add(string stage, long stopwatchTicks) => _ticks.AddOrUpdate(stage, stopwatchTicks, (_, t) => t + stopwatchTicks);

    /// <summary>
    /// Adds the calling thread's CPU time since <paramref name="startCpuSeconds"/> (a <see cref="ThreadCpuStart"/>)
    /// as stage "<paramref name="stage"/>.cpu": unlike wall time, it does not grow when the machine is busy.
    /// </summary>
    public void AddThreadCpu(string stage, double? startCpuSeconds)
    {
        if (startCpuSeconds is { } start && Evaluation.ThreadCpuClock.Now() is { } now)
        {
            Add(stage + ".cpu", (long)((now - start) * System.Diagnostics.Stopwatch.Frequency));
        }
    }

    /// <summary>The calling thread's CPU seconds so far (null where the clock is not available).</summary>
    public static double? ThreadCpuStart() => Evaluation.ThreadCpuClock.Now();

    /// <summary>Seconds per stage.</summary>
    public IReadOnlyDictionary<string, double> Seconds() =>
        _ticks.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value / (double)System.Diagnostics.Stopwatch.Frequency, 3), StringComparer.Ordinal);
}

/// <summary>The outcome of a run.</summary>
public sealed record IngestSummary(
    long Accepted,
    long Duplicates,
    long ExactDuplicates,
    long NearDuplicates,
    long AlreadyStored,
    long Rejected,
    IReadOnlyDictionary<string, int> RejectedByCode,
    double Seconds,
    string RejectsFile,
    IReadOnlyDictionary<string, double> StageSeconds)
{
    public double ArticlesPerSecond => Seconds > 0 ? (Accepted + Duplicates + AlreadyStored) / Seconds : 0;
}
