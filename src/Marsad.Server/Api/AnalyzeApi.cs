using System.Globalization;
using System.Text;
using Marsad.Errors;
using Marsad.Ingest;
using Marsad.Json;
using Marsad.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Marsad.Server.Api;

/// <summary>POST /api/analyze: raw text, HTML, a JSON article or a feed in; the analysis out; nothing stored.</summary>
public static class AnalyzeApi
{
    public static RouteGroupBuilder MapAnalyzeApi(this RouteGroupBuilder api, AnalysisPipeline pipeline, MarsadServerOptions options)
    {
        api.MapPost("/analyze", async (HttpRequest request, ILoggerFactory loggers, string? format, string? date) =>
        {
            var readOptions = new ReadOptions
            {
                Format = format is null ? InputFormat.Auto : ParseFormat(format) ?? InputFormat.Auto,
                DefaultDate = date is null ? null : ParseDate(date),
            };
            if (format is not null && ParseFormat(format) is null)
            {
                return Problems.BadRequest($"unknown format '{format}': use auto, html, text, jsonl or rss");
            }

            if (date is not null && readOptions.DefaultDate is null)
            {
                return Problems.BadRequest($"date '{date}' is not YYYY-MM-DD");
            }

            var body = await ReadBodyAsync(request, options.MaxRequestBytes);
            if (body is null)
            {
                // The rest of the body is not read, so the connection cannot be reused.
                request.HttpContext.Response.Headers.Connection = "close";
                return Problems.TooLarge(options.MaxRequestBytes);
            }

            var documents = new List<AnalysisDocument>();
            var errors = new List<MarsadException>();
            var warnings = new List<MarsadException>();
            foreach (var outcome in ArticleReaders.ReadBytes("request", body, readOptions))
            {
                if (outcome.Error is { } error)
                {
                    errors.Add(error);
                    continue;
                }

                try
                {
                    documents.Add(AnalysisDocument.From(pipeline.Analyze(outcome.Article!)));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // As in ingest: a record whose analysis fails is named (MRS110, a server error) and the others go
                    // on; the stack trace goes to the server log, not to the client.
                    var input = outcome.Article!.Origin ?? outcome.Article.Id;
                    loggers.CreateLogger("Marsad.Analyze").LogError(e, "MRS110 the analysis of {Input} failed", input);
                    errors.Add(new MarsadException(ErrorCodes.AnalysisFailed, $"the analysis failed ({e.GetType().Name}); the server log has the reason", input));
                    continue;
                }

                // Only a record that was analysed is "kept" as its warning says.
                if (outcome.Warning is { } warning)
                {
                    warnings.Add(warning);
                }
            }

            if (documents.Count == 0 && errors.Count > 0)
            {
                return Problems.FromException(errors[0]);
            }

            // One bad record (a JSON Lines line, a feed item) does not cost the others: they are
            // returned, and each rejected record is named in a header (docs/json-contract.md).
            var headers = request.HttpContext.Response.Headers;
            if (errors.Count > 0)
            {
                headers[RejectedHeader] = CappedList(errors.Select(e => $"{e.Input} {e.Code}").ToList());
                headers[RejectedCountHeader] = errors.Count.ToString(CultureInfo.InvariantCulture);
            }

            // A record kept with a field not understood (its date) is named with the message, JSON-escaped so that
            // the header stays ASCII whatever the value's script.
            if (warnings.Count > 0)
            {
                headers[WarningsHeader] = CappedList(warnings.Select(w => $"{w.Input} {w.Code} \"{AsciiJsonEscape(w.Message)}\"").ToList());
                headers[WarningsCountHeader] = warnings.Count.ToString(CultureInfo.InvariantCulture);
            }

            return Results.Json(documents, MarsadJson.Web.ListAnalysisDocument);
        })
        .WithName("Analyze")
        .WithSummary("Analyse a page sent in the body (text, HTML, JSON Lines or a feed); nothing is stored.")
        .Produces<List<AnalysisDocument>>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    /// <summary>Response header naming the records of a batch that were rejected: "request#2 MRS106, request#5 MRS106".</summary>
    public const string RejectedHeader = "Marsad-Rejected";

    /// <summary>Records analysed with a warning (MRS111, a date not understood): "request#2 MRS111 \"message\"", comma-separated.</summary>
    public const string WarningsHeader = "Marsad-Warnings";

    /// <summary>How many records <see cref="RejectedHeader"/> counts in all (it names at most <see cref="MaxHeaderEntries"/>).</summary>
    public const string RejectedCountHeader = "Marsad-Rejected-Count";

    /// <summary>How many records <see cref="WarningsHeader"/> counts in all.</summary>
    public const string WarningsCountHeader = "Marsad-Warnings-Count";

    /// <summary>
    /// Entries named in one header at most: clients and proxies refuse long header lines (Python's http.client at 64 KB,
    /// Chromium at 256 KB for all headers, proxies at 8 KB) and would then lose the good analyses the header is there to keep.
    /// </summary>
    public const int MaxHeaderEntries = 50;

    /// <summary>
    /// Characters of one header value at most, its "… and N more" included: two such headers stay well under the 8 KB a
    /// default reverse proxy accepts for a header line (Apache) or for all of them (nginx's 8k buffer).
    /// </summary>
    public const int MaxHeaderChars = 2048;

    /// <summary>Room kept for ", ... and N more".</summary>
    private const int SuffixRoom = 32;

    /// <summary>The entries comma-separated, cut after <see cref="MaxHeaderEntries"/> or <see cref="MaxHeaderChars"/> with "… and N more".</summary>
    internal static string CappedList(IReadOnlyList<string> entries)
    {
        var text = new StringBuilder();
        var shown = 0;
        foreach (var entry in entries)
        {
            if (shown == MaxHeaderEntries || text.Length + 2 + entry.Length > MaxHeaderChars - SuffixRoom)
            {
                break;
            }

            text.Append(shown++ == 0 ? string.Empty : ", ").Append(entry);
        }

        return shown == entries.Count ? text.ToString() : text.Append(CultureInfo.InvariantCulture, $", ... and {entries.Count - shown} more").ToString();
    }

    /// <summary>Text as the inside of a JSON string that is printable ASCII (a header value): other characters, quotes and backslashes as \uXXXX.</summary>
    internal static string AsciiJsonEscape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return escaped.ToString();
    }

    /// <summary>Reads the body up to <paramref name="limit"/> bytes; null when it is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    internal static InputFormat? ParseFormat(string value) => value.ToLowerInvariant() switch
    {
        "auto" => InputFormat.Auto,
        "html" => InputFormat.Html,
        "text" => InputFormat.Text,
        "jsonl" or "json" => InputFormat.Jsonl,
        "rss" or "atom" => InputFormat.Rss,
        _ => null,
    };

    internal static DateTimeOffset? ParseDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;

    internal static Encoding Utf8 { get; } = new UTF8Encoding(false);
}
