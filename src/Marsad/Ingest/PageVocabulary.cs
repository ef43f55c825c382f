using System.Text;

namespace Marsad.Ingest;

/// <summary>
/// The words pages are built from, other than the article: section labels and widget/boilerplate
/// labels. Compared after a light fold (diacritics and tatweel removed, alef forms, alef maksura and
/// teh marbuta unified, trailing punctuation dropped) so that اقرأ أيضاً matches اقرا ايضا:.
/// </summary>
public static class PageVocabulary
{
    /// <summary>Common Arabic section names across outlets (Levant, Gulf, Egypt, Maghreb).</summary>
    public static readonly IReadOnlySet<string> SectionLabels = FoldAll(
    [
        "دولي", "دوليات", "عالمي", "العالم", "أخبار العالم", "عربي", "عربي ودولي", "عربي و دولي", "عرب وعالم", "العالم العربي", "الشرق الأوسط",
        "محليات", "محلي", "لبنان", "مصر", "الأردن", "الخليج", "أخبار لبنان", "أخبار محلية", "وطني", "وطنية", "مجتمع",
        "سياسة", "سياسي", "أخبار", "آخر الأخبار", "أخبار عاجلة", "عاجل",
        "اقتصاد", "اقتصادي", "مال وأعمال", "أعمال", "اقتصاد وأعمال", "بورصة", "أسواق",
        "رياضة", "رياضي", "كرة القدم", "ملاعب",
        "ثقافة", "ثقافي", "ثقافة وفن", "أدب", "فنون", "فن", "فن ومشاهير", "فن وثقافة", "مشاهير",
        "منوعات", "متفرقات", "لايف ستايل", "ترفيه",
        "صحة", "صحة وجمال", "طب", "علوم", "علوم وتكنولوجيا", "تكنولوجيا", "تقنية", "تكنولوجيا ومعلوماتية",
        "رأي", "مقالات", "آراء", "تقارير", "تحقيقات", "حوارات", "مقابلات", "قضايا", "أمن وقضاء", "حوادث", "تعليم", "بيئة",
    ]);

    /// <summary>Labels of widgets and page furniture that end or interrupt an article.</summary>
    public static readonly IReadOnlySet<string> WidgetLabels = FoldAll(
    [
        "يقرأون الآن", "يقرؤون الآن", "اقرأ أيضاً", "اقرأ أيضا", "إقرأ أيضاً", "إقرأ أيضا", "اقرأ المزيد", "إقرأ المزيد", "الأكثر قراءة", "الأكثر مشاهدة",
        "الأكثر تداولا", "الأكثر تداولاً", "شارك", "شارك المقال", "مشاركة", "تابعونا", "تابعنا", "تابعونا على", "أخبار ذات صلة", "مواضيع ذات صلة",
        "مقالات ذات صلة", "ذات صلة", "قد يعجبك أيضاً", "قد يعجبك أيضا", "قد يهمك أيضاً", "قد يهمك أيضا", "قد يهمك", "المزيد من الأخبار", "المزيد",
        "آخر الأخبار", "أحدث الأخبار", "التعليقات", "أضف تعليقاً", "أضف تعليقا", "اترك تعليقاً", "كلمات مفتاحية", "الكلمات المفتاحية", "وسوم", "الوسوم",
        "اشترك في النشرة", "اشترك الآن", "النشرة البريدية", "إعلان", "اعلان", "مواضيع متعلقة", "روابط ذات صلة", "الأخبار المتعلقة", "شاهد أيضاً", "شاهد أيضا",
        "طباعة", "إرسال", "تكبير الخط", "تصغير الخط", "المصدر",
    ]);

    /// <summary>Labels that start a related-links block ("اقرأ أيضاً: headline") inside a body.</summary>
    public static readonly string[] InlineWidgetPrefixes =
    [
        Fold("اقرأ أيضاً"), Fold("إقرأ أيضاً"), Fold("اقرأ المزيد"), Fold("شاهد أيضاً"), Fold("قد يهمك"), Fold("ذات صلة"),
    ];

    public static bool IsSectionLabel(string block) => SectionLabels.Contains(Fold(block));

    public static bool IsWidgetLabel(string block) => WidgetLabels.Contains(Fold(block));

    /// <summary>True for a block that starts with an inline widget label (اقرأ أيضاً: …).</summary>
    public static bool StartsWithWidgetPrefix(string block)
    {
        var folded = Fold(block.Length > 40 ? block[..40] : block);
        foreach (var prefix in InlineWidgetPrefixes)
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A light fold for comparing labels: removes harakat (U+064B–U+065F), superscript alef (U+0670)
    /// and tatweel (U+0640); maps أ إ آ ٱ to ا, ى to ي, ة to ه; drops punctuation; collapses spaces.
    /// </summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is (>= '\u064B' and <= '\u065F') or '\u0670' or '\u0640')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c switch
            {
                '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627',
                '\u0649' => '\u064A',
                '\u0629' => '\u0647',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }

    private static HashSet<string> FoldAll(IEnumerable<string> labels) => labels.Select(Fold).ToHashSet(StringComparer.Ordinal);
}
