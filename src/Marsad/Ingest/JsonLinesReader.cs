using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads JSON Lines: one article per line with the fields id, source, url, section (or category),
/// title (or headline), text (or body/content), date (or publishedAt/published), captions, author.
/// Unknown fields are ignored. A malformed line is an error for that line only.
/// </summary>
public sealed class JsonLinesReader : IArticleReader
{
    public InputFormat Format => InputFormat.Jsonl;

    public IEnumerable<ReadOutcome> Read(string name, string text, ReadOptions options)
    {
        // Lines are parsed where they lie in the text (JsonDocument reads characters from memory): no copy of each line.
        var lineNumber = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            lineNumber++;
            var line = text.AsMemory(start, end - start).Trim().TrimStart('\uFEFF');
            start = end + 1;
            if (line.Length == 0)
            {
                continue;
            }

            var origin = $"{name}#{lineNumber}";
            yield return ParseLine(origin, line, options);
        }
    }

    private static ReadOutcome ParseLine(string origin, ReadOnlyMemory<char> line, ReadOptions options)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail(origin, "the line is not a JSON object");
            }

            var root = json.RootElement;
            var paragraphs = BodyParagraphs(root, "text", "body", "content", "article");
            var headline = Str(root, "title", "headline");
            if (paragraphs is null && string.IsNullOrWhiteSpace(headline))
            {
                return Fail(origin, "the record has neither text nor title");
            }

            paragraphs ??= [];
            var captions = root.TryGetProperty("captions", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0).ToList()
                : [];
            var source = Str(root, "source", "outlet", "site");
            var url = Str(root, "url", "link");
            var (date, warning) = PublicationDate.ReadFirst([Str(root, "date"), Str(root, "publishedAt"), Str(root, "published"), Str(root, "datePublished"), Str(root, "pubDate")], options, origin);
            var id = Str(root, "id") ?? ArticleIds.For(source, url, headline, paragraphs);
            return ReadOutcome.Ok(new Article
            {
                Id = id,
                Source = source,
                Url = url,
                Section = Str(root, "section", "category"),
                Headline = headline?.Trim(),
                Captions = captions,
                Paragraphs = paragraphs,
                PublishedAt = date,
                Byline = Str(root, "author", "byline"),
                Format = "jsonl",
                Origin = origin,
            }, warning);
        }
        catch (JsonException e)
        {
            return Fail(origin, $"malformed JSON: {e.Message}");
        }
    }

    /// <summary>Paragraphs are separated by line breaks in JSONL text fields; each is trimmed (a CR before the break too), empty ones dropped.</summary>
    internal static List<string> SplitParagraphs(string body) => SplitParagraphs(body, body);

    /// <summary><see cref="SplitParagraphs(string)"/> over characters that are not a string (yet).</summary>
    internal static List<string> SplitParagraphs(ReadOnlySpan<char> body) => SplitParagraphs(body, null);

    /// <summary>A body that is one untrimmed paragraph is kept as <paramref name="whole"/> when it is a string already, without a copy.</summary>
    private static List<string> SplitParagraphs(ReadOnlySpan<char> body, string? whole)
    {
        var paragraphs = new List<string>();
        var start = 0;
        while (start <= body.Length)
        {
            var end = body[start..].IndexOf('\n');
            end = end < 0 ? body.Length : start + end;
            var paragraph = body[start..end].Trim();
            if (!paragraph.IsEmpty)
            {
                paragraphs.Add(paragraph.Length == body.Length && whole is not null ? whole : new string(paragraph));
            }

            start = end + 1;
        }

        return paragraphs;
    }

    /// <summary>
    /// The paragraphs of the first of <paramref name="names"/> that holds text (as <see cref="Str"/> chooses it), or null
    /// when none does. A JSON string is unescaped into a rented buffer and cut there: the body itself never becomes a
    /// string (≈ 3 KB per news article that was garbage as soon as it was split).
    /// </summary>
    private static List<string>? BodyParagraphs(JsonElement root, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (!root.TryGetProperty(name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                if (StringParagraphs(value) is { } paragraphs)
                {
                    return paragraphs;
                }
            }
            else if (value.ValueKind == JsonValueKind.Number && value.GetRawText() is var number && !string.IsNullOrWhiteSpace(number))
            {
                return SplitParagraphs(number);
            }
        }

        return null;
    }

    /// <summary>The paragraphs of a JSON string value, or null when it is blank.</summary>
    private static List<string>? StringParagraphs(JsonElement value)
    {
        // The raw value is the quoted UTF-8 of the document; a UTF-16 unescaped copy is never longer than its bytes.
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        var rented = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            var body = rented.AsSpan(0, reader.CopyString(rented));
            if (body.IsWhiteSpace())
            {
                return null;
            }

            return HtmlText.LooksLikeHtml(body) ? HtmlText.Paragraphs(new string(body)) : SplitParagraphs(body);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static string? Str(JsonElement root, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (root.TryGetProperty(name, out var value))
            {
                var s = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(s))
                {
                    return s;
                }
            }
        }

        return null;
    }

    private static ReadOutcome Fail(string origin, string reason) =>
        ReadOutcome.Fail(new MarsadException(ErrorCodes.MalformedRecord, reason, origin));
}
