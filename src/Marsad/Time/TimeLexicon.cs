using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Marsad.Time;

/// <summary>
/// The words of Arabic time expressions, written readable here and folded (see <see cref="FoldedText"/>)
/// once at start-up: Gregorian month names in the Levantine, Egyptian/Gulf and Maghrebi sets, Hijri
/// months, weekdays, parts of the day, cardinal and ordinal number words, duration units and the
/// relative modifiers (الماضي، المقبل، الجاري). Composed by the Marsad team from general knowledge of
/// Arabic; no third-party resource.
/// </summary>
internal static class TimeLexicon
{
    // Number words, declared first: the tables below are built from them at type initialisation.
    private static readonly string[] UnitWords = ["واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"];
    private static readonly string[] UnitWordsOblique = ["واحدة", "اثنين", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر"];
    private static readonly string[] TensNominative = ["عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"];
    private static readonly string[] TensOblique = ["عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"];
    private static readonly string[] OrdinalsMasculine = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
    private static readonly string[] OrdinalsFeminine = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة"];

    /// <summary>Gregorian month names → month number. كانون 2 / تشرين 1 are handled as written forms too.</summary>
    public static readonly FrozenDictionary<string, int> Months = Fold(new (string, int)[]
    {
        // Levantine / Iraqi (Syriac) names.
        ("كانون الثاني", 1), ("كانون 2", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6),
        ("تموز", 7), ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين 1", 10), ("تشرين الثاني", 11),
        ("تشرين 2", 11), ("كانون الأول", 12), ("كانون 1", 12),
        ("كانون ثاني", 1), ("تشرين أول", 10), ("تشرين ثاني", 11), ("كانون أول", 12),
        // Egyptian / Gulf (transliterated) names and their usual variant spellings.
        ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("إبريل", 4), ("ابريل", 4), ("مايو", 5),
        ("يونيو", 6), ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("اغسطس", 8), ("أغشت", 8),
        ("سبتمبر", 9), ("أكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
        // Maghrebi (French-derived in Tunisia/Algeria, Moroccan forms).
        ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7), ("جويليه", 7),
        ("أوت", 8), ("غشت", 8), ("شتنبر", 9), ("نونبر", 11), ("دجنبر", 12),
    });

    /// <summary>Month names that are also ordinary words (آب father, مارس practised, ماي, نيسان a car maker): they need date context.</summary>
    public static readonly FrozenSet<string> AmbiguousMonths = new[] { "آب", "مارس", "ماي", "نيسان" }
        .Select(FoldedText.FoldWord).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Hijri month names → month number (Umm al-Qura numbering).</summary>
    public static readonly FrozenDictionary<string, int> HijriMonths = Fold(new (string, int)[]
    {
        ("محرم", 1), ("صفر", 2), ("ربيع الأول", 3), ("ربيع الثاني", 4), ("ربيع الآخر", 4),
        ("جمادى الأولى", 5), ("جمادى الأول", 5), ("جمادى الآخرة", 6), ("جمادى الثانية", 6), ("جمادى الآخر", 6),
        ("رجب", 7), ("شعبان", 8), ("رمضان", 9), ("شوال", 10), ("ذو القعدة", 11), ("ذي القعدة", 11),
        ("ذو الحجة", 12), ("ذي الحجة", 12),
    });

    /// <summary>Weekdays with the article → ISO day number (Monday 1 … Sunday 7).</summary>
    public static readonly FrozenDictionary<string, int> Weekdays = Fold(new (string, int)[]
    {
        ("الاثنين", 1), ("الإثنين", 1), ("الثلاثاء", 2), ("الأربعاء", 3), ("الخميس", 4), ("الجمعة", 5), ("السبت", 6), ("الأحد", 7),
    });

    /// <summary>Weekdays without the article, as after كل يوم (كل يوم جمعة).</summary>
    public static readonly FrozenDictionary<string, int> BareWeekdays = Fold(new (string, int)[]
    {
        ("اثنين", 1), ("إثنين", 1), ("ثلاثاء", 2), ("أربعاء", 3), ("خميس", 4), ("جمعة", 5), ("سبت", 6), ("أحد", 7),
    });

    /// <summary>Parts of the day → TIMEX3 part-of-day code.</summary>
    public static readonly FrozenDictionary<string, string> PartsOfDay = FoldText(new (string, string)[]
    {
        ("صباح", "MO"), ("فجر", "MO"), ("ظهر", "MI"), ("ظهيرة", "MI"), ("بعد ظهر", "AF"), ("عصر", "AF"),
        ("مساء", "EV"), ("ليل", "NI"), ("ليلة", "NI"),
    });

    /// <summary>Relative modifiers after a unit, month or weekday → -1 (past), 0 (current), +1 (next).</summary>
    public static readonly FrozenDictionary<string, int> Relatives = Fold(new (string, int)[]
    {
        ("الماضي", -1), ("الماضية", -1), ("المنصرم", -1), ("المنصرمة", -1), ("الفائت", -1), ("الفائتة", -1),
        ("السابق", -1), ("السابقة", -1),
        ("المقبل", 1), ("المقبلة", 1), ("القادم", 1), ("القادمة", 1),
        ("الجاري", 0), ("الجارية", 0), ("الحالي", 0), ("الحالية", 0),
    });

    /// <summary>Position modifiers (مطلع الشهر) → TIMEX3 mod.</summary>
    public static readonly FrozenDictionary<string, string> Mods = FoldText(new (string, string)[]
    {
        ("مطلع", "START"), ("بداية", "START"), ("بدايات", "START"), ("أوائل", "START"), ("مستهل", "START"),
        ("منتصف", "MID"), ("أواسط", "MID"),
        ("أواخر", "END"), ("نهاية", "END"), ("نهايات", "END"), ("آخر", "END"), ("ختام", "END"),
    });

    /// <summary>Duration units → (TIMEX3 unit letter, is a clock unit, multiplier, count carried by the form: 2 for duals, else 0).</summary>
    public static readonly FrozenDictionary<string, DurationUnit> Units = FoldUnits(new (string, char, bool, int, int)[]
    {
        ("يوم", 'D', false, 1, 0), ("أيام", 'D', false, 1, 0), ("يوما", 'D', false, 1, 0), ("يومين", 'D', false, 1, 2), ("يومان", 'D', false, 1, 2),
        ("أسبوع", 'W', false, 1, 0), ("أسابيع", 'W', false, 1, 0), ("أسبوعا", 'W', false, 1, 0), ("أسبوعين", 'W', false, 1, 2), ("أسبوعان", 'W', false, 1, 2),
        ("شهر", 'M', false, 1, 0), ("أشهر", 'M', false, 1, 0), ("شهور", 'M', false, 1, 0), ("شهرا", 'M', false, 1, 0), ("شهرين", 'M', false, 1, 2), ("شهران", 'M', false, 1, 2),
        ("سنة", 'Y', false, 1, 0), ("سنوات", 'Y', false, 1, 0), ("سنين", 'Y', false, 1, 0), ("عام", 'Y', false, 1, 0), ("أعوام", 'Y', false, 1, 0),
        ("عاما", 'Y', false, 1, 0), ("سنتين", 'Y', false, 1, 2), ("سنتان", 'Y', false, 1, 2), ("عامين", 'Y', false, 1, 2), ("عامان", 'Y', false, 1, 2),
        ("عقد", 'Y', false, 10, 0), ("عقود", 'Y', false, 10, 0), ("عقدا", 'Y', false, 10, 0), ("عقدين", 'Y', false, 10, 2),
        ("ساعة", 'H', true, 1, 0), ("ساعات", 'H', true, 1, 0), ("ساعتين", 'H', true, 1, 2), ("ساعتان", 'H', true, 1, 2),
        ("دقيقة", 'M', true, 1, 0), ("دقائق", 'M', true, 1, 0), ("دقيقتين", 'M', true, 1, 2),
    });

    /// <summary>Definite plural units that open "الساعات الـ24 الماضية", "الأيام الثلاثة الأخيرة".</summary>
    public static readonly FrozenDictionary<string, DurationUnit> DefinitePluralUnits = FoldUnits(new (string, char, bool, int, int)[]
    {
        ("الأيام", 'D', false, 1, 0), ("الأسابيع", 'W', false, 1, 0), ("الأشهر", 'M', false, 1, 0), ("الشهور", 'M', false, 1, 0),
        ("السنوات", 'Y', false, 1, 0), ("الأعوام", 'Y', false, 1, 0), ("السنين", 'Y', false, 1, 0), ("العقود", 'Y', false, 10, 0),
        ("الساعات", 'H', true, 1, 0), ("الدقائق", 'M', true, 1, 0),
    });

    /// <summary>Cardinal number words 1–99 (masculine and feminine, nominative and oblique) → value.</summary>
    public static readonly FrozenDictionary<string, int> Cardinals = BuildCardinals();

    /// <summary>Ordinal number words 1–31 with the article (العاشر، الحادية عشرة، الخامس والعشرين) → value.</summary>
    public static readonly FrozenDictionary<string, int> Ordinals = BuildOrdinals();

    /// <summary>A regex alternation of folded phrases, longest first, with spaces matching any run of blanks.</summary>
    public static string Alternation(IEnumerable<string> phrases) =>
        "(?:" + string.Join("|", phrases.Distinct().OrderByDescending(p => p.Length).Select(p => Regex.Escape(p).Replace("\\ ", Blank, StringComparison.Ordinal))) + ")";

    /// <summary>A run of blanks that does not cross a line (paragraphs are separate blocks).</summary>
    public const string Blank = "[^\\S\\r\\n]+";

    /// <summary>Looks a matched phrase up in a table after collapsing blanks to one space.</summary>
    public static bool TryLookup<T>(FrozenDictionary<string, T> table, string phrase, out T value)
    {
        // A one-word phrase (most) is its own key: no split and join to make the same string again.
        var key = phrase.Length > 0 && !phrase.AsSpan().ContainsAny(WhiteSpace)
            ? phrase
            : string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (table.TryGetValue(key, out value!))
        {
            return true;
        }

        // كانون2 written without the space (the replacement changes nothing, and so finds nothing new, without a letter before a digit).
        return HasLetterBeforeDigit(key) && table.TryGetValue(Regex.Replace(key, "(\\p{L})(\\d)", "$1 $2"), out value!);
    }

    /// <summary>The characters <see cref="string.Split(char[], StringSplitOptions)"/> splits on without separators (char.IsWhiteSpace).</summary>
    private static System.Buffers.SearchValues<char> WhiteSpace => WhiteSpaceChars.Values;

    /// <summary>Its own class, so that the set exists before any table of this class is built with it.</summary>
    private static class WhiteSpaceChars
    {
        public static readonly System.Buffers.SearchValues<char> Values = System.Buffers.SearchValues.Create(
            Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());
    }

    private static bool HasLetterBeforeDigit(ReadOnlySpan<char> key)
    {
        for (var i = 1; i < key.Length; i++)
        {
            if (char.IsDigit(key[i]) && char.IsLetter(key[i - 1]))
            {
                return true;
            }
        }

        return false;
    }


    private static FrozenDictionary<string, int> BuildCardinals()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string phrase, int value) => table.TryAdd(FoldedText.FoldWord(phrase), value);
        for (var i = 0; i < 10; i++)
        {
            Add(UnitWords[i], i + 1);
            Add(UnitWordsOblique[i], i + 1);
        }

