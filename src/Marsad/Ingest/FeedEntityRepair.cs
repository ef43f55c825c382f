using System.Text;
using AngleSharp.Html;

namespace Marsad.Ingest;

/// <summary>
/// Makes the ampersands of a real-world feed well-formed XML. Feeds are often written by HTML templates: they carry
/// HTML named entities (<c>&amp;nbsp;</c>, <c>&amp;hellip;</c>, <c>&amp;laquo;</c>) that XML does not declare, and bare
/// ampersands (<c>AT&amp;T</c>), either of which makes a strict parser refuse the whole feed. Each HTML entity becomes the
/// numeric reference of its characters; anything else after an ampersand becomes literal text. The XML entities, numeric
/// references, CDATA sections and comments are left as they are. Used only when the feed does not parse as written.
/// </summary>
public static class FeedEntityRepair
{
    /// <summary>Longest entity name looked at (HTML's longest is 31 characters: CounterClockwiseContourIntegral).</summary>
    private const int MaxNameLength = 32;

    /// <summary>The repaired text, or null when it has nothing to repair.</summary>
    public static string? Repair(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        StringBuilder? repaired = null;
        var copiedUpTo = 0;
        var i = 0;
        while (i < xml.Length)
        {
            var next = xml.AsSpan(i).IndexOfAny('&', '<');
            if (next < 0)
            {
                break;
            }

            i += next;
            if (xml[i] == '<')
            {
                i = SkipVerbatim(xml, i);
                continue;
            }

            var replacement = ReplacementAt(xml, i, out var length);
            if (replacement is not null)
            {
                repaired ??= new StringBuilder(xml.Length + 64);
                repaired.Append(xml, copiedUpTo, i - copiedUpTo).Append(replacement);
                copiedUpTo = i + length;
            }

            i += length;
        }

        return repaired?.Append(xml, copiedUpTo, xml.Length - copiedUpTo).ToString();
    }

    /// <summary>Past a CDATA section or a comment starting at <paramref name="at"/> (their text is not parsed); else past the '&lt;'.</summary>
    private static int SkipVerbatim(string xml, int at)
    {
        var (open, close) = xml.AsSpan(at).StartsWith("<![CDATA[", StringComparison.Ordinal) ? ("<![CDATA[", "]]>")
            : xml.AsSpan(at).StartsWith("<!--", StringComparison.Ordinal) ? ("<!--", "-->")
            : (null, null);
        if (open is null)
        {
            return at + 1;
        }

        var end = xml.IndexOf(close!, at + open.Length, StringComparison.Ordinal);
        return end < 0 ? xml.Length : end + close!.Length;
    }

    /// <summary>
    /// What the ampersand at <paramref name="at"/> must become, or null when it is already well-formed;
    /// <paramref name="length"/> is how many characters of the input that covers.
    /// </summary>
    private static string? ReplacementAt(string xml, int at, out int length)
    {
        var rest = xml.AsSpan(at + 1);
        var semicolon = rest[..Math.Min(rest.Length, MaxNameLength + 2)].IndexOf(';');
        var name = semicolon > 0 ? rest[..semicolon] : [];
        if (name.Length > 0 && (IsXmlEntity(name) || IsNumericReference(name)))
        {
            length = semicolon + 2;
            return null;
        }

        // HTML5's table of named references (AngleSharp's), not only HTML 4's: feeds carry &hyphen; and &ZeroWidthSpace; too.
        if (name.Length > 0 && IsName(name) && HtmlEntityProvider.Resolver.GetSymbol($"{name};") is { } decoded)
        {
            length = name.Length + 2;
            return NumericReferences(decoded);
        }

        length = 1;
        return "&amp;";
    }

    private static bool IsXmlEntity(ReadOnlySpan<char> name) =>
        name is "amp" or "lt" or "gt" or "quot" or "apos";

    private static bool IsNumericReference(ReadOnlySpan<char> name)
    {
        if (name.Length < 2 || name[0] != '#')
        {
            return false;
        }

        var hex = name[1] is 'x' or 'X';
        var digits = name[(hex ? 2 : 1)..];
        return digits.Length > 0 && (hex ? digits.ContainsAnyExcept("0123456789abcdefABCDEF") : digits.ContainsAnyExcept("0123456789")) is false;
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return char.IsAsciiLetter(name[0]);
    }

    private static string NumericReferences(string text)
    {
        var sb = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            sb.Append("&#").Append(rune.Value).Append(';');
        }

        return sb.ToString();
    }
}
