using System.Collections.Frozen;

namespace Marsad.Quotes;

/// <summary>Grammatical gender of a speaker, as the cue's morphology shows it.</summary>
internal enum SpeakerGender : byte
{
    Unknown,
    Masculine,
    Feminine,
}

/// <summary>Grammatical number of a speaker.</summary>
internal enum SpeakerNumber : byte
{
    Singular,
    Plural,
}

/// <summary>What a cue word is: a finite verb (قال، تقول), or an adverbial participle (مضيفا) that repeats the previous speaker.</summary>
internal enum CueKind : byte
{
    Verb,
    Participle,
}

/// <summary>A cue form: its kind, the gender and number its morphology marks, and whether a quote is relayed from another speaker (نقل عن).</summary>
internal readonly record struct CueForm(CueKind Kind, SpeakerGender Gender, SpeakerNumber Number, bool Relay);

/// <summary>
/// The word lists of the quotation rules, written by the Marsad team from Arabic grammar (no
/// external source). Every entry is stored normalised (<see cref="QuoteText.Normalize"/>).
/// - Cue verbs in the past (قال، قالت، قالوا) and present (يقول، تقول، يقولون), generated from the
///   3rd person masculine singular of each tense, plus the irregular forms listed by hand.
/// - Adverbial participles (مضيفا، مضيفة، مضيفين) that continue the current speaker.
/// - Complementisers (إن، أن، بأن and their pronoun-bearing forms), role heads, honorific titles,
///   adjuncts that end a subject, media names after لـ, attribution cues.
/// </summary>
internal static class QuoteLexicon
{
    // (past 3ms, present 3ms) of regular cue verbs; feminine, plural forms are derived.
    private static readonly (string Past, string Present)[] RegularVerbs =
    [
        ("قال", "يقول"), ("أضاف", "يضيف"), ("أكد", "يؤكد"), ("أوضح", "يوضح"), ("أشار", "يشير"),
        ("لفت", "يلفت"), ("صرح", "يصرح"), ("أعلن", "يعلن"), ("حذر", "يحذر"), ("اعتبر", "يعتبر"),
        ("شدد", "يشدد"), ("كشف", "يكشف"), ("ذكر", "يذكر"), ("تابع", "يتابع"), ("ختم", "يختم"),
        ("اختتم", "يختتم"), ("نقل", "ينقل"), ("أفاد", "يفيد"), ("أردف", "يردف"), ("استطرد", "يستطرد"),
        ("زعم", "يزعم"), ("نبه", "ينبه"), ("أقر", "يقر"), ("اعترف", "يعترف"), ("كتب", "يكتب"),
        ("وصف", "يصف"), ("توقع", "يتوقع"), ("استبعد", "يستبعد"), ("رجح", "يرجح"), ("أورد", "يورد"),
        ("نوه", "ينوه"), ("لاحظ", "يلاحظ"), ("أجاب", "يجيب"), ("اعتقد", "يعتقد"),
    ];

