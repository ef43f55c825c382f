using System.Collections.Frozen;

namespace Marsad.Time;

/// <summary>The tense the words before a time expression imply.</summary>
internal enum Tense
{
    None,
    Past,
    Future,
}

/// <summary>
/// Finds the tense of the clause a time expression sits in, without a tagger: it walks back from
/// the expression over at most <see cref="MaxWords"/> words of the same sentence and returns the
/// first verdict. Rules, in order, for each word (proclitic و/ف removed):
/// - future markers: سوف, لن, المقرر/المتوقع/المرتقب/المنتظر, a سـ + imperfective form (سيلتقي، ستعقد);
/// - لم/قد/كان + the next word → past; a listed perfect form (قال، أعلنت، حذر…) → past;
/// - an imperfective form (يـ + verb; تـ + listed verb) → future, since news uses it for scheduled events;
///   reporting verbs (يقول، يشير) are skipped.
/// </summary>
internal static class TenseCue
{
    private const int MaxWords = 12;

    private static readonly FrozenSet<string> FutureWords = Set("سوف", "لن", "المقرر", "المتوقع", "المرتقب", "المنتظر", "مقرر", "مرتقب", "يعتزم", "تعتزم", "يرتقب", "يتوقع", "يتوقع", "ينتظر", "مزمع", "المزمع");

    private static readonly FrozenSet<string> PastWords = Set(
        "لم", "قد", "لقد", "كان", "كانت", "كانوا", "أمس", "قال", "قالت", "قالوا", "أعلن", "أعلنت", "أعلنوا", "أكد", "أكدت", "ذكر", "ذكرت",
        "أفاد", "أفادت", "أوضح", "أوضحت", "أضاف", "أضافت", "حذر", "حذرت", "كشف", "كشفت", "قتل", "قتلت", "لقي", "لقيت", "أصيب", "أصيبت",
        "وقع", "وقعت", "شهد", "شهدت", "اعتقل", "اعتقلت", "أطلق", "أطلقت", "وصل", "وصلت", "بدأ", "بدأت", "انطلق", "انطلقت", "عقد", "عقدت",
        "التقى", "زار", "زارت", "نفى", "نفت", "أجرى", "أجرت", "أجريت", "أصدر", "أصدرت", "نشر", "نشرت", "فاز", "فازت", "خسر", "خسرت", "سجل", "سجلت",
        "تظاهر", "تظاهرت", "انتهت", "انتهى", "جرى", "جرت", "اندلعت", "اندلع", "استهدفت", "استهدف", "غادر", "غادرت", "تعرض", "تعرضت",
        "ارتفع", "ارتفعت", "تراجع", "تراجعت", "انخفض", "انخفضت", "بلغ", "بلغت", "صرح", "صرحت", "اتهم", "اتهمت", "دعا", "دعت",
        "استقال", "توفي", "توفيت", "ولد", "فتح", "فتحت", "أغلق", "أغلقت", "نفذ", "نفذت", "امتد", "امتدت", "أقيم", "أقيمت", "أقيمت",
        "تم", "تمت", "شارك", "شاركت", "وافق", "وافقت", "رفض", "رفضت", "طالب", "طالبت", "أشار", "أشارت", "نقل", "نقلت", "أعرب", "أعربت",
        "استقبل", "استقبلت", "هاجم", "هاجمت", "سقط", "سقطت", "أسفر", "أسفرت", "انسحب", "انسحبت", "دخل", "دخلت", "خرج", "خرجت",
        "تسلم", "تسلمت", "حقق", "حققت", "أنهى", "أنهت", "واصل", "واصلت", "ألقى", "ألقت", "هز", "هزت", "أدى", "أدت", "صدر", "صدرت");

    private static readonly FrozenSet<string> ImperfectiveTeh = Set(
        "تعقد", "تبدأ", "تنطلق", "تقام", "تغلق", "تستضيف", "تنتهي", "تجرى", "تجري", "تستمر", "تصل", "تحتفل", "تشهد", "تنظم", "تختتم",
        "تتوجه", "تستأنف", "تزور", "تلتقي", "تصوت", "تطلق", "تفتتح", "تعود", "تبث", "تتسلم", "تمتد", "تنعقد", "تصدر", "تعلن", "تحيي");

