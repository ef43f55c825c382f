using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Marsad.Duplicates;
using Marsad.Errors;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Storage.Ingest;

/// <summary>
/// Ingest as a bounded pipeline: one reader (reads inputs, skips ids already stored, links exact and
/// near copies to their original so that copies are never analysed) → N analysers (the analysis
/// pipeline, one article per task, then the archive's order-free preparation: serialising, compressing, the
/// index document) → one writer that stores batches atomically. Bounded channels keep
/// memory flat; one bad record is rejected with a reason and the batch goes on.
/// </summary>
public sealed class ArchiveIngestor(IArchive archive, AnalysisPipeline pipeline, IngestOptions options)
{
    /// <summary>The file, in the data folder, listing the records the last run rejected (JSON Lines).</summary>
    public const string RejectsFile = "rejects.jsonl";

    public IngestCounters Counters { get; } = new();

    public StageTimes Times { get; } = new();

    /// <summary>Expands folders (recursively, in name order) into files.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(FilesUnder(path)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    /// <summary>
    /// Every file under a folder, recursively. A folder that cannot be listed (no permission) is
    /// returned itself, so that reading it rejects it with the reason instead of the whole run failing.
    /// </summary>
    private static List<string> FilesUnder(string root)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            try
            {
                var files = Directory.GetFiles(folder);
                var folders = Directory.GetDirectories(folder);
                found.AddRange(files);
                foreach (var sub in folders)
                {
                    pending.Push(sub);
                }
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                found.Add(folder);
            }
        }

        return found;
    }

    /// <summary>A quick estimate of the articles in a file: lines of JSONL, items of a feed, else one page.</summary>
    public static long EstimateArticles(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists || info.Length > InputSource.MaxBytes)
            {
                return 1;
            }

            var ext = info.Extension.ToLowerInvariant();
            if (ext is ".jsonl" or ".ndjson" or ".json")
            {
                return Math.Max(1, File.ReadLines(file).Count(l => l.Length > 1));
            }

            if (ext is ".rss" or ".xml" or ".atom")
            {
                var text = File.ReadAllText(file);
                var items = CountOf(text, "<item") + CountOf(text, "<entry");
                return Math.Max(1, items);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 1;
    }

    /// <summary>Runs the ingest of the files to the end (or until cancelled, after saving what was analysed).</summary>
    public async Task<IngestSummary> RunAsync(IReadOnlyList<string> files, string rejectsPath, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var gcPauseBefore = GC.GetTotalPauseDuration();
        var toAnalyse = Channel.CreateBounded<(Article Article, ContentFingerprint Fingerprint)>(new BoundedChannelOptions(options.QueueCapacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        var toStore = Channel.CreateBounded<object>(new BoundedChannelOptions(options.StoreQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var rejectedByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        long exact = 0, near = 0;

        var reader = Task.Run(
            async () =>
            {
                try
                {
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var file in files)
                    {
                        foreach (var outcome in ArticleReaders.ReadPath(file, options.Read))
                        {
                            if (cancellationToken.IsCancellationRequested)
                            {
                                return;
                            }

                            Counters.AddRead();
                            if (outcome.Error is { } error)
                            {
                                await toStore.Writer.WriteAsync(new IngestRejection(error.Input ?? file, error.Code, error.Message), CancellationToken.None);
                                continue;
                            }

                            var article = outcome.Article!;
                            if (!seen.Add(article.Id) || archive.Contains(article.Id))
                            {
                                Counters.AddAlreadyStored(1);
                                continue;
                            }

                            // After the check above: a warning says the article is kept, which a stored one is not (again).
                            if (outcome.Warning is { } warning)
                            {
                                options.OnWarning?.Invoke(warning);
                            }

                            var started = Stopwatch.GetTimestamp();
                            var fingerprint = ContentFingerprint.Of(article);
                            var match = archive.FindDuplicate(fingerprint);
                            Times.Add("read.fingerprint", Stopwatch.GetTimestamp() - started);
                            if (match is not null)
                            {
                                await toStore.Writer.WriteAsync(new DuplicateEntry(article, match), CancellationToken.None);
                                continue;
                            }

                            archive.RegisterOriginal(article.Id, fingerprint);
                            // The fingerprint goes along: the analyser stores it with the original instead of computing it again.
                            await toAnalyse.Writer.WriteAsync((article with { }, fingerprint), CancellationToken.None);
                        }
                    }
                }
                finally
                {
                    toAnalyse.Writer.Complete();
                }
            },
            CancellationToken.None);

        var analysers = Enumerable.Range(0, Math.Max(1, options.Analysers)).Select(_ => Task.Run(
            async () =>
            {
                await foreach (var (article, fingerprint) in toAnalyse.Reader.ReadAllAsync(CancellationToken.None))
                {
                    AnalyzedArticle doc;
                    var started = Stopwatch.GetTimestamp();
                    var cpu = StageTimes.ThreadCpuStart();
                    try
                    {
                        doc = pipeline.Analyze(article);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // Only a failure of this record's analysis becomes its rejection; the rest of the batch goes on.
                        await toStore.Writer.WriteAsync(new IngestRejection(article.Origin ?? article.Id, ErrorCodes.AnalysisFailed, $"the analysis failed: {e.GetType().Name}: {e.Message}"), CancellationToken.None);
                        continue;
                    }

                    var analysed = Stopwatch.GetTimestamp();
                    Times.Add("analyse", analysed - started);
                    Times.AddThreadCpu("analyse", cpu);
                    cpu = StageTimes.ThreadCpuStart();

                    // Serialising, compressing and indexing happen here, on the analysis threads: the single writer
                    // then only does what must be done in order (duplicates, stories, SQLite rows). A failure here is
                    // the archive's (a full disk, a closed index), not the record's: it fails the run, as the writer's do.
                    AnalysedEntry prepared;
                    try
                    {
                        prepared = archive.Prepare(new AnalysedEntry(doc, fingerprint));
                    }
                    catch (Exception e)
                    {
                        // Closing the store queue with the error ends the writer's loop with it (the run's failure).
                        toStore.Writer.TryComplete(e);
                        throw;
                    }

                    Times.Add("prepare", Stopwatch.GetTimestamp() - analysed);
                    Times.AddThreadCpu("prepare", cpu);
                    await toStore.Writer.WriteAsync(prepared, CancellationToken.None);
                }
            },
            CancellationToken.None)).ToList();

        var closer = Task.Run(async () =>
        {
            try
            {
                await reader;
                await Task.WhenAll(analysers);
            }
            finally
            {
                toStore.Writer.TryComplete();
            }
        });

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(rejectsPath))!);
        await using (var rejects = new StreamWriter(rejectsPath, append: false, new System.Text.UTF8Encoding(false)))
        {
            var batch = new List<ArchiveEntry>(options.BatchSize);
            var batchStarted = Stopwatch.StartNew();

            void Flush()
            {
                if (batch.Count == 0)
                {
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                var cpu = StageTimes.ThreadCpuStart();
                var result = archive.AddBatch(batch);
                Times.Add("store", Stopwatch.GetTimestamp() - started);
                Times.AddThreadCpu("store", cpu);
                foreach (var entry in batch.OfType<DuplicateEntry>())
                {
                    if (entry.Match.Kind == DuplicateKind.Exact)
                    {
                        exact++;
                    }
                    else
                    {
                        near++;
                    }
                }

                Counters.AddAccepted(result.Originals);
                Counters.AddDuplicates(result.Duplicates);
                Counters.AddAlreadyStored(result.AlreadyStored);
                batch.Clear();
                rejects.Flush();
            }

            var channel = toStore.Reader;
            while (true)
            {
                var wait = channel.WaitToReadAsync(CancellationToken.None).AsTask();
                if (batch.Count > 0)
                {
                    var remaining = options.MaxBatchDelay - batchStarted.Elapsed;
                    if (remaining <= TimeSpan.Zero || await Task.WhenAny(wait, Task.Delay(remaining, CancellationToken.None)) != wait)
                    {
                        Flush();
                        await wait;
                    }
                }

                if (!await wait)
                {
                    break;
                }

                while (channel.TryRead(out var item))
                {
                    switch (item)
                    {
                        case IngestRejection rejection:
                            Counters.AddRejected();
                            rejectedByCode[rejection.Code] = rejectedByCode.GetValueOrDefault(rejection.Code) + 1;
                            await rejects.WriteLineAsync(JsonSerializer.Serialize(rejection, IngestJsonContext.Default.IngestRejection));
                            break;
                        case ArchiveEntry entry:
                            if (batch.Count == 0)
                            {
                                batchStarted.Restart();
                            }

                            batch.Add(entry);
                            break;
                    }

                    if (batch.Count >= options.BatchSize)
                    {
                        Flush();
                    }
                }
            }

            Flush();
            var commitStart = Stopwatch.GetTimestamp();
            var flushCpu = StageTimes.ThreadCpuStart();
            archive.Flush();
            Times.Add("store.flush", Stopwatch.GetTimestamp() - commitStart);
            Times.AddThreadCpu("store.flush", flushCpu);
        }

        await closer;
        // Stop-the-world GC time of the run (all threads wait for it), to tell garbage collection from work.
        Times.Add("gc.pause", (long)((GC.GetTotalPauseDuration() - gcPauseBefore).TotalSeconds * Stopwatch.Frequency));
        return new IngestSummary(
            Counters.Accepted,
            Counters.Duplicates,
            exact,
            near,
            Counters.AlreadyStored,
            Counters.Rejected,
            rejectedByCode,
            watch.Elapsed.TotalSeconds,
            rejectsPath,
            Times.Seconds());
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(IngestRejection))]
internal sealed partial class IngestJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
