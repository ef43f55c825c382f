using Marsad.Model;
using Marsad.Text;

namespace Marsad.Keyphrases;

/// <summary>
/// One word of the text layer as the keyphrase and summary stages see it: its corpus form (the article ال, when
/// present, plus the stem segment, Matching-normalised: وللأسلحة → الأسلحة, بلاده → بلاد) looked up in
/// <see cref="KeyphraseStatistics"/>, a 64-bit key of its light stem that groups spellings of one word, and
/// flags. Training (<see cref="KeyphraseStatistics.Learn(IEnumerable{AnalyzedArticle}, IEnumerable{string})"/>)
/// and inference read words through the same <see cref="PhraseWords.Form"/>, so the document frequencies match.
/// </summary>
internal struct PhraseWord
{
    /// <summary>Index into doc.Tokens.</summary>
    public int Token;

    /// <summary>Id of the corpus form in the statistics, or -1 when the corpus does not know it.</summary>
    public int FormId;

    /// <summary>Length of the corpus form (phrases need words of two letters or more).</summary>
    public int FormLength;

    /// <summary>Hash of the light stem (الأسلحة and أسلحة share it).</summary>
    public ulong Key;

    public float Idf;

    /// <summary>Where the shown form starts: after a glued conjunction or preposition, at the article or the stem.</summary>
    public int DisplayStart;

    /// <summary>The article is written ل after the preposition ل (للأسلحة): show it as ال.</summary>
    public bool ShortArticle;

    /// <summary>A conjunction or preposition was glued to the word (وروسيا, لمناقشة).</summary>
    public bool Stripped;

    /// <summary>The word carries a possessive or object pronoun (لحربها): never a phrase boundary.</summary>
    public bool Enclitic;

    public bool Stop;

    /// <summary>Only white space (no line break) between this word and the previous word of the array.</summary>
    public bool JoinsPrevious;
}

/// <summary>Reads the words of an analysed document for keyphrases and summaries (see <see cref="PhraseWord"/>).</summary>
internal static class PhraseWords
{
    /// <summary>Longest corpus form handled; longer words keep the token's normalised form.</summary>
    public const int MaxForm = 128;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    // Words that are frequent in news but never a keyphrase (reporting verbs, time words); composed for Marsad.
    // Stored Search-normalised (ة as ه, أ إ آ as ا, ى as ي, ؤ as و), as they are looked up.
    private static readonly HashSet<string> NewsFillers = new(
        new[]
        {
            "قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "اشار", "اشارت", "ذكر", "ذكرت", "اعلن", "اعلنت", "اوضح", "اوضحت",
            "تابع", "يقول", "تقول", "اليوم", "امس", "غدا", "يوم", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد",
            "العام", "الماضي", "المقبل", "الحالي", "الشهر", "الاسبوع", "خلال", "بحسب", "وفقا", "ايضا", "حيث", "نحو", "اطار", "بشان",
            "المسؤولون", "مسؤولون", "مصادر", "المصادر", "صحيفه", "الصحيفه", "وكاله", "انباء", "تقرير", "التقرير", "بيان", "البيان",
            "اكثر", "اقل", "عدد", "عده", "كبير", "كبيره", "جديد", "جديده", "مثل", "بعض", "جميع", "كافه", "اخر", "اخري", "الاخر", "الاخري",
            "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر",
            "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين",
        }.Select(w => ArabicNormalizer.Normalize(w, NormalizationProfile.Search)),
        StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FillersBySpan = NewsFillers.GetAlternateLookup<ReadOnlySpan<char>>();

    [ThreadStatic]
    private static Cache? t_cache;

    /// <summary>
    /// The document's words, read once per document and thread: the keyphrase and summary annotators run one after
    /// the other on the same document, so the second one reuses what the first one read. The cache remembers only
    /// the last document's text, token list and count, so a changed document is read again.
    /// </summary>
    /// <returns>A buffer whose first <paramref name="count"/> entries are the words; valid until the next call on this thread.</returns>
    public static PhraseWord[] Of(AnalyzedArticle doc, KeyphraseStatistics statistics, out int count)
    {
        var c = t_cache ??= new Cache();
        if (!ReferenceEquals(c.Text, doc.Text) || !ReferenceEquals(c.Tokens, doc.Tokens) || c.TokenCount != doc.Tokens.Count || !ReferenceEquals(c.Statistics, statistics))
        {
            c.Count = Read(doc, statistics, ref c.Words);
            c.Text = doc.Text;
            c.Tokens = doc.Tokens;
            c.TokenCount = doc.Tokens.Count;
            c.Statistics = statistics;
        }

        count = c.Count;
        return c.Words;
    }

    /// <summary>True for the tokens that are words (Arabic or Latin script).</summary>
    public static bool IsWord(TokenAnnotation token) => token.Kind is TokenKind.ArabicWord or TokenKind.LatinWord;

    /// <summary>
    /// Writes the corpus form of a word token into <paramref name="buffer"/> (at least <see cref="MaxForm"/> long) and
    /// returns its length: the article (when the stem follows it) plus the stem segment's normalised form.
    /// </summary>
    public static int Form(TokenAnnotation token, Span<char> buffer, out WordShape shape)
    {
        shape = new WordShape(token.Start, false, false, false);
        var segments = token.Segments;
        var stem = -1;
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Role == SegmentRole.Stem)
            {
                stem = i;
                break;
            }
        }