    // Irregular (defective and doubled) verbs: every form by hand, with gender/number marks.
    private static readonly (string Form, SpeakerGender Gender, SpeakerNumber Number)[] IrregularForms =
    [
        ("نفى", SpeakerGender.Masculine, SpeakerNumber.Singular), ("نفت", SpeakerGender.Feminine, SpeakerNumber.Singular),
        ("نفوا", SpeakerGender.Masculine, SpeakerNumber.Plural), ("ينفي", SpeakerGender.Masculine, SpeakerNumber.Singular),
        ("تنفي", SpeakerGender.Feminine, SpeakerNumber.Singular), ("ينفون", SpeakerGender.Masculine, SpeakerNumber.Plural),
        ("رأى", SpeakerGender.Masculine, SpeakerNumber.Singular), ("رأت", SpeakerGender.Feminine, SpeakerNumber.Singular),
        ("رأوا", SpeakerGender.Masculine, SpeakerNumber.Plural), ("يرى", SpeakerGender.Masculine, SpeakerNumber.Singular),
        ("ترى", SpeakerGender.Feminine, SpeakerNumber.Singular), ("يرون", SpeakerGender.Masculine, SpeakerNumber.Plural),
        // يدعي is left out: once normalised it is يدعى ("named").
        ("ادعى", SpeakerGender.Masculine, SpeakerNumber.Singular), ("ادعت", SpeakerGender.Feminine, SpeakerNumber.Singular),
        ("ادعوا", SpeakerGender.Masculine, SpeakerNumber.Plural),
        ("روى", SpeakerGender.Masculine, SpeakerNumber.Singular), ("روت", SpeakerGender.Feminine, SpeakerNumber.Singular),
        ("رووا", SpeakerGender.Masculine, SpeakerNumber.Plural), ("يروي", SpeakerGender.Masculine, SpeakerNumber.Singular),
        ("تروي", SpeakerGender.Feminine, SpeakerNumber.Singular),
        ("رد", SpeakerGender.Masculine, SpeakerNumber.Singular), ("ردت", SpeakerGender.Feminine, SpeakerNumber.Singular),
        ("ردوا", SpeakerGender.Masculine, SpeakerNumber.Plural), ("يرد", SpeakerGender.Masculine, SpeakerNumber.Singular),
        ("قلت", SpeakerGender.Unknown, SpeakerNumber.Singular), ("قلنا", SpeakerGender.Unknown, SpeakerNumber.Plural),
    ];

    // Adverbial participles: masculine singular stem; +ة feminine, +ين plural.
    private static readonly string[] ParticipleStems =
    [
        "مضيف", "مؤكد", "مشير", "موضح", "لافت", "محذر", "معتبر", "مشدد", "كاشف", "قائل", "معلن",
        "ناف", "مرجح", "متابع", "منوه", "مستبعد",
    ];

    private static readonly string[] Complementizers =
    [
        "إن", "أن", "بأن", "إنه", "إنها", "إنهم", "إنهن", "إننا", "إنني", "أنه", "أنها", "أنهم", "أنهن", "أننا", "أنني",
        "بأنه", "بأنها", "بأنهم", "بأنهن", "بأننا",
    ];

    // Words before أن that make it a verb complement of that word, not of the cue (بعد أن، يجب أن).
    private static readonly string[] NotCueComplement =
    [
        "بعد", "قبل", "منذ", "حتى", "إلا", "دون", "بدون", "يجب", "ينبغي", "يمكن", "يريد", "تريد", "لابد", "ضرورة", "عسى",
        "مع", "رغم", "بدل", "بدلا", "ما",
    ];

    private static readonly string[] RoleHeads =
    [
        "متحدث", "متحدثة", "ناطق", "ناطقة", "وزير", "وزيرة", "رئيس", "رئيسة", "مدير", "مديرة", "أمين", "أمينة",
        "نائب", "نائبة", "قائد", "قائدة", "خبير", "خبيرة", "محلل", "محللة", "عضو", "مستشار", "مستشارة",
        "زعيم", "زعيمة", "وكيل", "وكيلة", "محافظ", "محافظة", "حاكم", "مندوب", "مندوبة", "ممثل", "ممثلة", "مبعوث", "مبعوثة",
        "منسق", "منسقة", "نقيب", "شيخ", "بطريرك", "مفتي", "مدرب", "لاعب", "لاعبة", "فنان", "فنانة", "طالب", "طالبة",
        "كاتب", "كاتبة", "باحث", "باحثة", "أستاذ", "أستاذة", "مراسل", "مراسلة", "قاضي", "مؤسس", "مساعد", "مساعدة",
        "مفوض", "مفوضة", "سكرتير", "مرشد", "ملك", "ولي", "قائم",
    ];

