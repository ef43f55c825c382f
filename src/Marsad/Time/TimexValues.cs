using System.Globalization;

namespace Marsad.Time;

/// <summary>
/// TIMEX3 value arithmetic: formatting of days, months, ISO weeks, quarters, decades, centuries, and
/// the choice of a year for a month written without one (by relative word or by tense).
/// All methods are pure; invalid dates give null, never an exception.
/// </summary>
internal static class TimexValues
{
    public const string UnknownYear = "XXXX";

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => $"{year.ToString("D4", CultureInfo.InvariantCulture)}-{month.ToString("D2", CultureInfo.InvariantCulture)}";

    public static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt).ToString("D4", CultureInfo.InvariantCulture)}-W{ISOWeek.GetWeekOfYear(dt).ToString("D2", CultureInfo.InvariantCulture)}";
    }

    public static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>A valid date, or null (32 أيلول, 30 شباط, month 13).</summary>
    public static DateOnly? TryDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>An underspecified day (XXXX-09-10) when the day can exist in some year, else null.</summary>
    public static string? UnknownYearDay(int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month)
            ? $"{UnknownYear}-{month.ToString("D2", CultureInfo.InvariantCulture)}-{day.ToString("D2", CultureInfo.InvariantCulture)}"
            : null;

    /// <summary>
    /// The year of a month written without one. A relative word decides first (الماضي: the last such
    /// month before the anchor's; المقبل: the next after; الجاري: the anchor's year); else the tense
    /// (past: on or before the anchor's month; future: on or after); else the nearest occurrence.
    /// </summary>
    public static int ChooseYear(int month, DateOnly anchor, int? relative, Tense tense, int? day = null)
    {
        // Compare (month, day) with the anchor's; without a day, compare months only.
        var ay = anchor.Year;
        var here = month * 100 + (day ?? 0);
        var now = anchor.Month * 100 + (day is null ? 0 : anchor.Day);
        return relative switch
        {
            < 0 => here < now ? ay : ay - 1,
            > 0 => here > now ? ay : ay + 1,
            0 => ay,
            _ => tense switch
            {
                Tense.Past => here <= now ? ay : ay - 1,
                Tense.Future => here >= now ? ay : ay + 1,
                _ => month - anchor.Month > 6 ? ay - 1 : anchor.Month - month > 6 ? ay + 1 : ay,
            },
        };
    }

    /// <summary>The weekday <paramref name="isoDay"/> nearest the anchor in the direction asked.</summary>
    public static DateOnly Weekday(DateOnly anchor, int isoDay, int? relative, Tense tense)
    {
        var anchorDay = anchor.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)anchor.DayOfWeek;
        var back = (anchorDay - isoDay + 7) % 7;
        var forward = (isoDay - anchorDay + 7) % 7;
        return relative switch
        {
            < 0 => anchor.AddDays(-(back == 0 ? 7 : back)),
            > 0 => anchor.AddDays(forward == 0 ? 7 : forward),
            _ => tense == Tense.Future ? anchor.AddDays(forward) : anchor.AddDays(-back),
        };
    }

    /// <summary>A Hijri date in the Umm al-Qura calendar (Tabular Hijri outside its range) as a Gregorian date, or null.</summary>
    public static DateOnly? FromHijri(int year, int month, int day)
    {
        foreach (Calendar calendar in new Calendar[] { new UmAlQuraCalendar(), new HijriCalendar() })
        {
            try
            {
                if (day <= calendar.GetDaysInMonth(year, month))
                {
                    return DateOnly.FromDateTime(calendar.ToDateTime(year, month, day, 0, 0, 0, 0));
                }

                return null;
            }
            catch (ArgumentOutOfRangeException)
            {
                // Outside this calendar's supported range: try the next one.
            }
        }

        return null;
    }

    /// <summary>The Gregorian span of a Hijri month, as "start/end", or null.</summary>
    public static string? HijriMonthSpan(int year, int month)
    {
        var first = FromHijri(year, month, 1);
        if (first is null)
        {
            return null;
        }

        DateOnly? last = null;
        for (var day = 30; day >= 29 && last is null; day--)
        {
            last = FromHijri(year, month, day);
        }

        return last is null ? null : $"{Day(first.Value)}/{Day(last.Value)}";
    }

    /// <summary>The Hijri year (Umm al-Qura) that holds a Gregorian date, or null outside the supported range.</summary>
    public static int? HijriYearOf(DateOnly date)
    {
        try
        {
            return new UmAlQuraCalendar().GetYear(date.ToDateTime(TimeOnly.MinValue));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>A number as a TIMEX3 duration amount (integers plain, fractions with a dot).</summary>
    public static string Amount(double amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
