using CsCheck;

namespace Marsad.Text.Tests;

/// <summary>Random text for property tests: Arabic, Latin and mixed, with diacritics, tatweel, presentation forms, digits, punctuation, quotes, zero-width marks and emoji.</summary>
internal static class Generators
{
    private static readonly string[] Pieces =
    [
        "و", "ب", "ل", "ك", "ف", "س", "ال", "لل", "ه", "ها", "هم", "نا", "ي", "كتاب", "لبنان", "روسيا", "الولايات", "بلاده", "وبحسب",
        "\u064E", "\u064B", "\u0651", "\u0652", "\u0670", "\u0640", "\uFEFB", "\uFE8F", "\uFEF4", "\uFE96", "\uFDFA", "\uFE7C", "\uFDF2",
        "أ", "إ", "آ", "ٱ", "ى", "ة", "ؤ", "ئ", "ء", "ی", "ک", "ە", "پ",
        "0", "1", "9", "٢", "٠", "۳", ",", ".", "/", ":", "%", "٪", "٫", "٬",
        "a", "Z", "word", "O'Brien", "é", "e\u0301",
        " ", "  ", "\n", "\n\n", "\t", "\u00A0",
        "،", "؛", "؟", "!", "?", "...", "…", "«", "»", "\"", "'", "“", "”", "(", ")", "-", "#", "@", "_",
        "\u200C", "\u200D", "\u200F", "\u200E", "\u061C", "\uFEFF",
        "😀", "👍🏽", "👨\u200D👩\u200D👧", "❤\uFE0F", "\uD83D", "\uDE00",
        "http://x.co/a?b=1", "www.example.org.", "a.b@example.com", "#هاشتاغ", "@user_1", "ك.", "د.", "أ.ف.ب",
    ];

    /// <summary>Strings of 0-40 random pieces.</summary>
    public static readonly Gen<string> MixedText =
        Gen.Int[0, Pieces.Length - 1].Array[0, 40].Select(indexes => string.Concat(indexes.Select(i => Pieces[i])));

    /// <summary>Any UTF-16 strings, including lone surrogates and controls.</summary>
    public static readonly Gen<string> AnyText = Gen.Char.Array[0, 60].Select(chars => new string(chars));
}
