using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Marsad.Ingest.Html;

/// <summary>
/// Finds a calendar date written the way Arabic news pages print it: "الجمعة 24 نيسان / أبريل 2020
/// 09:22 مساءً", "الأربعاء، 07 أكتوبر 2020 - 12:09 م", "2026-01-08 | 12:42", "03/06/2020".
/// <list type="bullet">
/// <item>Month names of the three naming systems: Egyptian/Gulf (يناير…), Levantine Syriac (كانون الثاني…),
/// and Maghreb French-derived (جانفي…), matched after a light fold (alef forms, teh marbuta, alef maksura).</item>
/// <item>Arabic-Indic (U+0660–U+0669) and Extended Arabic-Indic (U+06F0–U+06F9) digits read as ASCII digits.</item>
/// <item>Numeric dates are year-first or day-first (never month-first: Arabic pages do not use it).</item>
/// <item>A following time (with ص/م or صباحاً/مساءً for AM/PM) is kept; no zone is guessed (UTC offset 0).</item>
/// </list>
/// </summary>
public static partial class ArabicDates
{
    private static readonly (string Name, int Month)[] MonthNames =
    [
        ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4), ("مايو", 5), ("يونيو", 6), ("يونيه", 6),
        ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("اغسطس", 8), ("أغشت", 8), ("سبتمبر", 9), ("شتنبر", 9), ("أكتوبر", 10), ("اكتوبر", 10),
        ("نوفمبر", 11), ("نونبر", 11), ("ديسمبر", 12), ("دجنبر", 12),
        ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6), ("تموز", 7), ("آب", 8), ("أيلول", 9),
        ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
        ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7), ("أوت", 8),
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7), ("august", 8),
        ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ];

    private static readonly Dictionary<string, int> MonthByName = MonthNames
        .GroupBy(m => Normalize(m.Name))
        .ToDictionary(g => g.Key, g => g.First().Month, StringComparer.Ordinal);

    private static readonly Regex NamedDate = new(
        $@"(?<!\d)(?<d>\d{{1,2}})\s*(?<m>{Alternation()})(?:\s*[/\-]\s*(?:{Alternation()}))?\s*[,،\-]?\s*(?<y>\d{{4}})(?!\d)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex NamedDateMonthFirst = new(
        $@"(?<m>{Alternation()})\s+(?<d>\d{{1,2}})\s*[,،]?\s*(?<y>\d{{4}})(?!\d)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The first date in the text, or null.</summary>
    public static DateTimeOffset? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = Normalize(text.Length > 400 ? text[..400] : text);
        var best = (Index: int.MaxValue, Date: (DateTimeOffset?)null);
        foreach (var match in new[] { YearFirst().Match(s), DayFirst().Match(s), NamedDate.Match(s), NamedDateMonthFirst.Match(s) })
        {
            if (!match.Success || match.Index >= best.Index)
            {
                continue;
            }

            var month = match.Groups["m"].Value is var m && int.TryParse(m, CultureInfo.InvariantCulture, out var number)
                ? number
                : MonthByName.GetValueOrDefault(CollapseSpaces(m));
            if (Build(match.Groups["y"].Value, month, match.Groups["d"].Value, s, match.Index + match.Length) is { } date)
            {
                best = (match.Index, date);
            }
        }

        return best.Date;
    }

    /// <summary>True when the text is little more than a date (a dateline, a "published on" line).</summary>
    public static bool IsDateLine(string text)
    {
        if (text.Length > 120 || Find(text) is null)
        {
            return false;
        }

        var s = Normalize(text);
        var rest = YearFirst().Replace(s, " ");
        rest = DayFirst().Replace(rest, " ");
        rest = NamedDate.Replace(rest, " ");
        rest = NamedDateMonthFirst.Replace(rest, " ");
        rest = TimePattern().Replace(rest, " ");
        var words = rest.Split([' ', '،', ',', '|', '-', '/', '(', ')', ':'], StringSplitOptions.RemoveEmptyEntries);
        // What remains is a weekday, "updated", "published", GMT+3…: a handful of words at most.
        return words.Length <= 5;
    }

    private static DateTimeOffset? Build(string year, int month, string day, string s, int after)
    {
        if (!int.TryParse(year, CultureInfo.InvariantCulture, out var y) || !int.TryParse(day, CultureInfo.InvariantCulture, out var d)
            || y is < 1990 or > 2100 || month is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        var hour = 0;
        var minute = 0;
        var time = TimePattern().Match(s, after);
        if (time.Success && time.Index - after < 25
            && int.TryParse(time.Groups["h"].Value, CultureInfo.InvariantCulture, out var h) && h < 24
            && int.TryParse(time.Groups["min"].Value, CultureInfo.InvariantCulture, out var min) && min < 60)
        {
            var pm = time.Groups["ampm"].Value is var ap && (ap.StartsWith('م') || ap.Equals("pm", StringComparison.OrdinalIgnoreCase));
            hour = pm && h < 12 ? h + 12 : (!pm && ap.Length > 0 && h == 12 ? 0 : h);
            minute = min;
        }

        return new DateTimeOffset(y, month, d, hour, minute, 0, TimeSpan.Zero);
    }

    /// <summary>ASCII digits, one alef, heh for teh marbuta, yeh for alef maksura, no harakat or tatweel, lower case.</summary>
    internal static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is (>= '\u064B' and <= '\u065F') or '\u0670' or '\u0640' or '\u200F' or '\u200E' or '\u200C' or '\u200D')
            {
                continue;
            }

            sb.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // ARABIC-INDIC DIGIT ZERO..NINE
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')), // EXTENDED ARABIC-INDIC DIGIT ZERO..NINE
                '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627', // alef with hamza above/below, madda, wasla → ARABIC LETTER ALEF
                '\u0649' => '\u064A', // ARABIC LETTER ALEF MAKSURA → ARABIC LETTER YEH
                '\u0629' => '\u0647', // ARABIC LETTER TEH MARBUTA → ARABIC LETTER HEH
                '\u00A0' => ' ',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }

    private static string CollapseSpaces(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Alternation() =>
        string.Join('|', MonthNames.Select(m => Normalize(m.Name)).Distinct().OrderByDescending(n => n.Length).Select(n => Regex.Escape(n).Replace("\\ ", "\\s+")));

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d\d)[\-/.](?<m>\d{1,2})[\-/.](?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})[\-/.](?<m>\d{1,2})[\-/.](?<y>(?:19|20)\d\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2}):(?<min>\d{2})(?::\d{2})?\s*(?<ampm>صباحا|مساء|ص|م|am|pm)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();
}
