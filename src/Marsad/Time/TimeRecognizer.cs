using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Model;
using static Marsad.Time.TimeLexicon;

namespace Marsad.Time;

/// <summary>
/// Finds Arabic time expressions in a text and resolves them to TIMEX3 values against an anchor
/// date. Stateless and thread-safe: one instance serves every thread.
/// How it works: the text is folded (<see cref="FoldedText"/>); every word that can open a time
/// expression (after an optional proclitic و/ف/ب/ل/ك, which stays outside the span) is tried
/// against the anchored patterns of <see cref="TimePatterns"/>; each rule resolves its match; the
/// longest match wins where matches overlap. Without an anchor, relative values stay underspecified
/// (XXXX-09-10, XXXX-WXX-3, PRESENT_REF month) instead of being guessed.
/// </summary>
public sealed partial class TimeRecognizer
{
    private delegate void Rule(Match match, Scan scan, List<Candidate> output);

    // Each rule lists the words its pattern can start with ("#" = a run of digits); a word dispatches
    // only to the rules it can open, so common words (من، يوم) cost a few anchored attempts each.
    private static readonly RuleEntry[] Rules =
    [
        new(TimePatterns.DayRange, DayRange, "من", "بين") { Guard = OpensRange },
        new(TimePatterns.YearRange, YearRange, "من", "بين") { Guard = OpensRange },
        new(TimePatterns.MonthRange, MonthRange, "من", "بين") { Guard = OpensRange },
        new(TimePatterns.DashRange, DayRange, "#"),
        new(TimePatterns.DayList, DayList, "#"),
        new(TimePatterns.DayMonth, DayMonth, ["#", "يوم", .. Firsts(Weekdays.Keys), .. Firsts(Ordinals.Keys)]),
        new(TimePatterns.DayOfRelativeMonth, DayOfRelativeMonth, ["#", "يوم", .. Firsts(Ordinals.Keys)]),
        new(TimePatterns.NumericDayFirst(), Numeric, "#"),
        new(TimePatterns.NumericIso(), Numeric, "#"),
        new(TimePatterns.Hijri, Hijri, ["#", "شهر", .. Firsts(Ordinals.Keys), .. Firsts(HijriMonths.Keys)]),
        new(TimePatterns.MonthYear, MonthYear, ["شهر", "شهري", .. Firsts(Mods.Keys), .. Firsts(Months.Keys)]),
        new(TimePatterns.Quarter, Quarter, ["الربع", .. Firsts(Mods.Keys)]),
        new(TimePatterns.Year, Year, ["عام", "العام", "سنة", "السنة", "لعام", "عامي", .. Firsts(Mods.Keys)]),
        new(TimePatterns.BareYear(), BareYear, "#"),
        new(TimePatterns.Decade, Decade, ["عقد", "*decade", .. Firsts(Mods.Keys)]),
        new(TimePatterns.Century, Century, ["القرن", .. Firsts(Mods.Keys)]),
        new(TimePatterns.Clock, Clock, ["#", "الساعة", "الواحدة", .. Firsts(Ordinals.Keys)]) { Guard = OpensClock },
        new(TimePatterns.RelativeDay, RelativeDay, ["اول", "بعد", "الليلة", "يوم", "امس", "الامس", "البارحة", "غدا", "الغد", "اليوم", .. Firsts(PartsOfDay.Keys)]),
        new(TimePatterns.WeekdayExpression, WeekdayExpression, ["يوم", .. Firsts(Weekdays.Keys), .. Firsts(PartsOfDay.Keys)]),
        new(TimePatterns.RelativeUnit, RelativeUnit, ["عطلة", "نهاية", "هذا", "هذه", "الاسبوع", "الشهر", "العام", "السنة", "العقد", .. Firsts(Mods.Keys)]),
        new(TimePatterns.Ago, Ago, "منذ", "قبل") { Guard = UnitFollowsWithin3 },
        new(TimePatterns.DefiniteDuration, DefiniteDuration, ["#", "ال", .. Firsts(DefinitePluralUnits.Keys)]) { Guard = UnitOrDefiniteUnitHere },
        new(TimePatterns.DualDuration, DualDuration, "اليومين", "الاسبوعين", "الشهرين", "العامين", "السنتين", "الساعتين", "العقدين"),
        new(TimePatterns.VagueDuration, VagueDuration, [.. Firsts(DefinitePluralUnits.Keys)]),
        new(TimePatterns.Duration, Duration, ["#", .. Firsts(Cardinals.Keys), .. Firsts(Units.Keys)]) { Guard = UnitHereOrWithin2 },
        new(TimePatterns.Set, SetExpression, "كل", "يوميا", "اسبوعيا", "شهريا", "سنويا", "ايام"),
    ];

