using Marsad.Model;
using Marsad.Topics;

namespace Marsad.Keyphrases;

/// <summary>
/// Extracts an article's keyphrases: words and 2–3 word phrases scored by term frequency × inverse
/// document frequency (learned from the corpus), boosted when they appear in the headline or early,
/// plus the article's named entities when the entity layer is present. Conjunctions and prepositions
/// glued to a word are removed (only when the corpus knows the bare word better), words that carry a
/// possessive pronoun or are stop words never start or end a phrase, and a phrase that contains an
/// already chosen phrase's words is merged into it.
/// </summary>
public sealed class KeyphraseExtractor(KeyphraseStatistics statistics)
{
    private const double HeadlineBoost = 1.3;
    private const double EarlyBoost = 1.15;
    private const double EntityBoost = 1.5;

    // idf of a word in at most about 1 document in 300 of the corpus.
    private const double RareIdf = 6.7;

    private static readonly string[] Proclitics = ["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];
    private static readonly string[] Enclitics = ["هما", "ها", "هم", "هن", "كم", "كما", "نا"];

    // Words that are frequent in news but never a keyphrase (reporting verbs, time words); composed for Marsad.
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
        },
        StringComparer.Ordinal);

    public KeyphraseStatistics Statistics { get; } = statistics;

    /// <summary>At most <paramref name="max"/> keyphrases, best first, scores scaled so that the best is 1.</summary>
    public List<Keyphrase> Extract(AnalyzedArticle doc, int max = 10)
    {
        var text = doc.Text;
        var terms = DocumentTerms.Of(text);
        var headlineEnd = doc.Blocks.Count > 0 && doc.Blocks[0].Kind == BlockKind.Headline ? doc.Blocks[0].End : 0;
        var earlyEnd = text.Length / 4;

        var words = new CleanWord[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            words[i] = Clean(text, terms[i]);
        }

        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i].StrippedProclitic && Adjacent(text, terms[i], terms[i + 1])
                && Statistics.BigramFrequency(terms[i].Normalized, words[i + 1].Normalized) > Statistics.BigramFrequency(words[i].Normalized, words[i + 1].Normalized))
            {
                words[i] = Clean(text, terms[i], allowStrip: false);
            }
        }

        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            for (var n = 1; n <= 3 && i + n <= words.Length; n++)
            {
                if (!CanForm(text, terms, words, i, n))
                {
                    break;
                }

                if (!IsBoundaryOk(words[i]) || !IsBoundaryOk(words[i + n - 1]))
                {
                    continue;
                }

                var key = n switch
                {
                    1 => words[i].Key,
                    2 => string.Concat(words[i].Key, " ", words[i + 1].Key),
                    _ => string.Concat(words[i].Key, " ", words[i + 1].Key, " ", words[i + 2].Key),
                };
                if (!candidates.TryGetValue(key, out var c))
                {
                    var keys = new string[n];
                    for (var k = 0; k < n; k++)
                    {
                        keys[k] = words[i + k].Key;
                    }

                    c = new Candidate(key, n, keys);
                    candidates[key] = c;
                }

                c.Count++;
                var display = n == 1 ? words[i].Display : words[i].Display + " " + text[terms[i + 1].Start..terms[i + n - 1].End];
                c.Displays[display] = c.Displays.GetValueOrDefault(display) + 1;
                c.InHeadline |= terms[i].Start < headlineEnd;
                c.Early |= terms[i].Start < earlyEnd;
                if (c.Count > 1)
                {
                    continue; // the statistics below depend only on the key's words
                }

                c.Idf = 0;
                c.WordIdfs = new double[n];
                for (var k = 0; k < n; k++)
                {
                    c.WordIdfs[k] = Statistics.Idf(words[i + k].Normalized);
                    c.Idf += c.WordIdfs[k] / n;
                }

                if (n == 2)
                {
                    c.Collocation = Statistics.BigramFrequency(words[i].Normalized, words[i + 1].Normalized) >= 5;
                }
            }
        }

        var scored = new List<Candidate>();
        foreach (var c in candidates.Values)
        {
            // Phrases must recur (or be a known collocation) to count as phrases rather than accidents.
            if (c.Length > 1 && c.Count < 2 && !(c.Collocation && c.InHeadline))
            {
                continue;
            }

            // A phrase is worth a little more than its average word: it is more specific.
            var cohesion = c.Length switch { 1 => 1.0, 2 => c.Collocation ? 1.1 : 1.0, _ => 1.05 };
            c.Score = c.Count * c.Idf * cohesion * (c.InHeadline ? HeadlineBoost : 1) * (c.Early ? EarlyBoost : 1);
            scored.Add(c);
        }

        // A word or phrase that occurs only inside a longer recurring phrase is that phrase (كوريا → كوريا الشمالية).
        var dropped = new HashSet<Candidate>();
        foreach (var p in scored.Where(c => c.Length > 1).OrderByDescending(c => c.Length))
        {
            if (dropped.Contains(p))
            {
                continue;
            }

            for (var start = 0; start < p.Length; start++)
            {
                for (var end = start + 1; end <= p.Length; end++)
                {
                    if (end - start == p.Length || !candidates.TryGetValue(string.Join(' ', p.Words[start..end]), out var sub) || sub.Count > p.Count + Math.Max(1, p.Count / 3))
                    {
                        continue;
                    }

                    p.Score = Math.Max(p.Score, sub.Score);
                    dropped.Add(sub);
                }
            }
        }

        scored.RemoveAll(dropped.Contains);
        AddEntities(doc, scored);
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Key, b.Key));

        var chosen = new List<Candidate>();
        foreach (var c in scored)
        {
            if (chosen.Count == max)
            {
                break;
            }

            var overlapping = chosen.FirstOrDefault(a => a.Words.Intersect(c.Words, StringComparer.Ordinal).Any());
            if (overlapping is null)
            {
                chosen.Add(c);
                continue;
            }

            // A longer phrase that contains a chosen one and recurs names it better (كيم → كيم جونغ أون).
            // Only when the added words are rare (name parts such as جونغ أون), not common words (زعيم).
            if (overlapping.EntityKey is null && c.Length > overlapping.Length && overlapping.Words.All(w => c.Words.Contains(w, StringComparer.Ordinal))
                && (c.EntityKey is not null || (c.Length == 2 && c.Collocation && c.Count >= 2) || (c.Count >= 2 && AddedWordsAreNameParts(c, overlapping, candidates))))
            {
                overlapping.Upgrade(c);
            }
        }

        if (chosen.Count == 0)
        {
            return [];
        }

        var best = chosen[0].Score;
        return chosen.Select(c => new Keyphrase(c.BestDisplay(), Math.Round(c.Score / best, 4)) { EntityKey = c.EntityKey }).ToList();
    }

    /// <summary>
    /// The words a longer phrase adds are rare in the corpus, or occur in this article only inside
    /// the phrase (جونغ أون in كيم جونغ أون): parts of a name, not common words (زعيم).
    /// </summary>
    private static bool AddedWordsAreNameParts(Candidate longer, Candidate shorter, Dictionary<string, Candidate> candidates)
    {
        for (var k = 0; k < longer.Words.Length; k++)
        {
            var w = longer.Words[k];
            if (shorter.Words.Contains(w, StringComparer.Ordinal) || longer.WordIdfs[k] >= RareIdf)
            {
                continue;
            }

            if (!candidates.TryGetValue(w, out var alone) || alone.Count > longer.Count + 1)
            {
                return false;
            }
        }

        return true;
    }

    private void AddEntities(AnalyzedArticle doc, List<Candidate> scored)
    {
        var terms = new List<Term>();
        if (doc.Entities.Count > 0)
        {
            foreach (var e in doc.Entities)
            {
                Add(e.CanonicalName, Math.Max(1, e.MentionCount), e.Key);
            }
        }
        else
        {
            foreach (var group in doc.Mentions.GroupBy(m => ArabicNormalizer.Normalize(m.Text), StringComparer.Ordinal))
            {
                Add(group.First().Text, group.Count(), group.First().EntityKey);
            }
        }

        void Add(string name, int count, string? key)
        {
            terms.Clear();
            FallbackTermAnalyzer.Instance.Analyze(name, terms);
            if (terms.Count == 0)
            {
                return;
            }

            var idf = terms.Average(t => Statistics.Idf(t.Normalized));
            var c = new Candidate("entity:" + name, terms.Count, terms.Select(t => Clean(name, t).Key).ToArray())
            {
                WordIdfs = terms.Select(t => Statistics.Idf(t.Normalized)).ToArray(),
                Count = count,
                EntityKey = key,
                Score = count * idf * EntityBoost,
            };
            c.Displays[name] = 1;
            scored.Add(c);
        }
    }

    /// <summary>Only white space (no punctuation, no line break) between each pair of the n words.</summary>
    private static bool CanForm(string text, List<Term> terms, CleanWord[] words, int i, int n)
    {
        var last = i + n - 1;
        if (words[last].IsNumber || (n > 1 && !Adjacent(text, terms[last - 1], terms[last])))
        {
            return false;
        }

        // Inside a phrase, later words keep their own form: a proclitic there starts a new phrase.
        return n == 1 || !words[last].StrippedProclitic;
    }

    private static bool IsBoundaryOk(CleanWord w) => !w.IsStop && !w.HasEnclitic && !w.IsNumber && w.Normalized.Length >= 2;

    internal static bool Adjacent(string text, Term a, Term b)
    {
        for (var k = a.End; k < b.Start; k++)
        {
            var c = text[k];
            if (c != ' ' && c != '\u00A0' && c != '\u200C')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The word without a glued conjunction or preposition, when the corpus knows the bare word better.</summary>
    private CleanWord Clean(string text, Term term, bool allowStrip = true)
    {
        var norm = term.Normalized;
        var isNumber = !term.IsArabic && norm.All(char.IsDigit);
        var display = text[term.Start..term.End];
        var stripped = false;
        var df = Statistics.WordFrequency(norm);
        if (allowStrip && term.IsArabic && !Statistics.IsStopWord(norm))
        {
            foreach (var p in Proclitics)
            {
                if (norm.Length - p.Length < 2 || !norm.StartsWith(p, StringComparison.Ordinal))
                {
                    continue;
                }

                // ل + ال writes لل: للأسلحة is ل + الأسلحة.
                var rest = p.EndsWith('ل') && norm.AsSpan(p.Length).StartsWith("ل", StringComparison.Ordinal)
                    ? "ا" + norm[p.Length..]
                    : norm[p.Length..];
                // The bare word must be common in the corpus (لمناقشة → مناقشة), not an accident (لبنان ↛ بنان).
                var restDf = Statistics.WordFrequency(rest);
                if (restDf > 2 * df || (restDf >= 20 && restDf * 3 >= df && rest.Length >= 3))
                {
                    var cut = SkipLetters(display, p.Length);
                    display = rest[0] == 'ا' && rest.Length == norm.Length - p.Length + 1 ? "ا" + display[cut..] : display[cut..];
                    norm = rest;
                    stripped = true;
                    break;
                }
            }
        }

        var hasEnclitic = false;
        if (term.IsArabic)
        {
            foreach (var e in Enclitics)
            {
                if (norm.Length - e.Length >= 3 && norm.EndsWith(e, StringComparison.Ordinal)
                    && Statistics.WordFrequency(norm[..^e.Length]) > 2 * Math.Max(1, Statistics.WordFrequency(norm)))
                {
                    hasEnclitic = true;
                    break;
                }
            }
        }

        var isStop = Statistics.IsStopWord(norm) || NewsFillers.Contains(norm)
            || (norm.StartsWith("ال", StringComparison.Ordinal) && NewsFillers.Contains(norm[2..]));
        return new CleanWord(norm, FallbackTermAnalyzer.Stem(norm), display, stripped, hasEnclitic, isStop, isNumber);
    }

    /// <summary>The index in <paramref name="surface"/> after <paramref name="letters"/> letters, skipping diacritics.</summary>
    private static int SkipLetters(string surface, int letters)
    {
        var i = 0;
        while (i < surface.Length && letters > 0)
        {
            if (ArabicNormalizer.NormalizeChar(surface[i]) != '\0')
            {
                letters--;
            }

            i++;
        }

        while (i < surface.Length && ArabicNormalizer.NormalizeChar(surface[i]) == '\0')
        {
            i++;
        }

        return i;
    }

    private readonly record struct CleanWord(string Normalized, string Key, string Display, bool StrippedProclitic, bool HasEnclitic, bool IsStop, bool IsNumber);

    private sealed class Candidate(string key, int length, string[] words)
    {
        public string Key { get; } = key;

        public int Length { get; private set; } = length;

        public string[] Words { get; private set; } = words;

        public Dictionary<string, int> Displays { get; private set; } = new(StringComparer.Ordinal);

        public int Count { get; set; }

        public double Idf { get; set; }

        public double[] WordIdfs { get; set; } = [];

        public bool InHeadline { get; set; }

        public bool Early { get; set; }

        public bool Collocation { get; set; }

        public double Score { get; set; }

        public string? EntityKey { get; set; }

        public void Upgrade(Candidate longer)
        {
            Length = longer.Length;
            Words = longer.Words;
            WordIdfs = longer.WordIdfs;
            Displays = longer.Displays;
            EntityKey ??= longer.EntityKey;
        }

        public string BestDisplay() =>
            Displays.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
    }
}