    private static readonly string[] Titles =
    [
        "معالي", "سعادة", "سمو", "فخامة", "دولة", "الدكتور", "الدكتورة", "د", "المهندس", "المهندسة", "اللواء", "العقيد",
        "العميد", "الفريق", "الشيخ", "الشيخة", "الأمير", "الأميرة", "السفير", "الكابتن", "الأستاذ", "الأستاذة", "السيد",
        "السيدة", "المطران", "الحاج", "القاضي", "النقيب", "الرائد", "المقدم", "الجنرال", "البروفيسور", "سماحة", "غبطة",
    ];

    // A pronoun subject written as an honorific (وأوضح معاليه): the speaker is the antecedent.
    private static readonly string[] HonorificPronouns =
    [
        "معاليه", "معاليها", "سعادته", "سعادتها", "سموه", "سموها", "فخامته", "سيادته", "سماحته", "غبطته",
    ];

    // Words that end a subject: time, place and manner adjuncts, relative clauses.
    private static readonly string[] SubjectEnders =
    [
        "اليوم", "أمس", "يوم", "مساء", "صباح", "ظهر", "ليل", "ليلة", "فجر", "الليلة", "الاثنين", "الثلاثاء", "الأربعاء",
        "الخميس", "الجمعة", "السبت", "الأحد", "خلال", "أمام", "عبر", "بعد", "قبل", "عقب", "لدى", "ضمن", "مع", "طلب",
        "رافضا", "رافضة", "الذي", "التي", "الذين", "حين", "عندما", "إثر", "بالقول", "حديثه", "حديثها", "كلمته", "كلمتها",
        "تصريحاته", "تصريحاتها", "تصريحه", "تصريحها", "أيضا", "كذلك", "بدوره", "بدورها", "ردا", "تعليقا", "هاتفيا",
        "لاحقا", "صباحا", "مساء", "قوله", "قولها", "قولهم", "مجددا", "مرة", "ما", "في وقت", "وهو", "وهي", "وهم",
        "بشأن", "حول", "أثناء", "لها", "له", "لهم", "الشهر", "الأسبوع", "إذ", "حيث", "لأن", "كما", "متحدثا",
        "متحدثة", "وذلك", "رفض", "رفضت", "فضل", "فضلت", "ذات",
    ];

    // After في these nouns make an adjunct (في بيان، في كلمة), otherwise في belongs to the subject (وزارة الصحة في غزة).
    private static readonly string[] AdjunctNounsAfterFi =
    [
        "بيان", "بيانه", "بيانها", "بيانات", "تصريح", "تصريحات", "تصريحه", "تصريحها", "كلمة", "كلمته", "كلمتها", "مؤتمر",
        "المؤتمر", "حديث", "حديثه", "حديثها", "مقابلة", "لقاء", "اتصال", "الإحاطة", "إحاطة", "عظة", "تغريدة", "منشور",
        "رسالة", "ختام", "افتتاح", "جلسة", "ندوة", "قمة", "وقت", "اجتماع", "حوار", "رد", "معرض", "أعقاب", "إطار", "سياق",
        "المقابل", "حين", "تعليق", "تعليقات", "خطاب", "الخطاب", "مداخلة", "تسجيل", "مقطع", "فيديو", "برنامج", "مقال", "تدوينة",
        "منشورات", "تقرير", "بيانه", "ختامه", "الجلسة", "الاجتماع", "القمة", "اللقاء", "المقابلة",
    ];

    // Names after لـ that are the audience, not part of the subject (قال لرويترز، قال للصحافيين).
    private static readonly string[] MediaAfterLam =
    [
        "وكالة", "صحيفة", "قناة", "إذاعة", "موقع", "تلفزيون", "التلفزيون", "صحافيين", "الصحافيين", "صحفيين", "الصحفيين",
        "الصحافة", "رويترز", "فرانس", "شبكة", "مجلة", "أسوشيتد", "سي", "بي", "سكاي", "نا", "الإعلاميين", "إعلاميين",
        "وسائل", "المراسلين", "مراسلنا", "مراسل", "الشرطة", "المحققين", "المحكمة", "الصحيفة", "الوكالة", "القناة",
    ];

