namespace Marsad.Entities.Features;

/// <summary>
/// Words that announce a name to their right: heads of organisation names (وزارة، شركة، حزب…) and
/// person titles (رئيس، وزير، شيخ…). Entries are stems without the article, normalised like
/// <see cref="NerWordForms.Normalize"/>, and compared with a token's bare form. Composed for Marsad.
/// </summary>
public static class NerTriggerWords
{
    private static readonly HashSet<string> OrganisationHeads = Build(
        "شركة", "شركات", "وزارة", "جامعة", "حزب", "منظمة", "مجلس", "وكالة", "صحيفة", "بنك", "مصرف",
        "اتحاد", "هيئة", "جمعية", "مؤسسة", "حركة", "جبهة", "نادي", "فريق", "منتخب", "محكمة", "مجموعة",
        "مركز", "معهد", "اكاديمية", "لجنة", "قناة", "اذاعة", "تلفزيون", "مجلة", "جريدة", "برلمان",
        "كلية", "مستشفى", "صندوق", "تحالف", "ائتلاف", "رابطة", "نقابة", "سلطة", "قوات", "جيش", "دائرة",
        "مديرية", "ادارة", "مكتب", "بورصة", "سوق", "مؤتمر", "منتدى", "تيار", "كتلة", "جماعة");

    private static readonly HashSet<string> PersonTitles = Build(
        "رئيس", "رئيسة", "وزير", "وزيرة", "سيد", "سيدة", "شيخ", "ملك", "امير", "اميرة", "سلطان",
        "امين", "مدير", "مديرة", "نائب", "سفير", "سفيرة", "دكتور", "دكتورة", "استاذ", "مستشار",
        "قائد", "عقيد", "لواء", "عميد", "جنرال", "اللواء", "فريق", "زعيم", "مبعوث", "ناطق", "متحدث",
        "مراسل", "الرئيس", "رئيس الوزراء", "بابا", "امام", "مفتي", "قاضي", "محافظ", "عمدة", "النائب",
        "الشيخ", "المدرب", "مدرب", "لاعب", "اللاعب", "الكاتب", "كاتب", "الفنان", "فنان", "الممثل", "ممثل");

    public static bool IsOrganisationHead(string bare) => OrganisationHeads.Contains(bare);

    public static bool IsPersonTitle(string bare) => PersonTitles.Contains(bare);

    private static HashSet<string> Build(params string[] words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[64];
        foreach (var word in words)
        {
            var length = NerWordForms.Normalize(word, buffer);
            var form = new string(buffer[..length]);
            set.Add(form.Length > 3 && form.StartsWith("\u0627\u0644", StringComparison.Ordinal) ? form[2..] : form);
        }

        return set;
    }
}
