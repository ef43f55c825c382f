namespace Marsad.Ingest;

/// <summary>
/// Guesses an input's format from its content; the file extension only breaks ties. Feeds are XML
/// with an rss/feed root; HTML starts with markup; JSON Lines starts with an object; the rest is text.
/// </summary>
public static class FormatSniffer
{
    public static InputFormat Sniff(string text, string? name = null)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart();
        if (head.StartsWith("<"))
        {
            var lower = head.ToString().ToLowerInvariant();
            if (lower.Contains("<rss", StringComparison.Ordinal) || lower.Contains("<feed", StringComparison.Ordinal) || lower.Contains("<rdf:rdf", StringComparison.Ordinal))
            {
                return InputFormat.Rss;
            }

            return InputFormat.Html;
        }

        if (head.StartsWith("{"))
        {
            return InputFormat.Jsonl;
        }

        var extension = Path.GetExtension(name ?? string.Empty).ToLowerInvariant();
        return extension switch
        {
            ".html" or ".htm" when ContainsMarkup(head) => InputFormat.Html,
            _ => InputFormat.Text,
        };
    }

    private static bool ContainsMarkup(ReadOnlySpan<char> head) =>
        head.Contains("<p", StringComparison.OrdinalIgnoreCase) || head.Contains("<div", StringComparison.OrdinalIgnoreCase);
}