        if (stem < 0)
        {
            return Copy(token.Normalized, buffer, 0);
        }

        var article = stem > 0 && segments[stem - 1].Form == "ال";
        var first = article ? segments[stem - 1] : segments[stem];
        shape = new WordShape(
            first.Start,
            article && first.End - first.Start == 1,
            stem > (article ? 1 : 0),
            stem + 1 < segments.Count && segments[stem + 1].Role == SegmentRole.Enclitic);
        var n = article ? Copy("ال", buffer, 0) : 0;
        return Copy(segments[stem].Form, buffer, n);
    }

    /// <summary>Fills <paramref name="words"/> with the document's word tokens (grown as needed); returns how many.</summary>
    public static int Read(AnalyzedArticle doc, KeyphraseStatistics statistics, ref PhraseWord[] words)
    {
        var text = doc.Text;
        var tokens = doc.Tokens;
        Span<char> form = stackalloc char[MaxForm];
        var count = 0;
        var previousToken = -2;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (!IsWord(token))
            {
                continue;
            }

            var n = Form(token, form, out var shape);
            if (count == words.Length)
            {
                Array.Resize(ref words, words.Length * 2);
            }

            var id = statistics.WordId(form[..n]);
            words[count++] = new PhraseWord
            {
                Token = t,
                FormId = id,
                FormLength = n,
                Key = Hash(token.Stem ?? token.Normalized),
                Idf = statistics.Idf(id),
                DisplayStart = shape.DisplayStart,
                ShortArticle = shape.ShortArticle,
                Stripped = shape.Stripped,
                Enclitic = shape.Enclitic,
                Stop = statistics.IsNoise(id, form[..n]),
                JoinsPrevious = previousToken == t - 1 && !text.AsSpan(tokens[t - 1].End, token.Start - tokens[t - 1].End).Contains('\n'),
            };
            previousToken = t;
        }

        return count;
    }

    /// <summary>FNV-1a over UTF-16 code units: stable across processes (unlike string.GetHashCode).</summary>
    public static ulong Hash(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s)
        {
            h = (h ^ c) * FnvPrime;
        }

        return h;
    }

    /// <summary>The key of a sequence of word keys (order matters; a one-word sequence keeps the word's key).</summary>
    public static ulong Combine(ulong h, ulong next) => (ulong.RotateLeft(h, 23) * FnvPrime) ^ next;

    /// <summary>A news filler (قال، العام، يناير...), alone or with the article.</summary>
    public static bool IsFiller(ReadOnlySpan<char> form)
    {
        if (form.Length > 32)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[32 * ArabicNormalizer.MaxExpansion];
        var n = ArabicNormalizer.Normalize(form, buffer, NormalizationProfile.Search);
        var search = buffer[..n];
        return FillersBySpan.Contains(search) || (search.StartsWith("ال") && FillersBySpan.Contains(search[2..]));
    }

    private static int Copy(string s, Span<char> buffer, int at)
    {
        var n = Math.Min(s.Length, buffer.Length - at);
        s.AsSpan(0, n).CopyTo(buffer[at..]);
        return at + n;
    }

    private sealed class Cache
    {
        public PhraseWord[] Words = new PhraseWord[512];
        public int Count;
        public string? Text;
        public List<TokenAnnotation>? Tokens;
        public int TokenCount;
        public KeyphraseStatistics? Statistics;
    }

    /// <summary>How a word is written: where its shown form starts and which clitics it carries.</summary>
    public readonly record struct WordShape(int DisplayStart, bool ShortArticle, bool Stripped, bool Enclitic);
}