    // Nouns that keep a following لـ inside the subject (تقرير لصحيفة وول ستريت جورنال).
    private static readonly string[] DocumentNouns =
    [
        "تقرير", "مقال", "بيان", "تحقيق", "افتتاحية", "دراسة", "استطلاع", "تحليل", "مقالة", "تحقيقا",
    ];

    // Subjects that are plural though their head has no sound-plural ending.
    private static readonly string[] BrokenPlurals =
    [
        "مصادر", "خبراء", "شهود", "زوار", "تجار", "ركاب", "أساتذة", "سكان", "نشطاء", "قادة", "زعماء", "وزراء", "علماء",
        "أطباء", "عمال", "طلاب", "أعضاء", "دبلوماسيون", "مسؤولو", "محللون", "جماعات", "منظمات", "مواطنون",
    ];

    // Words that open a new clause before a verb (the pre-verbal subject stops there).
    private static readonly string[] ClauseOpeners =
    [
        "لكن", "ولكن", "فيما", "وفيما", "بينما", "وبينما", "حين", "كما", "إذ", "حيث", "ثم", "بل", "في", "أن", "إن", "و",
        "التي", "الذي", "الذين",
    ];

    // Words after a comma that end a reported clause.
    private static readonly string[] ContentEnders =
    [
        "داعيا", "داعية", "داعين", "مطالبا", "مطالبة", "مطالبين", "رافضا", "رافضة", "فيما", "وفيما", "بينما", "وبينما",
        "بحسب", "وبحسب", "حسب", "وفقا", "ووفقا", "وفق", "نقلا", "طبقا", "استنادا", "متهما", "متهمة", "معربا", "معربة",
        "وذلك", "هكذا", "حسبما", "ودعا", "ودعت", "وطالب", "وطالبت", "وأعرب", "وأعربت", "وأشاد", "وأشادت", "وناشد",
        "وناشدت", "ودعوا", "وطالبوا",
    ];

    // Institutions after لـ that keep a role going (المتحدث الرسمي لوزارة الصحة، الرئيس التنفيذي لشركة…).
    private static readonly string[] InstitutionNouns =
    [
        "وزارة", "شركة", "مجلس", "هيئة", "منظمة", "مؤسسة", "بنك", "حزب", "جمعية", "اتحاد", "لجنة", "مركز", "مكتب", "دائرة",
        "صندوق", "مجموعة", "وكالة", "جامعة", "رئاسة", "حكومة", "قوات", "جيش", "غرفة", "نادي", "منتخب", "مصرف", "معهد",
        "سلطة", "بلدية", "محافظة", "شؤون", "شوون", "برنامج", "مفوضية", "إدارة", "قيادة", "أمانة", "نقابة",
        "أصحاب", "شركات", "بحوث", "دراسات",
    ];

    // Anaphoric nouns that name an organisation mentioned earlier (الصحيفة → صحيفة "نيويورك تايمز").
    private static readonly string[] AnaphoricNouns =
    [
        "الصحيفة", "الوكالة", "القناة", "الموقع", "المنظمة", "الوزارة", "الحكومة", "الشركة", "المرصد", "البنك", "المعهد",
        "المجلس", "الهيئة", "الجيش", "الحزب", "الحركة", "الجماعة", "المحطة", "الإذاعة", "المجلة", "الشبكة", "المفوضية",
        "المركز", "الاتحاد", "الجامعة", "المحكمة",
    ];

    public static readonly FrozenDictionary<string, CueForm> Cues = BuildCues();

    // Look-ups by span, so that stripping a proclitic allocates nothing.
    private static readonly FrozenDictionary<string, CueForm>.AlternateLookup<ReadOnlySpan<char>> CuesBySpan =
        Cues.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string> ComplementizerSet = Set(Complementizers);

    public static readonly FrozenSet<string> NotCueComplementSet = Set(NotCueComplement);

    public static readonly FrozenSet<string> RoleHeadSet = Set(RoleHeads);

