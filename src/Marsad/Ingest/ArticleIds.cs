using System.Security.Cryptography;
using System.Text;

namespace Marsad.Ingest;

/// <summary>
/// Stable article ids: the first 16 hex digits of SHA-256 over source + url when a url is known,
/// else over the folded text (so the same article read twice, from any format, gets the same id).
/// </summary>
public static class ArticleIds
{
    public static string FromUrl(string? source, string url) => Hash($"url\n{source?.Trim().ToLowerInvariant()}\n{url.Trim()}");

    public static string FromText(string? headline, IEnumerable<string> paragraphs)
    {
        var sb = new StringBuilder();
        sb.Append("text\n").Append(PageVocabulary.Fold(headline ?? string.Empty));
        foreach (var p in paragraphs)
        {
            sb.Append('\n').Append(PageVocabulary.Fold(p));
        }

        return Hash(sb.ToString());
    }

    public static string For(string? source, string? url, string? headline, IEnumerable<string> paragraphs) =>
        string.IsNullOrWhiteSpace(url) ? FromText(headline, paragraphs) : FromUrl(source, url);

    private static string Hash(string value)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), digest);
        return Convert.ToHexStringLower(digest[..8]);
    }
}