    private static readonly FrozenDictionary<string, RuleEntry[]> RulesByFirstWord = Rules
        .SelectMany(r => r.FirstWords.Select(w => (Word: w, Rule: r)))
        .GroupBy(x => x.Word, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Rule).Distinct().ToArray(), StringComparer.Ordinal);

    private static readonly RuleEntry[] DigitRules = RulesByFirstWord["#"];
    private static readonly RuleEntry[] DecadeRules = RulesByFirstWord["*decade"];

    private static readonly FrozenSet<string> YearPrepositions = Words("في", "منذ", "حتى", "خلال", "قبل", "بعد", "مطلع", "نهاية", "بداية", "أواخر", "منتصف", "عام", "العام", "لعام", "بحلول", "إلى", "من");
    private static readonly FrozenSet<string> MonthPrepositions = Words("في", "منذ", "حتى", "خلال", "قبل", "بعد", "إلى", "من", "شهر", "مطلع", "نهاية", "بداية", "أواخر", "منتصف");
    private static readonly FrozenSet<string> AgeWords = Words("عمر", "العمر", "عمره", "عمرها", "البالغ", "البالغة", "يبلغ", "تبلغ", "بلغ", "ناهز", "يناهز");
    private static readonly FrozenSet<string> WeekdayBlockers = Words("صلاة", "صلاه", "خطبة", "خطبه", "بين", "كلا", "هذين", "سوق");
    private static readonly FrozenSet<string> TodayBlockers = Words("هذا", "ذلك", "تلك", "هذه", "في", "مثل");

    /// <summary>Finds and resolves the time expressions of <paramref name="text"/> against <paramref name="anchor"/> (null: none).</summary>
    public IReadOnlyList<TimeExpression> Recognize(string text, DateOnly? anchor)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var folded = FoldedText.FoldForScan(text);
        var scan = new Scan(folded.Text, anchor);
        var candidates = new List<Candidate>();
        var t = folded.Text;
        var byWord = RulesByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < t.Length)
        {
            var c = t[i];
            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = char.IsDigit(c);
            while (i < t.Length && char.IsLetterOrDigit(t[i]) && char.IsDigit(t[i]) == digits)
            {
                i++;
            }

            if (digits)
            {
                TryAt(DigitRules, start, scan, candidates);
                continue;
            }

            var word = t.AsSpan(start, i - start);
            for (var offset = 0; offset <= 2 && offset < word.Length - 1; offset++)
            {
                if (offset > 0 && !IsProclitic(word, offset))
                {
                    break;
                }

                var rest = word[offset..];
                if (byWord.TryGetValue(rest, out var rules))
                {
                    TryAt(rules, start + offset, scan, candidates);
                }
                else if (IsDecadeWord(rest))
                {
                    TryAt(DecadeRules, start + offset, scan, candidates);
                }
            }
        }

        var chosen = Choose(candidates);
        return Finish(chosen, folded, text, scan);
    }

    private static void TryAt(RuleEntry[] rules, int position, Scan scan, List<Candidate> output)
    {
        foreach (var rule in rules)
        {
            if (rule.Guard is { } guard && !guard(scan.Text, position))
            {
                continue;
            }

            var match = rule.Pattern.Match(scan.Text, position);
            if (match.Success && match.Length > 0)
            {
                rule.Resolve(match, scan, output);
            }
        }
    }

    // Guards: cheap looks at the next words that spare a pattern attempt that cannot succeed.
    private static readonly FrozenSet<string> RangeOpeners = new[] { "يوم", "يومي", "شهر", "شهري", "عامي", "العامين", "سنتي", "عام", "العام", "سنة", "السنة" }
        .Concat(Firsts(Months.Keys)).Concat(Firsts(Ordinals.Keys)).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> AmPm = Words("صباحا", "صباح", "مساء", "مساءا", "ظهرا", "عصرا", "ليلا", "فجرا", "بعد");

    private static readonly FrozenSet<string> UnitWords = Units.Keys.Concat(DefinitePluralUnits.Keys).ToFrozenSet(StringComparer.Ordinal);

    private static bool OpensRange(string text, int position)
    {
        var next = WordAfter(text, position);
        return next.Found && (char.IsDigit(text[next.Start]) || Contains(RangeOpeners, text, next)
            || (WordAfter(text, next.Start) is { Found: true } second && char.IsDigit(text[second.Start])));
    }

    private static bool OpensClock(string text, int position)
    {
        if (text.AsSpan(position).StartsWith("الساعة", StringComparison.Ordinal) || PreviousWordIs(text, position, "الساعة"))
        {
            return true;
        }

        var end = WordEnd(text, position);
        if (end < text.Length - 1 && text[end] is ':' or '.' && char.IsDigit(text[end + 1]))
        {
            return true;
        }

        var next = WordAfter(text, position);
        if (next.Found && (next.Of(text) is "و" or "عشر" or "عشرة" or "الا" || next.Of(text).StartsWith("وال", StringComparison.Ordinal)))
        {
            // الثامنة والنصف، الحادية عشرة: look one word further.
            next = WordAfter(text, next.Start);
        }

        return next.Found && Contains(AmPm, text, next);
    }

    private static bool UnitHereOrWithin2(string text, int position)
    {
        if (UnitWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(position, WordEnd(text, position) - position)))
        {
            return true;
        }

        var next = WordAfter(text, position);
        return next.Found && (Contains(UnitWords, text, next) || (WordAfter(text, next.Start) is { Found: true } second && Contains(UnitWords, text, second)));
    }

    private static bool UnitFollowsWithin3(string text, int position)
    {
        var p = position;
        for (var k = 0; k < 4; k++)
        {
            var next = WordAfter(text, p);
            if (!next.Found)
            {
                return false;
            }

            if (Contains(UnitWords, text, next))
            {
                return true;
            }

            p = next.Start;
        }

        return false;
    }

    private static bool UnitOrDefiniteUnitHere(string text, int position) =>
        !char.IsDigit(text[position]) && !text.AsSpan(position, WordEnd(text, position) - position).SequenceEqual("ال") || UnitHereOrWithin2(text, position);

    private static int WordEnd(string text, int position)
    {
        var digits = char.IsDigit(text[position]);
        var i = position;
        while (i < text.Length && char.IsLetterOrDigit(text[i]) && char.IsDigit(text[i]) == digits)
        {
            i++;
        }

        return i;
    }

    /// <summary>A word of the text by its span (the guards look words up without making strings); not found: past the text or a line break.</summary>
    private readonly record struct WordSpan(bool Found, int Start, int End)
    {
        public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, End - Start);
    }

    private static bool Contains(FrozenSet<string> words, string text, WordSpan word) =>
        words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word.Of(text));

    /// <summary>The word after the one at <paramref name="position"/>, and its start; letters and digits are separate words (ال24).</summary>
    private static WordSpan WordAfter(string text, int position)
    {
        var i = WordEnd(text, position);
        while (i < text.Length && !char.IsLetterOrDigit(text[i]) && text[i] != '\n')
        {
            i++;
        }

        return i < text.Length && char.IsLetterOrDigit(text[i]) ? new WordSpan(true, i, WordEnd(text, i)) : new WordSpan(false, i, i);
    }

    private static bool PreviousWordIs(string text, int position, string word)
    {
        var i = position - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        var end = i + 1;
        while (i >= 0 && char.IsLetter(text[i]))
        {
            i--;
        }

        return text.AsSpan(i + 1, end - i - 1).SequenceEqual(word);
    }

    /// <summary>The first words of folded phrases.</summary>
    private static IEnumerable<string> Firsts(IEnumerable<string> phrases) => phrases.Select(p => p.Split(' ')[0]).Distinct();

    /// <summary>
    /// Resolves overlaps: the longest candidate is kept first, then the next longest that overlaps
    /// nothing kept, and so on (among equal lengths, the earlier start, then the rule listed first).
    /// The members of a list (10 و11 سبتمبر) compete as one unit.
    /// </summary>
    private static List<Candidate> Choose(List<Candidate> candidates)
    {
        // Scratch reused per thread (none of it reaches the output). A unit is a candidate, or the first member of a
        // list with the span of all its members; its members are the candidates of its group, in candidate order.
        var scratch = t_choice ??= new ChoiceScratch();
        var units = scratch.Units;
        units.Clear();
        Dictionary<object, int>? byGroup = null;
        for (var k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            if (c.Group is not null && (byGroup ??= new Dictionary<object, int>(ReferenceEqualityComparer.Instance)).TryGetValue(c.Group, out var u))
            {
                var unit = units[u];
                units[u] = unit with { Start = Math.Min(unit.Start, c.Start), End = Math.Max(unit.End, c.End) };
                continue;
            }

            if (c.Group is not null)
            {
                byGroup![c.Group] = units.Count;
            }

            units.Add(new Unit(c.Start, c.End, k, c.Group));
        }

        units.Sort(static (a, b) =>
        {
            var byLength = (b.End - b.Start).CompareTo(a.End - a.Start);
            if (byLength != 0)
            {
                return byLength;
            }

            var byStart = a.Start.CompareTo(b.Start);
            return byStart != 0 ? byStart : a.Index.CompareTo(b.Index);
        });
        var kept = scratch.Kept;
        kept.Clear();
        var chosen = scratch.Chosen;
        chosen.Clear();
        foreach (var unit in units)
        {
            var overlaps = false;
            foreach (var (s0, e0) in kept)
            {
                if (unit.Start < e0 && s0 < unit.End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                kept.Add((unit.Start, unit.End));
                if (unit.Group is null)
                {
                    chosen.Add(candidates[unit.Index]);
                }
                else
                {
                    for (var k = unit.Index; k < candidates.Count; k++)
                    {
                        if (ReferenceEquals(candidates[k].Group, unit.Group))
                        {
                            chosen.Add(candidates[k]);
                        }
                    }
                }
            }
        }

        chosen.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    /// <summary>A candidate, or a list of candidates competing as one (see <see cref="Choose"/>).</summary>
    private readonly record struct Unit(int Start, int End, int Index, object? Group);

    /// <summary>One thread's scratch for choosing among candidates.</summary>
    private sealed class ChoiceScratch
    {
        public List<Unit> Units { get; } = [];

        public List<(int Start, int End)> Kept { get; } = [];

        public List<Candidate> Chosen { get; } = [];
    }

    [ThreadStatic]
    private static ChoiceScratch? t_choice;

    private static List<TimeExpression> Finish(List<Candidate> chosen, FoldedText folded, string original, Scan scan)
    {
        var result = new List<TimeExpression>(chosen.Count);
        string? lastDay = null;
        var lastDayEnd = -1;
        foreach (var c in chosen)
        {
            var value = c.Value;
            var usedAnchor = c.UsedAnchor;
            if (c.ClockSuffix is { } suffix)
            {
                // A clock time takes the day of a day-resolved expression just before it in the same sentence, else the anchor.
                var day = c.ClockDay;
                if (day is null && lastDay is not null && c.Start - lastDayEnd <= 40 && !CrossesSentence(scan.Text, lastDayEnd, c.Start))
                {
                    day = lastDay;
                }

                if (day is null)
                {
                    day = scan.Anchor is { } a ? TimexValues.Day(a) : "XXXX-XX-XX";
                    usedAnchor = scan.Anchor is not null;
                }

                value = day + suffix;
            }

            var dayPart = DayPart(value);
            if (dayPart is not null)
            {
                lastDay = dayPart;
                lastDayEnd = c.End;
            }

            var start = folded.StartOf(c.Start);
            var end = folded.EndOf(c.End);
            result.Add(new TimeExpression(start, end, original[start..end], c.Type, value)
            {
                Anchor = usedAnchor && scan.Anchor is { } anchor ? TimexValues.Day(anchor) : null,
                Mod = c.Mod,
            });
        }

        return result;
    }

    private static string? DayPart(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length >= 10 && (char.IsDigit(value[0]) || value.StartsWith("XXXX-WXX-", StringComparison.Ordinal)) && value[4] == '-')
        {
            if (value.StartsWith("XXXX-WXX-", StringComparison.Ordinal))
            {
                return value[..10];
            }

            return value.Length >= 10 && value[7] == '-' && char.IsDigit(value[8]) ? value[..10] : null;
        }

        return null;
    }

    private static bool CrossesSentence(string text, int from, int to)
    {
        for (var i = Math.Max(0, from); i < to && i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' or '\u061F' or '\n')
            {
                return true;
            }
        }

        return false;
    }

    // ---- rules -------------------------------------------------------------------------------

    private static void DayMonth(Match m, Scan scan, List<Candidate> output)
    {
        var day = Number(m.Groups["d"].Value);
        var month = MonthOf(m.Groups["m"].Value);
        if (day is null || month is null)
        {
            return;
        }

        if (m.Groups["every"].Success)
        {
            output.Add(new Candidate(m.Index, m.Index + m.Length, "SET", TimexValues.UnknownYearDay(month.Value, (int)day.Value)));
            return;
        }

        var (year, usedAnchor) = YearFor(m, month.Value, scan, m.Index, day);
        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", DayValue(year, month.Value, (int)day.Value)) { UsedAnchor = usedAnchor });
    }

    private static void DayOfRelativeMonth(Match m, Scan scan, List<Candidate> output)
    {
        if (Number(m.Groups["d"].Value) is not { } day)
        {
            return;
        }

        var relative = m.Groups["rel"].Success ? RelativeOf(m.Groups["rel"].Value) : 0;
        string? value = null;
        if (scan.Anchor is { } a)
        {
            var month = a.AddMonths(relative);
            value = DayValue(month.Year, month.Month, (int)day);
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", value) { UsedAnchor = scan.Anchor is not null });
    }

    private static void DayRange(Match m, Scan scan, List<Candidate> output)
    {
        var d1 = Number(m.Groups["d1"].Value);
        var d2 = Number(m.Groups["d2"].Value);
        var month2 = MonthOf(m.Groups["m"].Value);
        if (d1 is null || d2 is null || month2 is null)
        {
            return;
        }

        var month1 = m.Groups["m1"].Success ? MonthOf(m.Groups["m1"].Value) ?? month2 : month2;
        var (year2, usedAnchor) = YearFor(m, month2.Value, scan, m.Index, d2);
        int? year1 = m.Groups["y1"].Success ? int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture) : year2 is null ? null : month1 > month2 ? year2 - 1 : year2;
        var from = DayValue(year1, month1.Value, (int)d1.Value);
        var to = DayValue(year2, month2.Value, (int)d2.Value);
        var value = from is null || to is null ? null : from + "/" + to;
        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", value) { UsedAnchor = usedAnchor });
    }

    private static void DayList(Match m, Scan scan, List<Candidate> output)
    {
        var d1 = Number(m.Groups["d1"].Value);
        var d2 = Number(m.Groups["d2"].Value);
        var month = MonthOf(m.Groups["m"].Value);
        if (d1 is null || d2 is null || month is null)
        {
            return;
        }

        var (year, usedAnchor) = YearFor(m, month.Value, scan, m.Index, d2);
        var group = new object();
        var first = m.Groups["d1"];
        var second = m.Groups["d2"];
        output.Add(new Candidate(first.Index, first.Index + first.Length, "DATE", DayValue(year, month.Value, (int)d1.Value)) { UsedAnchor = usedAnchor, Group = group });
        output.Add(new Candidate(second.Index, m.Index + m.Length, "DATE", DayValue(year, month.Value, (int)d2.Value)) { UsedAnchor = usedAnchor, Group = group });
    }

    private static void YearRange(Match m, Scan scan, List<Candidate> output)
    {
        var y1 = int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture);
        var y2 = int.Parse(m.Groups["y2"].Value, CultureInfo.InvariantCulture);
        if (y1 < 1000 || y2 > 2200 || y2 <= y1 || y2 - y1 > 200 || FollowedByQuantityNoun(scan.Text, m.Index + m.Length))
        {
            return;
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", $"{TimexValues.Year(y1)}/{TimexValues.Year(y2)}"));
    }

    private static void MonthRange(Match m, Scan scan, List<Candidate> output)
    {
        var month1 = MonthOf(m.Groups["m1"].Value);
        var month2 = MonthOf(m.Groups["m"].Value);
        if (month1 is null || month2 is null)
        {
            return;
        }

        var (year2, usedAnchor) = YearFor(m, month2.Value, scan, m.Index);
        string value;
        if (year2 is null)
        {
            value = $"XXXX-{month1.Value:D2}/XXXX-{month2.Value:D2}";
        }
        else
        {
            var year1 = month1 > month2 ? year2.Value - 1 : year2.Value;
            value = TimexValues.Month(year1, month1.Value) + "/" + TimexValues.Month(year2.Value, month2.Value);
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", value) { UsedAnchor = usedAnchor });
    }

    private static void MonthYear(Match m, Scan scan, List<Candidate> output)
    {
        var monthText = m.Groups["m"].Value;
        var month = MonthOf(monthText);
        if (month is null)
        {
            return;
        }

        var hasContext = m.Groups["mod"].Success || m.Groups["shahr"].Success || m.Groups["mb"].Success || m.Groups["y"].Success || m.Groups["yrel"].Success || m.Groups["rel"].Success;
        if (!hasContext && AmbiguousMonths.Contains(monthText) && !MonthPrepositions.Contains(scan.PreviousWord(m.Index)))
        {
            return;
        }

        var (year, usedAnchor) = YearFor(m, month.Value, scan, m.Index);
        var value = year is null ? $"XXXX-{month.Value:D2}" : TimexValues.Month(year.Value, month.Value);
        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", value) { UsedAnchor = usedAnchor, Mod = ModOf(m) });
    }

    private static void Numeric(Match m, Scan scan, List<Candidate> output)
    {
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var date = TimexValues.TryDate(year, month, day);
        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", date is null ? null : TimexValues.Day(date.Value)));
    }

    private static void Hijri(Match m, Scan scan, List<Candidate> output)
    {
        if (!TryLookup(HijriMonths, m.Groups["hm"].Value, out var month))
        {
            return;
        }

        var hasDay = m.Groups["d"].Success;
        var hasYear = m.Groups["y"].Success;
        if (!hasYear && (!hasDay || month is 2 or 7))
        {
            // A bare month name (رمضان، صفر) is an event or an ordinary word more often than a date.
            return;
        }

        int? year = hasYear ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : scan.Anchor is { } a ? TimexValues.HijriYearOf(a) : null;
        string? value = null;
        if (year is not null)
        {
            if (hasDay && Number(m.Groups["d"].Value) is null)
            {
                return;
            }

            if (hasDay && Number(m.Groups["d"].Value) is { } day)
            {
                var date = TimexValues.FromHijri(year.Value, month, (int)day);
                value = date is null ? null : TimexValues.Day(date.Value);
            }
            else if (!hasDay)
            {
                value = TimexValues.HijriMonthSpan(year.Value, month);
            }
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", value) { UsedAnchor = !hasYear && year is not null });
    }

    private static void Year(Match m, Scan scan, List<Candidate> output)
    {
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 1000 || year > 2200)
        {
            return;
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", TimexValues.Year(year)) { Mod = ModOf(m) });
    }

    private static void BareYear(Match m, Scan scan, List<Candidate> output)
    {
        if (!YearPrepositions.Contains(scan.PreviousWord(m.Index)) || FollowedByQuantityNoun(scan.Text, m.Index + m.Length))
        {
            return;
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", m.Groups["y"].Value));
    }

    private static void Decade(Match m, Scan scan, List<Candidate> output)
    {
        var tens = m.Groups["dec"].Value switch
        {
            "عشرين" => 2,
            "ثلاثين" => 3,
            "اربعين" => 4,
            "خمسين" => 5,
            "ستين" => 6,
            "سبعين" => 7,
            "ثمانين" => 8,
            _ => 9,
        };
        var century = 20;
        if (m.Groups["cent"].Success)
        {
            century = CenturyNumber(m.Groups["cent"].Value, scan.Anchor) ?? 20;
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", ((century - 1) * 10 + tens).ToString(CultureInfo.InvariantCulture)) { Mod = ModOf(m) });
    }

    private static void Century(Match m, Scan scan, List<Candidate> output)
    {
        var text = m.Groups["cent"].Value;
        var number = CenturyNumber(text, scan.Anchor);
        var relative = text is "الماضي" or "الحالي" or "الجاري";
        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", number is null ? null : (number.Value - 1).ToString("D2", CultureInfo.InvariantCulture))
        {
            Mod = ModOf(m),
            UsedAnchor = relative && number is not null,
        });
    }

    private static void Quarter(Match m, Scan scan, List<Candidate> output)
    {
        var quarter = m.Groups["q"].Value switch
        {
            "الاول" => 1,
            "الثاني" => 2,
            "الثالث" => 3,
            _ => 4,
        };
        int? year = null;
        var usedAnchor = false;
        if (m.Groups["y"].Success)
        {
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }
        else if (scan.Anchor is { } a)
        {
            year = a.Year + (m.Groups["rel"].Success ? RelativeOf(m.Groups["rel"].Value) : 0);
            usedAnchor = true;
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", year is null ? null : $"{TimexValues.Year(year.Value)}-Q{quarter}") { UsedAnchor = usedAnchor, Mod = ModOf(m) });
    }

    private static void Clock(Match m, Scan scan, List<Candidate> output)
    {
        var hasHourMinute = m.Groups["hm"].Success;
        var hasAmPm = m.Groups["ampm"].Success;
        var hasSaa = m.Groups["sa"].Success;
        if (!hasSaa && !hasAmPm && !(hasHourMinute && m.Groups["tz"].Success))
        {
            return;
        }

        if (m.Groups["hd"].Success && !hasSaa)
        {
            return;
        }

        int hour;
        var minute = 0;
        if (hasHourMinute)
        {
            var parts = m.Groups["hm"].Value.Split(':', '.');
            hour = int.Parse(parts[0], CultureInfo.InvariantCulture);
            minute = int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        else if (m.Groups["hd"].Success)
        {
            hour = int.Parse(m.Groups["hd"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            var word = m.Groups["hw"].Value;
            hour = word == "الواحدة" ? 1 : Ordinals.TryGetValue(NormalizeBlanks(word), out var h) ? h : -1;
            if (hour is < 1 or > 12)
            {
                return;
            }

            minute = m.Groups["frac"].Value switch
            {
                "النصف" or "نصف" => 30,
                "الربع" or "ربع" => 15,
                "الثلث" or "ثلث" => 20,
                _ => 0,
            };
            if (m.Groups["minus"].Success)
            {
                hour -= 1;
                minute = m.Groups["minus"].Value.StartsWith("ربع", StringComparison.Ordinal) ? 45 : 40;
            }
        }

        if (m.Groups["mins"].Success)
        {
            minute = int.Parse(m.Groups["mins"].Value, CultureInfo.InvariantCulture);
        }

        if (hour is < 0 or > 24 || minute is < 0 or > 59)
        {
            return;
        }

        if (hasAmPm)
        {
            var ampm = NormalizeBlanks(m.Groups["ampm"].Value);
            hour = ampm switch
            {
                "مساء" or "مساءا" or "عصرا" or "بعد الظهر" or "بعد ظهر" when hour < 12 => hour + 12,
                "ليلا" when hour is >= 6 and < 12 => hour + 12,
                "ليلا" when hour == 12 => 0,
                "ظهرا" when hour < 6 => hour + 12,
                "صباحا" or "صباح" or "فجرا" when hour == 12 => 0,
                _ => hour,
            };
        }

        var zone = string.Empty;
        if (m.Groups["tz"].Success)
        {
            var tz = m.Groups["tz"].Value;
            if (tz.Contains("غرين", StringComparison.Ordinal) || tz.Contains("جرين", StringComparison.Ordinal) || tz.Contains("GMT", StringComparison.Ordinal) || tz.Contains('غ', StringComparison.Ordinal) && tz.StartsWith('ت'))
            {
                zone = "Z";
            }
            else if (tz.Contains("مكة", StringComparison.Ordinal) || tz.Contains("السعودية", StringComparison.Ordinal) || tz.Contains("الرياض", StringComparison.Ordinal))
            {
                zone = "+03:00";
            }
        }

        string? clockDay = null;
        var usedAnchor = false;
        if (m.Groups["day"].Success)
        {
            var dayWord = m.Groups["day"].Value;
            if (Weekdays.TryGetValue(dayWord, out var iso))
            {
                if (scan.Anchor is { } a)
                {
                    clockDay = TimexValues.Day(TimexValues.Weekday(a, iso, null, scan.TenseBefore(m.Index)));
                    usedAnchor = true;
                }
                else
                {
                    clockDay = $"XXXX-WXX-{iso}";
                }
            }
            else
            {
                var offset = dayWord switch
                {
                    "امس" => -1,
                    "غد" or "الغد" => 1,
                    _ => 0,
                };
                clockDay = scan.Anchor is { } a ? TimexValues.Day(a.AddDays(offset)) : "XXXX-XX-XX";
                usedAnchor = scan.Anchor is not null;
            }
        }

        var suffix = $"T{hour:D2}:{minute:D2}{zone}";
        output.Add(new Candidate(m.Index, m.Index + m.Length, "TIME", null) { ClockSuffix = suffix, ClockDay = clockDay, UsedAnchor = usedAnchor });
    }

    private static void RelativeDay(Match m, Scan scan, List<Candidate> output)
    {
        var rel = NormalizeBlanks(m.Groups["rel"].Value);
        var end = m.Index + m.Length;
        if (rel is "اليوم" or "الليلة" && !m.Groups["wd"].Success && !m.Groups["pod"].Success
            && (FollowedByDefiniteAdjective(scan.Text, end) || TodayBlockers.Contains(scan.PreviousWord(m.Index))))
        {
            // اليوم الوطني، الليلة الحجازية: a day named by what follows; هذا اليوم، في اليوم: a day of the story or "per day", not today.
            return;
        }

        var (offset, night) = rel switch
        {
            "امس" or "الامس" or "البارحة" or "يوم امس" => (-1, false),
            "اول امس" or "اول من امس" or "امس الاول" => (-2, false),
            "غدا" or "الغد" or "يوم غد" => (1, false),
            "بعد غد" or "بعد الغد" => (2, false),
            "الليلة" => (0, true),
            "الليلة الماضية" => (-1, true),
            _ => (0, false),
        };
        var pod = m.Groups["pod"].Success ? PartsOfDay[NormalizeBlanks(m.Groups["pod"].Value)] : night ? "NI" : null;
        var type = pod is null ? "DATE" : "TIME";
        string value;
        if (scan.Anchor is { } a)
        {
            value = TimexValues.Day(a.AddDays(offset)) + (pod is null ? string.Empty : "T" + pod);
        }
        else if (m.Groups["wd"].Success && Weekdays.TryGetValue(m.Groups["wd"].Value, out var iso))
        {
            value = $"XXXX-WXX-{iso}" + (pod is null ? string.Empty : "T" + pod);
        }
        else if (pod is not null)
        {
            value = "XXXX-XX-XXT" + pod;
        }
        else
        {
            value = offset switch
            {
                < 0 => "PAST_REF day",
                > 0 => "FUTURE_REF day",
                _ => "PRESENT_REF day",
            };
        }

        output.Add(new Candidate(m.Index, end, type, value) { UsedAnchor = scan.Anchor is not null });
    }

    private static void WeekdayExpression(Match m, Scan scan, List<Candidate> output)
    {
        var wd = m.Groups["wd"];
        if (!Weekdays.TryGetValue(wd.Value, out var iso))
        {
            return;
        }

        var end = m.Index + m.Length;
        if (StartsWithWord(scan.Text, wd.Index + wd.Length, "عشر") || (m.Index == wd.Index && WeekdayBlockers.Contains(scan.PreviousWord(m.Index))))
        {
            return;
        }

        int? relative = m.Groups["rel"].Success ? RelativeOf(m.Groups["rel"].Value) : null;
        if (relative == 0)
        {
            relative = null;
        }

        var pod = m.Groups["pod"].Success ? PartsOfDay[NormalizeBlanks(m.Groups["pod"].Value)] : null;
        string value;
        if (scan.Anchor is { } a)
        {
            value = TimexValues.Day(TimexValues.Weekday(a, iso, relative, relative is null ? scan.TenseBefore(m.Index) : Tense.None));
        }
        else
        {
            value = $"XXXX-WXX-{iso}";
        }

        if (pod is not null)
        {
            value += "T" + pod;
        }

        output.Add(new Candidate(m.Index, end, pod is null ? "DATE" : "TIME", value) { UsedAnchor = scan.Anchor is not null });
    }

    private static void RelativeUnit(Match m, Scan scan, List<Candidate> output)
    {
        var mod = ModOf(m);
        int relative;
        if (m.Groups["weekend"].Success)
        {
            relative = m.Groups["rel"].Success ? RelativeOf(m.Groups["rel"].Value) : 0;
            var weekend = scan.Anchor is { } wa ? TimexValues.Week(wa.AddDays(7 * relative)) + "-WE" : RefValue(relative, "weekend");
            output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", weekend) { UsedAnchor = scan.Anchor is not null });
            return;
        }

        if (m.Groups["this"].Success)
        {
            relative = 0;
        }
        else if (m.Groups["rel"].Success)
        {
            relative = RelativeOf(m.Groups["rel"].Value);
        }
        else if (mod is not null)
        {
            relative = 0;
        }
        else
        {
            return;
        }

        var unit = m.Groups["unit"].Value;
        string value;
        if (scan.Anchor is not { } a)
        {
            value = RefValue(relative, unit switch
            {
                "الاسبوع" => "week",
                "الشهر" => "month",
                "العقد" => "decade",
                _ => "year",
            });
        }
        else
        {
            value = unit switch
            {
                "الاسبوع" => TimexValues.Week(a.AddDays(7 * relative)),
                "الشهر" => TimexValues.Month(a.AddMonths(relative).Year, a.AddMonths(relative).Month),
                "العقد" => ((a.Year / 10) + relative).ToString(CultureInfo.InvariantCulture),
                _ => TimexValues.Year(a.Year + relative),
            };
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", value) { UsedAnchor = scan.Anchor is not null, Mod = mod });
    }

    private static void Ago(Match m, Scan scan, List<Candidate> output)
    {
        if (!TryLookup(Units, m.Groups["unit"].Value, out var unit))
        {
            return;
        }

        var amount = m.Groups["n"].Success ? Number(m.Groups["n"].Value) : unit.DualCount > 0 ? unit.DualCount : 1;
        if (amount is null)
        {
            return;
        }

        if (!m.Groups["n"].Success && unit.DualCount == 0 && IsPlural(m.Groups["unit"].Value))
        {
            // منذ سنوات، قبل أيام: a vague past.
            output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", "PAST_REF"));
            return;
        }

        if (unit.Clock)
        {
            // منذ 48 ساعة: hours back from an anchor known only to the day are a duration, not a date.
            var core = m.Groups["core"];
            output.Add(new Candidate(core.Index, core.Index + core.Length, "DURATION", DurationValue(amount.Value, unit)));
            return;
        }

        string value;
        var n = (int)Math.Round(amount.Value * unit.Multiplier);
        if (scan.Anchor is not { } a)
        {
            value = RefValue(-1, unit.Letter switch
            {
                'D' => "day",
                'W' => "week",
                'M' => "month",
                _ => "year",
            });
        }
        else
        {
            value = unit.Letter switch
            {
                'D' => TimexValues.Day(a.AddDays(-n)),
                'W' => TimexValues.Week(a.AddDays(-7 * n)),
                'M' => TimexValues.Month(a.AddMonths(-n).Year, a.AddMonths(-n).Month),
                _ => a.Year - n > 0 ? TimexValues.Year(a.Year - n) : null!,
            };
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DATE", value) { UsedAnchor = scan.Anchor is not null });
    }

    private static void DefiniteDuration(Match m, Scan scan, List<Candidate> output)
    {
        var unitText = m.Groups["unit"].Value;
        if (!TryLookup(DefinitePluralUnits, unitText, out var unit) && !TryLookup(Units, unitText, out unit))
        {
            return;
        }

        var numberText = m.Groups["n"].Value;
        if (numberText.StartsWith("ال", StringComparison.Ordinal))
        {
            numberText = numberText[2..];
        }

        if (Number(numberText) is not { } amount)
        {
            return;
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DURATION", DurationValue(amount, unit)));
    }

    private static void DualDuration(Match m, Scan scan, List<Candidate> output)
    {
        // اليومين الماضيين: the article and the dual ending around a unit.
        var unitText = m.Groups["unit"].Value[2..];
        if (TryLookup(Units, unitText, out var unit))
        {
            output.Add(new Candidate(m.Index, m.Index + m.Length, "DURATION", DurationValue(2, unit)));
        }
    }

    private static void VagueDuration(Match m, Scan scan, List<Candidate> output)
    {
        // السنوات الأخيرة، الأيام الماضية: an unspecified number of units (TIMEX3 PXY, PXD...).
        var value = m.Groups["unit"].Value switch
        {
            "الايام" => "PXD",
            "الاسابيع" => "PXW",
            "الاشهر" or "الشهور" => "PXM",
            "العقود" => "PXDE",
            "الساعات" => "PTXH",
            _ => "PXY",
        };
        output.Add(new Candidate(m.Index, m.Index + m.Length, "DURATION", value));
    }

    private static void Duration(Match m, Scan scan, List<Candidate> output)
    {
        if (!TryLookup(Units, m.Groups["unit"].Value, out var unit))
        {
            return;
        }

        double? amount;
        if (m.Groups["n"].Success)
        {
            amount = Number(m.Groups["n"].Value);
        }
        else if (unit.DualCount > 0)
        {
            amount = unit.DualCount;
        }
        else if (m.Groups["whole"].Success)
        {
            amount = 1;
        }
        else
        {
            return;
        }

        if (amount is null || amount <= 0 || IsAge(scan, m.Index) || IsParenthesised(scan.Text, m.Index, m.Index + m.Length))
        {
            return;
        }

        output.Add(new Candidate(m.Index, m.Index + m.Length, "DURATION", DurationValue(amount.Value, unit)));
    }

    private static void SetExpression(Match m, Scan scan, List<Candidate> output)
    {
        string? value = null;
        if (m.Groups["adv"].Success)
        {
            value = m.Groups["adv"].Value switch
            {
                "يوميا" => "P1D",
                "اسبوعيا" => "P1W",
                "شهريا" => "P1M",
                _ => "P1Y",
            };
        }
        else if (m.Groups["bwd"].Success && BareWeekdays.TryGetValue(m.Groups["bwd"].Value, out var bare))
        {
            value = $"XXXX-WXX-{bare}";
        }
        else if (m.Groups["wd"].Success && Weekdays.TryGetValue(m.Groups["wd"].Value, out var iso))
        {
            value = $"XXXX-WXX-{iso}";
        }
        else if (m.Groups["unit"].Success && TryLookup(Units, m.Groups["unit"].Value, out var unit))
        {
            var amount = m.Groups["n"].Success ? Number(m.Groups["n"].Value) : unit.DualCount > 0 ? unit.DualCount : 1;
            value = amount is null ? null : DurationValue(amount.Value, unit);
        }

        if (value is not null)
        {
            output.Add(new Candidate(m.Index, m.Index + m.Length, "SET", value));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /// <summary>The year of a month match: written, "من العام الماضي", relative word, or tense; null when it needs an anchor that is absent.</summary>
    private static (int? Year, bool UsedAnchor) YearFor(Match m, int month, Scan scan, int position, double? day = null)
    {
        if (m.Groups["y"].Success)
        {
            return (int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), false);
        }

        if (scan.Anchor is not { } a)
        {
            return (null, false);
        }

        if (m.Groups["yrel"].Success)
        {
            return (a.Year + RelativeOf(m.Groups["yrel"].Value), true);
        }

        int? relative = m.Groups["rel"].Success ? RelativeOf(m.Groups["rel"].Value) : null;

        // منذ (since) points back; otherwise the clause's verb decides.
        var tense = relative is not null ? Tense.None : scan.PreviousWord(position) == "منذ" ? Tense.Past : scan.TenseBefore(position);
        return (TimexValues.ChooseYear(month, a, relative, tense, day is null ? null : (int)day.Value), true);
    }

    private static string? DayValue(int? year, int month, int day)
    {
        if (year is null)
        {
            return TimexValues.UnknownYearDay(month, day);
        }

        var date = TimexValues.TryDate(year.Value, month, day);
        return date is null ? null : TimexValues.Day(date.Value);
    }

    private static string DurationValue(double amount, DurationUnit unit) =>
        (unit.Clock ? "PT" : "P") + TimexValues.Amount(amount * unit.Multiplier) + unit.Letter;

    private static string RefValue(int relative, string unit) => relative switch
    {
        < 0 => "PAST_REF " + unit,
        > 0 => "FUTURE_REF " + unit,
        _ => "PRESENT_REF " + unit,
    };

    private static int? MonthOf(string text) => TryLookup(Months, text, out var month) ? month : null;

    private static int RelativeOf(string text) => Relatives.TryGetValue(text, out var r) ? r : 0;

    private static string? ModOf(Match m) => m.Groups["mod"].Success && Mods.TryGetValue(m.Groups["mod"].Value, out var mod) ? mod : null;

    /// <summary>A century named by ordinal (القرن العشرين = 20), by number (القرن الـ19) or relative to the anchor (القرن الماضي).</summary>
    private static int? CenturyNumber(string text, DateOnly? anchor)
    {
        text = NormalizeBlanks(text);
        switch (text)
        {
            case "الماضي":
                return anchor is { } a ? (a.Year / 100) : null;
            case "الحالي" or "الجاري":
                return anchor is { } b ? (b.Year / 100) + 1 : null;
        }

        if (text.StartsWith("ال", StringComparison.Ordinal) && text.Length > 2 && char.IsDigit(text[2]))
        {
            return int.Parse(text.AsSpan(2), CultureInfo.InvariantCulture);
        }

        return Ordinals.TryGetValue(text, out var n) ? n : null;
    }

    private static bool IsPlural(string unit) => unit is "ايام" or "اسابيع" or "اشهر" or "شهور" or "سنوات" or "سنين" or "اعوام" or "عقود" or "ساعات" or "دقائق";

    /// <summary>Digits (4, 2.5, 8,000) or a number word (ثلاثة، العاشر).</summary>
    private static double? Number(string text)
    {
        if (text.Length > 0 && char.IsDigit(text[0]))
        {
            if (ThousandsNumber().IsMatch(text))
            {
                text = text.Replace(",", string.Empty, StringComparison.Ordinal);
            }

            return double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        }

        var key = NormalizeBlanks(text);
        if (Cardinals.TryGetValue(key, out var c))
        {
            return c;
        }

        return Ordinals.TryGetValue(key, out var o) ? o : null;
    }

    private static string NormalizeBlanks(string text) =>
        text.Contains("  ", StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal) || text.Contains('\u00A0', StringComparison.Ordinal)
            ? string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : text;

    private static bool IsAge(Scan scan, int position)
    {
        var p = position;
        for (var k = 0; k < 3; k++)
        {
            var (word, start) = scan.WordBefore(p);
            if (word is null)
            {
                return false;
            }

            if (AgeWords.Contains(word) || (word.Length > 1 && (word[0] == 'و' || word[0] == 'ب') && AgeWords.Contains(word[1..])))
            {
                return true;
            }

            p = start;
        }

        return false;
    }

    /// <summary>"(27 عاما)" after a name is an age, not a duration.</summary>
    private static bool IsParenthesised(string text, int start, int end)
    {
        var before = start - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        var after = end;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        return before >= 0 && text[before] == '(' && after < text.Length && text[after] == ')';
    }

    private static bool FollowedByQuantityNoun(string text, int end)
    {
        var next = NextWord(text, end);
        return next is "دولار" or "يورو" or "جنيه" or "ريال" or "درهم" or "دينار" or "ليرة" or "شخص" or "مليون" or "الف" or "طن" or "كيلومتر" or "متر" or "برميل";
    }

    private static bool FollowedByDefiniteAdjective(string text, int end)
    {
        var next = NextWord(text, end);
        return next is not null && next.StartsWith("ال", StringComparison.Ordinal) && !Weekdays.ContainsKey(next) && !Relatives.ContainsKey(next);
    }

    private static bool StartsWithWord(string text, int end, string word) => NextWord(text, end) == word;

    private static string? NextWord(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        return i > start ? text[start..i] : null;
    }

    private static bool IsProclitic(ReadOnlySpan<char> word, int offset) => offset switch
    {
        1 => word[0] is 'و' or 'ف' or 'ب' or 'ل' or 'ك',
        2 => word[0] is 'و' or 'ف' && word[1] is 'ب' or 'ل' or 'ك',
        _ => false,
    };

    private static bool IsDecadeWord(ReadOnlySpan<char> word) =>
        word.Length >= 7 && word.EndsWith("ات") && (word.Contains("ين", StringComparison.Ordinal));

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsNumber();

    private static FrozenSet<string> Words(params string[] words) => words.Select(FoldedText.FoldWord).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>One text being scanned: the folded text, the anchor, and lazily computed context.</summary>
    private sealed class Scan(string text, DateOnly? anchor)
    {
        public string Text { get; } = text;

        public DateOnly? Anchor { get; } = anchor;

        public Tense TenseBefore(int position) => TenseCue.Before(Text, position);

        /// <summary>The word just before a position (within the line), or "" at the start.</summary>
        public string PreviousWord(int position) => WordBefore(position).Word ?? string.Empty;

        public (string? Word, int Start) WordBefore(int position)
        {
            var i = position - 1;
            while (i >= 0 && Text[i] is ' ' or '\t' or '،' or ',')
            {
                i--;
            }

            var end = i + 1;
            while (i >= 0 && char.IsLetterOrDigit(Text[i]))
            {
                i--;
            }

            return end > i + 1 ? (Text[(i + 1)..end], i + 1) : (null, position);
        }
    }

    /// <summary>A pattern, the rule that resolves its matches, and the words it can start with.</summary>
    private sealed class RuleEntry(Regex pattern, Rule resolve, params string[] firstWords)
    {
        public Regex Pattern { get; } = pattern;

        public Rule Resolve { get; } = resolve;

        public string[] FirstWords { get; } = firstWords;

        /// <summary>A cheap test at the position; when false the pattern is not tried.</summary>
        public Func<string, int, bool>? Guard { get; init; }
    }

    /// <summary>A recognised expression on the folded text, before offsets are mapped back.</summary>
    private sealed record Candidate(int Start, int End, string Type, string? Value)
    {
        public bool UsedAnchor { get; init; }

        public string? Mod { get; init; }

        /// <summary>For clock times: "T10:30Z", completed with a day when the expressions are final.</summary>
        public string? ClockSuffix { get; init; }

        /// <summary>For clock times that name their day (الخامسة مساء اليوم).</summary>
        public string? ClockDay { get; init; }

        /// <summary>Members of one list share a group object.</summary>
        public object? Group { get; init; }
    }
}