    public static readonly FrozenSet<string> TitleSet = Set(Titles);

    public static readonly FrozenSet<string> HonorificPronounSet = Set(HonorificPronouns);

    public static readonly FrozenSet<string> SubjectEnderSet = Set(SubjectEnders);

    public static readonly FrozenSet<string> AdjunctNounAfterFiSet = Set(AdjunctNounsAfterFi);

    public static readonly FrozenSet<string> MediaAfterLamSet = Set(MediaAfterLam);

    public static readonly FrozenSet<string> DocumentNounSet = Set(DocumentNouns);

    public static readonly FrozenSet<string> BrokenPluralSet = Set(BrokenPlurals);

    public static readonly FrozenSet<string> ClauseOpenerSet = Set(ClauseOpeners);

    public static readonly FrozenSet<string> ContentEnderSet = Set(ContentEnders);

    public static readonly FrozenSet<string> AnaphoricNounSet = Set(AnaphoricNouns);

    public static readonly FrozenSet<string> InstitutionNounSet = Set(InstitutionNouns);

    /// <summary>The normalised form of في (in), عن (from) and the conjunction و/ف prefixes.</summary>
    public const string Fi = "في";

    public const string An = "عن";

    /// <summary>True when a (normalised) word looks definite: ال, وال, بال, فال, كال or لل prefix.</summary>
    public static bool IsDefinite(string norm) =>
        norm.StartsWith("ال", StringComparison.Ordinal) || norm.StartsWith("وال", StringComparison.Ordinal)
        || norm.StartsWith("بال", StringComparison.Ordinal) || norm.StartsWith("فال", StringComparison.Ordinal)
        || norm.StartsWith("كال", StringComparison.Ordinal) || (norm.StartsWith("لل", StringComparison.Ordinal) && norm.Length > 3);

