using System.Text;
using System.Text.RegularExpressions;
using Marsad.Errors;

namespace Marsad.Ingest;

/// <summary>
/// Decodes the bytes of a page into text. Order: a byte-order mark (UTF-8, UTF-16 LE/BE); a charset
/// declared in an HTML meta tag or an XML prolog; strict UTF-8; UTF-16 without a mark; and finally the
/// two legacy Arabic code pages (Windows-1256, ISO-8859-6), chosen by which one yields Arabic letters.
/// Bytes that fit none of these are rejected with <see cref="ErrorCodes.Undecodable"/>.
/// </summary>
public static partial class InputDecoder
{
    static InputDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the decoded text and the name of the encoding used.</summary>
    public static (string Text, string Encoding) Decode(string name, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new MarsadException(ErrorCodes.Empty, "the input is empty", name);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (DecodeStrict(name, StrictUtf8, bytes[3..], "utf-8"), "utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (DecodeStrict(name, new UnicodeEncoding(false, false, true), bytes[2..], "utf-16le"), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (DecodeStrict(name, new UnicodeEncoding(true, false, true), bytes[2..], "utf-16be"), "utf-16be");
        }

        if (BinarySniffer.Describe(bytes) is { } kind)
        {
            throw new MarsadException(ErrorCodes.Binary, $"the input is binary ({kind}), not a text page", name);
        }

        if (LooksLikeUtf16(bytes, out var bigEndian))
        {
            var utf16 = new UnicodeEncoding(bigEndian, false, true);
            return (DecodeStrict(name, utf16, bytes, bigEndian ? "utf-16be" : "utf-16le"), bigEndian ? "utf-16be" : "utf-16le");
        }

        if (bytes.Contains((byte)0))
        {
            throw new MarsadException(ErrorCodes.Binary, "the input contains NUL bytes: it is binary, not a text page", name);
        }

        var declared = DeclaredCharset(bytes);
        // A page whose bytes are valid UTF-8 with multi-byte sequences is UTF-8 whatever its meta tag says: sites
        // re-encoded to UTF-8 often keep an old windows-1256 declaration, and legacy Arabic text is never valid UTF-8.
        if (declared is not null && !IsUtf8Name(declared) && HasMultiByteUtf8(bytes) && TryStrictUtf8(bytes) is { } reencoded)
        {
            return (reencoded, "utf-8");
        }

        if (declared is not null && !IsUtf8Name(declared))
        {
            var legacy = LegacyEncoding(declared);
            if (legacy is not null)
            {
                return (legacy.GetString(bytes), legacy.WebName);
            }
        }

        try
        {
            return (StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8 (even if a page declares it: old sites often lie). Try the Arabic code pages.
        }

        var best = BestLegacyArabic(bytes);
        if (best is not null)
        {
            return best.Value;
        }

        throw new MarsadException(
            ErrorCodes.Undecodable,
            declared is null
                ? "the bytes are neither UTF-8, UTF-16, Windows-1256 nor ISO-8859-6 Arabic text"
                : $"the bytes do not decode as the declared charset '{declared}' nor as an Arabic code page",
            name);
    }

    private static string DecodeStrict(string name, Encoding encoding, ReadOnlySpan<byte> bytes, string label)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new MarsadException(ErrorCodes.Undecodable, $"invalid {label} bytes at offset {e.Index}", name, e);
        }
    }

    private static bool HasMultiByteUtf8(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0xC2, (byte)0xF4) >= 0;

    private static string? TryStrictUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsUtf8Name(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static Encoding? LegacyEncoding(string charset)
    {
        var normalized = charset.Trim().ToLowerInvariant();
        return normalized switch
        {
            "windows-1256" or "cp1256" or "x-cp1256" or "1256" => Encoding.GetEncoding(1256),
            "iso-8859-6" or "iso8859-6" or "arabic" or "iso_8859-6" or "asmo-708" => Encoding.GetEncoding("iso-8859-6"),
            _ => TryGetEncoding(normalized),
        };
    }

    private static Encoding? TryGetEncoding(string name)
    {
        try
        {
            var encoding = Encoding.GetEncoding(name);
            // UTF-16 declared in a meta tag of an 8-bit page is a known lie; ignore it.
            return encoding is UnicodeEncoding or UTF32Encoding ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset declared in the first 4 KB: &lt;meta charset&gt;, http-equiv Content-Type, or &lt;?xml encoding?&gt;.</summary>
    internal static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var match = CharsetPattern().Match(head);
        if (match.Success)
        {
            return match.Groups["cs"].Value;
        }

        match = XmlEncodingPattern().Match(head);
        return match.Success ? match.Groups["cs"].Value : null;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<cs>[A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex("""<\?xml[^>]+encoding\s*=\s*["'](?<cs>[A-Za-z0-9_\-]+)["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncodingPattern();

    /// <summary>UTF-16 without a mark: in ASCII-heavy markup every other byte is zero.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var n = Math.Min(bytes.Length & ~1, 2048);
        if (n < 4)
        {
            return false;
        }

        int evenZero = 0, oddZero = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) evenZero++;
            if (bytes[i + 1] == 0) oddZero++;
        }

        var pairs = n / 2;
        // Arabic UTF-16 has 0x06 high bytes, not zeros, so also accept 0x06 as the "high" byte.
        int evenHigh = evenZero, oddHigh = oddZero;
        for (var i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0x06) evenHigh++;
            if (bytes[i + 1] == 0x06) oddHigh++;
        }

        if (oddZero > 0 && oddHigh > pairs * 0.6 && evenZero < pairs * 0.05)
        {
            return true;
        }

        if (evenZero > 0 && evenHigh > pairs * 0.6 && oddZero < pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Decodes with Windows-1256 and ISO-8859-6 and keeps the one whose non-ASCII characters are
    /// mostly Arabic letters. Random bytes fail this test, so they are reported as undecodable.
    /// </summary>
    private static (string, string)? BestLegacyArabic(ReadOnlySpan<byte> bytes)
    {
        (string, string)? best = null;
        var bestScore = 0.0;
        foreach (var encoding in new[] { Encoding.GetEncoding(1256), Encoding.GetEncoding("iso-8859-6") })
        {
            var text = encoding.GetString(bytes);
            int nonAscii = 0, arabic = 0, control = 0;
            foreach (var c in text)
            {
                if (c < 0x20 && c is not ('\n' or '\r' or '\t'))
                {
                    control++;
                }
                else if (c >= 0x80)
                {
                    nonAscii++;
                    if (c is >= '\u0621' and <= '\u064A')
                    {
                        arabic++;
                    }
                }
            }

            if (nonAscii == 0 || control > text.Length / 100)
            {
                continue;
            }

            var score = (double)arabic / nonAscii;
            if (score > bestScore)
            {
                bestScore = score;
                best = (text, encoding.WebName);
            }
        }

        return bestScore >= 0.8 ? best : null;
    }
}

/// <summary>Recognises common binary formats by their magic numbers.</summary>
internal static class BinarySniffer
{
    public static string? Describe(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) return "PNG image";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG image";
        if (bytes.StartsWith("GIF8"u8)) return "GIF image";
        if (bytes.StartsWith("%PDF"u8)) return "PDF document";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[(byte)'P', (byte)'K', 3, 4])) return "ZIP archive";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "gzip archive";
        if (bytes.StartsWith("RIFF"u8)) return "RIFF media";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F'])) return "ELF executable";
        if (bytes.Length > 8 && bytes[4..].StartsWith("ftyp"u8)) return "MP4 media";
        return null;
    }
}