        Add("ثمان", 8);
        Add("اثنتان", 2);
        Add("اثنتين", 2);
        Add("أحد عشر", 11);
        Add("إحدى عشرة", 11);
        Add("اثنا عشر", 12);
        Add("اثني عشر", 12);
        Add("اثنتا عشرة", 12);
        Add("اثنتي عشرة", 12);
        for (var i = 3; i <= 9; i++)
        {
            foreach (var unit in new[] { UnitWords[i - 1], UnitWordsOblique[i - 1] })
            {
                Add(unit + " عشر", 10 + i);
                Add(unit + " عشرة", 10 + i);
            }
        }

        for (var t = 0; t < 8; t++)
        {
            var tens = (t + 2) * 10;
            foreach (var tensWord in new[] { TensNominative[t], TensOblique[t] })
            {
                Add(tensWord, tens);
                for (var u = 1; u <= 9; u++)
                {
                    Add(UnitWords[u - 1] + " و" + tensWord, tens + u);
                    Add(UnitWordsOblique[u - 1] + " و" + tensWord, tens + u);
                }
            }
        }

        Add("مئة", 100);
        Add("مائة", 100);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, int> BuildOrdinals()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string phrase, int value) => table.TryAdd(FoldedText.FoldWord(phrase), value);
        for (var i = 0; i < 10; i++)
        {
            Add(OrdinalsMasculine[i], i + 1);
            Add(OrdinalsFeminine[i], i + 1);
        }

        Add("الحادي عشر", 11);
        Add("الحادية عشرة", 11);
        Add("الحادية عشر", 11);
        for (var i = 2; i <= 9; i++)
        {
            Add(OrdinalsMasculine[i - 1] + " عشر", 10 + i);
            Add(OrdinalsFeminine[i - 1] + " عشرة", 10 + i);
            Add(OrdinalsFeminine[i - 1] + " عشر", 10 + i);
        }

        Add("العشرين", 20);
        Add("الحادي والعشرين", 21);
        Add("الحادية والعشرين", 21);
        for (var i = 2; i <= 9; i++)
        {
            Add(OrdinalsMasculine[i - 1] + " والعشرين", 20 + i);
            Add(OrdinalsFeminine[i - 1] + " والعشرين", 20 + i);
        }

        Add("الثلاثين", 30);
        Add("الحادي والثلاثين", 31);
        Add("الحادية والثلاثين", 31);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, int> Fold((string Phrase, int Value)[] entries) =>
        entries.GroupBy(e => FoldedText.FoldWord(e.Phrase), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    private static FrozenDictionary<string, string> FoldText((string Phrase, string Value)[] entries) =>
        entries.GroupBy(e => FoldedText.FoldWord(e.Phrase), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    private static FrozenDictionary<string, DurationUnit> FoldUnits((string Phrase, char Unit, bool Clock, int Multiplier, int Count)[] entries) =>
        entries.GroupBy(e => FoldedText.FoldWord(e.Phrase), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => new DurationUnit(g.First().Unit, g.First().Clock, g.First().Multiplier, g.First().Count), StringComparer.Ordinal);
}

/// <summary>A duration unit: TIMEX3 letter (D, W, M, Y, H, M), whether it is a clock unit (PT…), a multiplier (10 for decades) and the count a dual carries.</summary>
internal readonly record struct DurationUnit(char Letter, bool Clock, int Multiplier, int DualCount);