    /// <summary>True when the word after في makes an adjunct: في بيان، في خطابه، في كلمتها.</summary>
    public static bool IsAdjunctNounAfterFi(string norm)
    {
        if (AdjunctNounAfterFiSet.Contains(norm))
        {
            return true;
        }

        foreach (var suffix in PronounSuffixes)
        {
            if (norm.Length > suffix.Length + 2 && norm.EndsWith(suffix, StringComparison.Ordinal)
                && AdjunctNounAfterFiSet.GetAlternateLookup<ReadOnlySpan<char>>().Contains(norm.AsSpan(0, norm.Length - suffix.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A cue verb carrying an object pronoun (وصفه، وصفها بأنه): the complement after it is that verb's.</summary>
    public static bool IsCueWithObjectPronoun(string norm)
    {
        foreach (var suffix in PronounSuffixes)
        {
            if (norm.Length > suffix.Length + 2 && norm.EndsWith(suffix, StringComparison.Ordinal) && TryCue(norm[..^suffix.Length], out var form, out _) && form.Kind == CueKind.Verb)
            {
                return true;
            }
        }

        return false;
    }

    // Attached pronouns, longest first (normalised: ـه، ـها، ـهم، ـهما).
    private static readonly string[] PronounSuffixes = ["هما", "ها", "هم", "ه"];

    /// <summary>True for a role head with or without the article (وزير، الوزير، والوزير).</summary>
    public static bool IsRoleHead(string norm)
    {
        if (RoleHeadSet.Contains(norm))
        {
            return true;
        }

        return norm.StartsWith("ال", StringComparison.Ordinal) && RoleHeadSet.Contains(norm[2..]);
    }

    /// <summary>The cue form of a word, allowing a conjunction proclitic و or ف; <paramref name="prefix"/> is its length.</summary>
    public static bool TryCue(string norm, out CueForm form, out int prefix)
    {
        if (Cues.TryGetValue(norm, out form))
        {
            prefix = 0;
            return true;
        }

        if (norm.Length > 3 && (norm[0] == '\u0648' || norm[0] == '\u0641') && CuesBySpan.TryGetValue(norm.AsSpan(1), out form)) // WAW, FEH
        {
            prefix = 1;
            return true;
        }

        prefix = 0;
        return false;
    }

    /// <summary>، مستشهدين بـ… / ، متهما…: an accusative active participle (م… ending in ا or ين) opens a circumstantial clause.</summary>
    public static bool LooksLikeAdverbialParticiple(string norm) =>
        norm.Length >= 5 && norm[0] == '\u0645' // ARABIC LETTER MEEM
        && (norm.EndsWith('\u0627') || norm.EndsWith("ين", StringComparison.Ordinal)); // ALEF

    /// <summary>Resumptive words that may open a subject region (الذي أكدت فيه رئيسة الوزراء): skipped, not the subject.</summary>
    public static bool IsResumptive(string norm) => norm is "فيه" or "فيها" or "خلاله" or "خلالها" or "عنه" or "عنها" or "بدوره" or "بدورها" or "بدورهم" or "ايضا" or "كذلك";

    /// <summary>Plural-looking head of a subject: a sound plural (ون/ين) or a listed broken plural.</summary>
    public static bool LooksPlural(string norm)
    {
        var bare = norm.StartsWith("ال", StringComparison.Ordinal) ? norm[2..] : norm;
        if (BrokenPluralSet.Contains(bare))
        {
            return true;
        }

        return bare.Length >= 5 && (bare.EndsWith("ون", StringComparison.Ordinal) || bare.EndsWith("يين", StringComparison.Ordinal));
    }

    private static FrozenSet<string> Set(IEnumerable<string> words) =>
        words.Select(QuoteText.NormalizePhrase).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, CueForm> BuildCues()
    {
        var cues = new Dictionary<string, CueForm>(StringComparer.Ordinal);
        void Add(string surface, CueKind kind, SpeakerGender gender, SpeakerNumber number)
        {
            var key = QuoteText.Normalize(surface);
            var relay = key.StartsWith("نقل", StringComparison.Ordinal) || key.StartsWith("ينقل", StringComparison.Ordinal) || key.StartsWith("تنقل", StringComparison.Ordinal);
            cues.TryAdd(key, new CueForm(kind, gender, number, relay));
        }

        foreach (var (past, present) in RegularVerbs)
        {
            Add(past, CueKind.Verb, SpeakerGender.Masculine, SpeakerNumber.Singular);
            Add(past + "ت", CueKind.Verb, SpeakerGender.Feminine, SpeakerNumber.Singular);
            Add(past + "وا", CueKind.Verb, SpeakerGender.Masculine, SpeakerNumber.Plural);
            Add(past + "ن", CueKind.Verb, SpeakerGender.Feminine, SpeakerNumber.Plural);
            Add(present, CueKind.Verb, SpeakerGender.Masculine, SpeakerNumber.Singular);
            Add("ت" + present[1..], CueKind.Verb, SpeakerGender.Feminine, SpeakerNumber.Singular);
            Add(present + "ون", CueKind.Verb, SpeakerGender.Masculine, SpeakerNumber.Plural);
        }

        foreach (var (form, gender, number) in IrregularForms)
        {
            Add(form, CueKind.Verb, gender, number);
        }

        foreach (var stem in ParticipleStems)
        {
            // نافيا: the defective participle takes ي before the endings.
            var full = stem == "ناف" ? "نافي" : stem;
            Add(full + "ا", CueKind.Participle, SpeakerGender.Masculine, SpeakerNumber.Singular);
            Add(full + "ة", CueKind.Participle, SpeakerGender.Feminine, SpeakerNumber.Singular);
            Add(full + "ين", CueKind.Participle, SpeakerGender.Masculine, SpeakerNumber.Plural);
            Add(full + "ات", CueKind.Participle, SpeakerGender.Feminine, SpeakerNumber.Plural);
        }

        // قال's hollow stem shortens before consonant endings: قلن is rare, قلت/قلنا are first person.
        cues.Remove(QuoteText.Normalize("قالن"));
        return cues.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
