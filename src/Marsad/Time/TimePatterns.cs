using System.Text.RegularExpressions;
using static Marsad.Time.TimeLexicon;

namespace Marsad.Time;

/// <summary>
/// The recogniser's patterns over folded text (<see cref="FoldedText"/>: no hamza on alef, ى → ي,
/// ASCII digits, no tatweel). Each pattern starts with \G: it is tried only at the start of a word
/// that can open a time expression, so a whole article costs a few hundred anchored attempts.
/// Patterns whose alternations come from the lexicon tables are built once at start-up (they cannot
/// be source-generated); fixed-shape patterns use [GeneratedRegex].
/// </summary>
internal static partial class TimePatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture;

    /// <summary>Blanks inside one line.</summary>
    private const string S = Blank;

    /// <summary>Optional blanks inside one line.</summary>
    private const string OS = "[^\\S\\r\\n]*";

    /// <summary>The end of a word.</summary>
    private const string E = "(?![\\p{L}\\p{N}])";

    private static readonly string Month = Alternation(Months.Keys) + E;
    private static readonly string HijriMonth = Alternation(HijriMonths.Keys) + E;
    private static readonly string Weekday = Alternation(Weekdays.Keys) + E;
    private static readonly string BareWeekday = Alternation(BareWeekdays.Keys) + E;
    private static readonly string Ordinal = Alternation(Ordinals.Keys) + E;
    private static readonly string Cardinal = Alternation(Cardinals.Keys) + E;
    private static readonly string Relative = Alternation(Relatives.Keys) + E;
    private static readonly string Mod = Alternation(Mods.Keys) + E;
    private static readonly string PartOfDay = Alternation(PartsOfDay.Keys) + E;
    private static readonly string Unit = Alternation(Units.Keys) + E;

    /// <summary>The dual units (يومين، ساعتين): the only unit words that are a duration on their own.</summary>
    private static readonly string DualUnit = Alternation(Units.Where(u => u.Value.DualCount > 0).Select(u => u.Key)) + E;
    private static readonly string DefiniteUnit = Alternation(DefinitePluralUnits.Keys) + E;
    private static readonly string DefiniteCardinal = "(?:ال)?\\p{L}+";

    /// <summary>
    /// The shape of a number word (ثلاثة، خمسة عشر، سبعة وثلاثين) or an ordinal (العاشر، الحادي عشر،
    /// الخامس والعشرين). Patterns match the shape and rules look the words up in the lexicon: a shape
    /// costs one pass where an alternation of hundreds of phrases costs one try per phrase.
    /// </summary>
    private static readonly string NumberWord = $"\\p{{L}}+(?:{S}(?:عشرة?|و\\p{{L}}+){E})?";

    private static readonly string OrdinalWord = $"ال\\p{{L}}+(?:{S}(?:عشرة?|وال(?!(?:نصف|ربع|ثلث){E})\\p{{L}}+){E})?";

    /// <summary>A day of the month: digits or an ordinal word.</summary>
    private static string Day(string name) => $"(?<{name}>\\d{{1,2}}(?!\\d)|{OrdinalWord})";

    /// <summary>A month with an optional second name: أيلول/سبتمبر, أيلول (سبتمبر), سبتمبر - أيلول, مارس آذار.</summary>
    private static string MonthPair(string name) =>
        $"(?<{name}>{Month})(?:{OS}[/\\-]{OS}(?<{name}b>{Month})|{OS}\\({OS}(?<{name}b>{Month}){OS}\\)|{S}(?<{name}b>{Month}))?";

    /// <summary>A written year after a month or day: 2023, عام 2023, من العام 2023, 2023م.</summary>
    private static string YearAfter(string name) =>
        $"(?:{S}(?:من{S})?(?:(?:عام|العام|سنة){S})?(?<{name}>\\d{{4}})(?!\\d)(?:{OS}م(?!\\p{{L}}))?)";

    /// <summary>"من العام الماضي" after a month.</summary>
    private static readonly string YearRelativeAfter = $"(?:{S}من{S}(?:العام|السنة|عام){S}(?<yrel>{Relative}))";

    public static readonly Regex DayMonth = new(
        $"\\G(?:يوم{S})?(?:(?<wd>{Weekday}){OS}،?{OS})?{Day("d")}(?:{S}من)?{S}(?:شهر{S})?{MonthPair("m")}(?:{YearAfter("y")}|{YearRelativeAfter})?(?:{S}(?<rel>{Relative}))?(?<every>{S}من{S}كل{S}(?:عام|سنة){E})?",
        Options);

    public static readonly Regex DayOfRelativeMonth = new(
        $"\\G(?:يوم{S})?{Day("d")}{S}من{S}(?:(?<this>هذا{S}الشهر)|الشهر{S}(?<rel>{Relative})){E}",
        Options);

    public static readonly Regex DayRange = new(
        $"\\G(?:(?<from>من)|(?<between>بين)){S}(?:(?:يوم|يومي){S})?{Day("d1")}(?:{S}(?:من{S})?{MonthPair("m1")})?(?:{YearAfter("y1")})?{OS}(?:الي|حتي|لغاية|ولغاية|و|-){OS}(?:يوم{S})?{Day("d2")}(?:{S}من)?{S}(?:شهر{S})?{MonthPair("m")}(?:{YearAfter("y")})?(?:{S}(?<rel>{Relative}))?",
        Options);

    public static readonly Regex DashRange = new(
        $"\\G(?<d1>\\d{{1,2}}){OS}-{OS}(?<d2>\\d{{1,2}}){S}(?:شهر{S})?{MonthPair("m")}(?:{YearAfter("y")})?(?:{S}(?<rel>{Relative}))?",
        Options);

    public static readonly Regex DayList = new(
        $"\\G(?<d1>\\d{{1,2}}){OS}و{OS}(?<d2>\\d{{1,2}}){S}(?:من{S})?(?:شهر{S})?{MonthPair("m")}(?:{YearAfter("y")})?(?:{S}(?<rel>{Relative}))?",
        Options);

    public static readonly Regex YearRange = new(
        $"\\G(?:(?<from>من)|(?<between>بين)){S}(?:(?:عامي|العامين|سنتي|عام|العام|سنة|السنة){S})?(?<y1>\\d{{4}})(?!\\d){OS}(?:الي|حتي|و|-){OS}(?:(?:عام|العام|سنة){S})?(?<y2>\\d{{4}})(?!\\d)",
        Options);

    public static readonly Regex MonthRange = new(
        $"\\G(?:(?<from>من)|(?<between>بين)){S}(?:(?:شهر|شهري){S})?{MonthPair("m1")}{OS}(?:الي|حتي|و){OS}(?:شهر{S})?{MonthPair("m")}(?:{YearAfter("y")})?(?:{S}(?<rel>{Relative}))?",
        Options);

    public static readonly Regex MonthYear = new(
        $"\\G(?:(?<mod>{Mod}){S})?(?<shahr>(?:شهر|شهري){S})?{MonthPair("m")}(?:{YearAfter("y")}|{YearRelativeAfter}|{S}(?<rel>{Relative}))?",
        Options);

    public static readonly Regex Hijri = new(
        $"\\G(?:{Day("d")}(?:{S}من)?{S})?(?:شهر{S})?(?<hm>{HijriMonth})(?:{S}(?:(?:سنة|عام){S})?(?<y>\\d{{3,4}})(?!\\d){OS}(?:ه|هجري|هجرية|للهجرة){E})?",
        Options);

    public static readonly Regex Year = new(
        $"\\G(?:(?<mod>{Mod}){S})?(?:عام|العام|سنة|السنة|لعام|عامي){S}(?<y>\\d{{4}})(?!\\d)(?:{OS}م(?!\\p{{L}}))?(?!{OS}ه{E})",
        Options);

    public static readonly Regex Decade = new(
        $"\\G(?:(?<mod>{Mod}){S})?(?:عقد{S})?(?:ال)?(?<dec>عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين)(?:يات|ات){E}(?:{S}(?:من{S})?القرن{S}(?<cent>الماضي|الحالي|العشرين|التاسع{S}عشر|الثامن{S}عشر|ال\\d{{2}}){E})?",
        Options);

    public static readonly Regex Century = new(
        $"\\G(?:(?<mod>{Mod}){S})?القرن{S}(?<cent>الماضي|الحالي|الجاري|{Ordinal}|ال\\d{{1,2}}(?!\\d))(?:{S}(?:الميلادي|للميلاد))?",
        Options);

    public static readonly Regex RelativeDay = new(
        $"\\G(?:(?<pod>{PartOfDay}){S}(?:يوم{S})?)?(?:(?<rel>اول{S}من{S}امس|اول{S}امس|امس{S}الاول|بعد{S}غد|بعد{S}الغد|الليلة{S}الماضية|الليلة|يوم{S}امس|يوم{S}غد|امس|الامس|البارحة|غدا|الغد|اليوم){E})(?:{S}(?<wd>{Weekday}))?",
        Options);

    public static readonly Regex WeekdayExpression = new(
        $"\\G(?:(?<pod>{PartOfDay}){S})?(?:يوم{S})?(?<wd>{Weekday})(?:{S}(?<rel>{Relative}))?",
        Options);

    public static readonly Regex RelativeUnit = new(
        $"\\G(?:(?<weekend>(?:عطلة{S})?نهاية{S}الاسبوع{E})(?:{S}(?<rel>{Relative}))?|(?:(?<mod>{Mod}){S})?(?:(?<this>هذا|هذه){S}(?<unit>الاسبوع|الشهر|العام|السنة|العقد){E}|(?<unit>الاسبوع|الشهر|العام|السنة|العقد){E}(?:{S}(?<rel>{Relative}))?))",
        Options);

    public static readonly Regex Quarter = new(
        $"\\G(?:(?<mod>{Mod}){S})?الربع{S}(?<q>الاول|الثاني|الثالث|الرابع|الاخير){E}{S}(?:من{S})?(?:(?:عام|العام|سنة){S}(?<y>\\d{{4}})(?!\\d)|(?:العام|السنة){S}(?<rel>{Relative})|(?<cur>هذا{S}العام|العام))",
        Options);

    public static readonly Regex Ago = new(
        $"\\G(?<prep>منذ|قبل){S}(?:(?:نحو|حوالي|قرابة|زهاء|(?:اكثر|اقل){S}من){S})?(?<core>(?:(?<n>\\d{{1,3}}(?:,\\d{{3}})+|\\d+(?:[.,]\\d+)?|{NumberWord}){S})?(?<unit>{Unit}))(?!{S}(?:\\d|من{E}|{Month}|{HijriMonth}))",
        Options);

    /// <summary>
    /// A number and a unit (ثلاثة أيام، 48 ساعة), a unit with كامل/واحد (شهر كامل), or a dual unit (يومين). A bare
    /// singular or plural unit word (يوم، سنوات) is not matched: it is no duration, and it is most of the unit words in news.
    /// </summary>
    public static readonly Regex Duration = new(
        $"\\G(?:(?<n>\\d{{1,3}}(?:,\\d{{3}})+|\\d+(?:[.,]\\d+)?|{NumberWord}){S}(?<unit>{Unit})|(?<unit>{Unit}){S}(?<whole>كامل|كاملة|كاملا|واحد|واحدة){E}|(?<unit>{DualUnit}))",
        Options);

    public static readonly Regex DefiniteDuration = new(
        $"\\G(?:(?<unit>{DefiniteUnit}){S}(?<n>(?:ال)?\\d+|{DefiniteCardinal})|(?:ال)?(?<n>\\d+){S}(?<unit>{Unit})){S}(?:الماضية|الماضي|الاخيرة|المقبلة|القادمة|المنصرمة|المقبل|القادم|الاخير){E}",
        Options);

    public static readonly Regex DualDuration = new(
        $"\\G(?<unit>اليومين|الاسبوعين|الشهرين|العامين|السنتين|الساعتين|العقدين){S}(?:الماضيين|الاخيرين|المقبلين|القادمين|الماضيتين|الاخيرتين|المقبلتين|القادمتين){E}",
        Options);

    public static readonly Regex VagueDuration = new(
        $"\\G(?<unit>الايام|الاسابيع|الاشهر|الشهور|السنوات|الاعوام|السنين|العقود|الساعات){S}(?:القليلة{S})?(?:الماضية|الاخيرة|المقبلة|القادمة|المنصرمة){E}",
        Options);

    public static readonly Regex Clock = new(
        $"\\G(?:(?<sa>الساعة){S})?(?:(?<hm>\\d{{1,2}}[:.]\\d{{2}})(?!\\d)|(?<hw>{OrdinalWord})(?:{S}و(?<frac>النصف|الربع|الثلث|نصف|ربع|ثلث){E}|{S}الا{S}(?<minus>ربعا|ربع|ثلثا|ثلث){E})?|(?<hd>\\d{{1,2}})(?!\\d))(?:{S}(?:و(?<mins>\\d{{1,2}}){S}دقيقة{E}))?(?:{S}(?<ampm>صباحا|صباح|مساء|مساءا|ظهرا|عصرا|ليلا|فجرا|بعد{S}الظهر|بعد{S}ظهر){E}(?:{S}(?<day>اليوم|امس|غد|الغد|{Weekday}))?)?(?:{S}(?<tz>بتوقيت{S}(?:غرينتش|غرينيتش|جرينتش|جرينيتش|مكة{S}المكرمة|مكة|السعودية|الرياض|\\p{{L}}+)|بالتوقيت{S}(?:المحلي|العالمي|الصيفي|الشتوي)|ت{OS}\\.{OS}غ|GMT){E})?",
        Options);

    public static readonly Regex Set = new(
        $"\\G(?:كل{S}(?:يوم{S}(?<bwd>{BareWeekday})|(?<wd>{Weekday})|(?<bwd>{BareWeekday})|(?:(?<n>\\d+|{NumberWord}){S})?(?<unit>{Unit}))|(?<adv>يوميا|اسبوعيا|شهريا|سنويا){E}|ايام{S}(?<wd>{Weekday}))",
        Options);

    [GeneratedRegex(@"\G(?<d>\d{1,2})(?<s>[/.\-])(?<m>\d{1,2})\k<s>(?<y>\d{4})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex NumericDayFirst();

    [GeneratedRegex(@"\G(?<y>\d{4})(?<s>[/.\-])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex NumericIso();

    [GeneratedRegex(@"\G(?<y>(?:19|20)\d{2})(?![\d%٪/]|[.,\-]\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex BareYear();
}
