namespace Marsad.Ingest.Html;

/// <summary>
/// Words of Arabic news-page furniture that appear as text inside or beside the article (beyond
/// <see cref="PageVocabulary.WidgetLabels"/>): next/previous links, subscribe and app prompts,
/// comment-policy and copyright notices, view counters and reading-time badges. All compared
/// after <see cref="PageVocabulary.Fold"/>.
/// </summary>
public static class HtmlVocabulary
{
    /// <summary>Whole blocks that label links to the next or previous story.</summary>
    public static readonly IReadOnlySet<string> NextPrevious = FoldAll(
    [
        "التالي", "السابق", "المقال التالي", "المقال السابق", "الخبر التالي", "الخبر السابق", "الموضوع التالي", "الموضوع السابق",
        "المقالة التالية", "المقالة السابقة", "الصفحة التالية", "الصفحة السابقة", "next", "previous", "prev", "next article", "previous article",
    ]);

    /// <summary>Starts of subscribe, follow and download-the-app prompts.</summary>
    public static readonly string[] PromptPrefixes = FoldAll(
    [
        "اشترك", "إشترك", "اشتركوا", "اشترك الآن", "سجل في النشرة", "سجّل", "حمل تطبيق", "حمّل تطبيق", "حمل الآن", "حمّل الآن", "نزّل تطبيق", "نزل تطبيق",
        "تابعونا", "تابعوا", "تابعنا", "للاطلاع على آخر", "للإطلاع على آخر", "للإطلاع على أخر", "للاطلاع على أخر", "انضم إلى", "انضموا إلى", "انضم الى", "حمل التطبيق", "google play", "app store",
    ]).ToArray();

    /// <summary>Phrases of comment-policy, disclaimer and copyright notices.</summary>
    public static readonly string[] PolicyPhrases = FoldAll(
    [
        "لا تعبر عن رأي", "لا تعبر بالضرورة عن رأي", "شروط الاستخدام", "سياسة الخصوصية", "إرشادات الاستخدام", "جميع الحقوق محفوظة", "حقوق النشر محفوظة",
        "جميع حقوق النشر", "يمنع نسخ", "يُمنع نسخ", "مراجعة التعليقات", "أضف تعليقك", "اكتب تعليقك", "سياسة التعليقات", "شروط النشر",
    ]).ToArray();

    /// <summary>Words of view, read and comment counters ("1,234 مشاهدة", "مشاهدات عالية").</summary>
    public static readonly string[] CounterWords = FoldAll(
    [
        "مشاهدة", "مشاهدات", "قراءة", "قراءات", "زيارة", "زيارات", "تعليق", "تعليقات", "إعجاب", "views", "view", "reads", "comments", "likes", "عدد القراءات", "عدد المشاهدات",
    ]).ToArray();

    /// <summary>Words of reading-time badges ("2min", "3 دقائق قراءة").</summary>
    public static readonly string[] ReadingTimeWords = FoldAll(["min", "mins", "minutes", "دقيقة", "دقائق", "دقيقه", "وقت القراءة", "مدة القراءة", "للقراءة", "قراءة"]).ToArray();

    private static HashSet<string> FoldAll(IEnumerable<string> words) => words.Select(PageVocabulary.Fold).ToHashSet(StringComparer.Ordinal);
}
