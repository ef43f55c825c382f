using System.Globalization;
using Marsad.Errors;

namespace Marsad.Ingest;

/// <summary>
/// A record's publication date as the JSON Lines and feed readers take it: the record's own date when it is
/// understood, else the default date (--date, the API's date). A date that is written but not understood is not
/// dropped silently: the article is kept and a warning (MRS111) names the record, the value and what was used.
/// </summary>
public static class PublicationDate
{
    /// <summary>Longer values are cut in the warning (a whole paragraph put in a date field).</summary>
    private const int MaxShown = 60;

    /// <summary>
    /// The first of a record's date fields that is understood (a feed's pubDate, then dc:date; JSON's date, then
    /// publishedAt …); when none is, the default date, and a warning naming the first one written, if any was.
    /// </summary>
    public static (DateTimeOffset? Date, MarsadException? Warning) ReadFirst(ReadOnlySpan<string?> candidates, ReadOptions options, string origin)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.OverrideDate)
        {
            return (options.DefaultDate, null);
        }

        string? value = null;
        foreach (var candidate in candidates)
        {
            if (DateParsing.TryParse(candidate) is { } date)
            {
                return (date, null);
            }

            value ??= string.IsNullOrWhiteSpace(candidate) ? null : candidate;
        }

        if (value is null)
        {
            return (options.DefaultDate, null);
        }

        var shown = value.Trim();
        shown = shown.Length > MaxShown ? string.Concat(shown.AsSpan(0, MaxShown), "…") : shown;
        var used = options.DefaultDate is { } d ? $"the article is kept with the default date {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "the article is kept without a date";
        return (options.DefaultDate, new MarsadException(
            ErrorCodes.FieldNotUnderstood,
            $"the date '{shown}' is not understood (ISO 8601, RFC 822 or YYYY-MM-DD expected): {used}",
            origin));
    }
}
