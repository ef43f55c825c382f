using System.Globalization;

namespace Marsad.Ingest;

/// <summary>Parses the publication dates pages and feeds carry: ISO 8601, RFC 822/1123, and plain dates.</summary>
public static class DateParsing
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy/MM/dd HH:mm", "dd/MM/yyyy", "dd-MM-yyyy", "dd.MM.yyyy",
        "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss", "ddd, d MMM yyyy HH:mm:ss",
        "dd MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm zzz", "yyyyMMdd",
    ];

    public static DateTimeOffset? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.Trim();
        // RFC 822 zone names that .NET's "zzz" does not accept.
        s = ReplaceZone(s, " GMT", " +00:00");
        s = ReplaceZone(s, " UTC", " +00:00");
        s = ReplaceZone(s, " UT", " +00:00");
        s = ReplaceZone(s, " Z", " +00:00");
        s = ReplaceZone(s, " EST", " -05:00");
        s = ReplaceZone(s, " EDT", " -04:00");
        s = FixNumericZone(s);

        if (DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var exact))
        {
            return exact;
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var loose)
            && loose.Year is > 1900 and < 2200)
        {
            return loose;
        }

        return null;
    }

    private static string ReplaceZone(string s, string zone, string offset) =>
        s.EndsWith(zone, StringComparison.Ordinal) ? string.Concat(s.AsSpan(0, s.Length - zone.Length), offset) : s;

    /// <summary>"+0300" → "+03:00", which "zzz" parses.</summary>
    private static string FixNumericZone(string s)
    {
        if (s.Length > 5 && (s[^5] == '+' || s[^5] == '-') && s[^6] == ' ' && !s.AsSpan(s.Length - 4).ContainsAnyExceptInRange('0', '9'))
        {
            return string.Concat(s.AsSpan(0, s.Length - 2), ":", s.AsSpan(s.Length - 2));
        }

        return s;
    }
}