    private static readonly FrozenSet<string> NotVerbs = Set(
        "يوم", "يوما", "يومي", "يومين", "يومان", "يناير", "يونيو", "يونيه", "يوليو", "يوليه", "يقول", "يقولون", "يذكر", "يرى", "يعتقد", "يشير",
        "يعتبر", "يؤكد", "يضيف", "يوضح", "يمكن", "يجب", "يبدو", "يزال", "يذكر", "يد", "يدي", "يمين", "يسار", "يهود", "يونس", "يوسف", "يحيى", "يعني");

    /// <summary>The tense implied before folded offset <paramref name="position"/> in <paramref name="folded"/>.</summary>
    public static Tense Before(string folded, int position)
    {
        var end = position;
        for (var words = 0; words < MaxWords; words++)
        {
            // Skip back over blanks and punctuation inside the clause; stop at a sentence boundary.
            var i = end - 1;
            while (i >= 0 && !IsWordChar(folded[i]))
            {
                if (IsSentenceBoundary(folded[i]))
                {
                    return Tense.None;
                }

                i--;
            }

            if (i < 0)
            {
                return Tense.None;
            }

            var wordEnd = i + 1;
            while (i >= 0 && IsWordChar(folded[i]))
            {
                i--;
            }

            var word = folded.AsSpan(i + 1, wordEnd - i - 1);
            var verdict = Classify(word);
            if (verdict == Tense.Future && PrecededByLam(folded, i + 1))
            {
                // لم ينتظر، لما يصل: the jussive after لم is a past.
                return Tense.Past;
            }

            if (verdict != Tense.None)
            {
                return verdict;
            }

            end = i + 1;
        }

        return Tense.None;
    }

    private static Tense Classify(ReadOnlySpan<char> word)
    {
        var futureLookup = FutureWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var pastLookup = PastWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var tehLookup = ImperfectiveTeh.GetAlternateLookup<ReadOnlySpan<char>>();
        var notVerbLookup = NotVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var strip = 0; strip <= 1; strip++)
        {
            if (strip == 1)
            {
                // The conjunction proclitic (وقال، فأعلن); only when a stem of three letters or more remains.
                if (word.Length < 4 || (word[0] != 'و' && word[0] != 'ف'))
                {
                    break;
                }

                word = word[1..];
            }

            if (futureLookup.Contains(word))
            {
                return Tense.Future;
            }

            if (pastLookup.Contains(word))
            {
                return Tense.Past;
            }

            if (notVerbLookup.Contains(word))
            {
                return Tense.None;
            }

            // سيلتقي، ستعقد، سنعمل: the future prefix on an imperfective verb; nouns in سي/ست (سياسة، ستة) end in ة or are short.
            if (word.Length >= 4 && word[0] == 'س' && (word[1] == 'ي' || word[1] == 'ت' || word[1] == 'ن') && word[^1] != 'ة' && !word.EndsWith("ات") && !word.StartsWith("سيا") && !word.StartsWith("ستي") && !word.StartsWith("ستو"))
            {
                return Tense.Future;
            }

            if (word.Length >= 3 && word[0] == 'ي' && word[^1] != 'ة' && !word.EndsWith("ات"))
            {
                return Tense.Future;
            }

            if (tehLookup.Contains(word))
            {
                return Tense.Future;
            }
        }

        return Tense.None;
    }

    private static bool PrecededByLam(string folded, int wordStart)
    {
        var i = wordStart - 1;
        while (i >= 0 && folded[i] == ' ')
        {
            i--;
        }

        var end = i + 1;
        while (i >= 0 && IsWordChar(folded[i]))
        {
            i--;
        }

        var previous = folded.AsSpan(i + 1, end - i - 1);
        return previous is "لم" or "ولم" or "فلم" or "لما";
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static bool IsSentenceBoundary(char c) => c is '.' or '!' or '?' or '\u061F' or '\u061B' or '\n' or ':';

    private static FrozenSet<string> Set(params string[] words) => words.Select(FoldedText.FoldWord).ToFrozenSet(StringComparer.Ordinal);
}
