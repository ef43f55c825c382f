using System.Reflection;

namespace Marsad.Text;

/// <summary>
/// Splits an Arabic word into proclitics (و ف ب ك ل ال س, and لل = ل+ال), a stem and one enclitic pronoun
/// (ه ها هم هما هن ك كم كما كن ي ني نا), with offsets relative to the word:
/// لروسيا → ل+روسيا، للولايات → ل+ال+ولايات، وبحسب → و+ب+حسب، بلاده → بلاد+ه.
/// <para>
/// It is data-driven, not a blind affix stripper: every possible split is scored by how often its stem occurs
/// as a word of its own in news text (ANT corpus counts, <see cref="SegmenterLexicon"/>) against how often the
/// whole word occurs, plus a bonus per clitic (<see cref="SegmenterOptions"/>). Names (GATE gazetteer, country and
/// city lists) get a bonus to stay whole, so لبنان، ليبيا، فلسطين، بوتين stay whole, as do words such as ولاية
/// and كتاب whose "stems" are not words. A pronoun is not split from a word that also takes the article
/// (العربي: عربي, not عرب+ي). Function words with irregular splits (مما = من+ما) come from a hand-written table.
/// </para>
/// Thread-safe and immutable; segmenting allocates nothing (the span overload).
/// </summary>
public sealed class CliticSegmenter
{
    /// <summary>The most segments a word can have: conjunction, preposition or future, article, stem, pronoun.</summary>
    public const int MaxSegments = 5;

    /// <summary>Lexicon words seen at least this often are segmented once when the segmenter is built.</summary>
    public const int PrecomputeMinCount = 5;

    /// <summary>Words longer than this (in UTF-16 units) are not segmented.</summary>
    public const int MaxWordLength = 64;

    private static readonly Lazy<CliticSegmenter> DefaultInstance = new(LoadDefault);

    private static readonly string[] Enclitics = ["هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ه", "ك", "ي"];

    // Forms a cached decision can name; index 0 is the stem (its form is its surface).
    private static readonly string?[] CachedForms = ["و", "ف", "ب", "ك", "ل", "س", "ال", .. Enclitics, null];
    private const int StemForm = 19;

    // A stem after لل whose first letter is the ل that also writes the article (للجنة = ل+ال+لجنة): its form is the
    // lexicon key one letter longer than its surface.
    private const int StemWithElidedArticleForm = 20;

    private readonly Dictionary<string, ulong> _decisions;
    private readonly Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> _decisionsBySpan;

    public CliticSegmenter(SegmenterLexicon lexicon, SegmenterOptions? options = null)
    {
        Lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        Options = options ?? new SegmenterOptions();

        // Every frequent word of the lexicon is decided once, here: segmenting it is then one lookup. Rarer words
        // (a small share of running text) are scored when met, which keeps loading fast.
        _decisions = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var buffer = default(PieceBuffer);
        foreach (var key in lexicon.Keys)
        {
            if (key.Length < 2 || key.Length >= 64 || lexicon.Count(key) < PrecomputeMinCount || lexicon.TryGetFixed(key, out _) // lengths are packed in 6 bits
                || lexicon.TryGetFixed(key.AsSpan(1), out _)) // a conjunction + a fixed word: its stem may carry a form the code cannot hold
            {
                continue;
            }

            var n = Decide(key, buffer);
            _decisions[key] = Encode(((Span<Piece>)buffer)[..n]);
        }

        _decisionsBySpan = _decisions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The segmenter with the lexicon shipped in this assembly (loaded once, on first use).</summary>
    public static CliticSegmenter Default => DefaultInstance.Value;

    public SegmenterLexicon Lexicon { get; }

    public SegmenterOptions Options { get; }

    /// <summary>The proclitic forms: و ف ب ك ل س ال.</summary>
    public static bool IsProcliticForm(string form) => form is "و" or "ف" or "ب" or "ك" or "ل" or "س" or "ال";

    /// <summary>Segments a word; returns its segments (one stem segment when it stays whole).</summary>
    public IReadOnlyList<WordSegment> Segment(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var buffer = new WordSegment[MaxSegments];
        var n = Segment(word, buffer);
        return n == MaxSegments ? buffer : buffer[..n];
    }

    /// <summary>
    /// Segments <paramref name="word"/> (one token's surface) into <paramref name="destination"/> (at least
    /// <see cref="MaxSegments"/> long); returns how many segments. Offsets are relative to the word and cover
    /// it exactly: marks and tatweel stay with the letter before them.
    /// </summary>
    public int Segment(ReadOnlySpan<char> word, Span<WordSegment> destination)
    {
        if (destination.Length < MaxSegments)
        {
            throw new ArgumentException($"destination needs room for {MaxSegments} segments", nameof(destination));
        }

        if (word.IsEmpty)
        {
            return 0;
        }

        Span<char> key = stackalloc char[MaxWordLength];
        Span<short> source = stackalloc short[MaxWordLength];
        var length = word.Length <= MaxWordLength ? BuildKey(word, key, source) : -1;
        if (length < 2)
        {
            destination[0] = new WordSegment(0, word.Length, SegmentRole.Stem, null);
            return 1;
        }

        key = key[..length];
        source = source[..length];
        var bestBuffer = default(PieceBuffer);
        Span<Piece> best = bestBuffer;
        var count = Lexicon.TryGetFixed(key, out var fixedSegmentation) ? FromFixed(fixedSegmentation, best)
            : _decisionsBySpan.TryGetValue(key, out var decision) ? Decode(decision, best, key)
            : Decide(key, best);
        return ToSurface(word, source, best[..count], destination);
    }

    /// <summary>Writes "و+ب+حسب" style text: clitic forms and the stem's key, joined by '+'.</summary>
    public string Format(ReadOnlySpan<char> word)
    {
        var buffer = default(SegmentBuffer);
        Span<WordSegment> segments = buffer;
        var n = Segment(word, segments);
        var parts = new string[n];
        for (var i = 0; i < n; i++)
        {
            parts[i] = segments[i].Form ?? SegmenterLexicon.Key(word[segments[i].Start..segments[i].End]);
        }

        return string.Join('+', parts);
    }

    private enum Clitic : byte
    {
        None,
        Waw,
        Fa,
        Beh,
        Kaf,
        Lam,
        Seen,
        Article,
        ArticleAsLam, // the article written ل in لل
    }

    /// <summary>A piece over the key: [Start, End) in key characters.</summary>
    private readonly record struct Piece(int Start, int End, SegmentRole Role, string? Form);

    [System.Runtime.CompilerServices.InlineArray(MaxSegments)]
    private struct PieceBuffer
    {
        private Piece _element;
    }

    private static int BuildKey(ReadOnlySpan<char> word, Span<char> key, Span<short> source)
    {
        Span<char> mapped = stackalloc char[ArabicNormalizer.MaxExpansion];
        var n = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (ArabicLetters.IsMark(c))
            {
                continue;
            }

            var written = ArabicNormalizer.Map(c, mapped, NormalizationProfile.Display);
            for (var k = 0; k < written; k++)
            {
                var m = mapped[k];
                if (ArabicLetters.IsMark(m))
                {
                    continue;
                }

                if (!ArabicLetters.IsArabicLetter(m) || n >= key.Length)
                {
                    return -1; // not a plain Arabic word: leave whole
                }

                key[n] = m;
                // A letter expanded from a ligature shares its source position; no boundary can fall inside it.
                source[n] = (short)(k == 0 ? i : -1);
                n++;
            }
        }

        return n;
    }

    private static int FromFixed(FixedSegmentation segmentation, Span<Piece> pieces, int start = 0)
    {
        var n = 0;
        foreach (var p in segmentation.Pieces)
        {
            pieces[n++] = new Piece(start, start + p.Length, p.Role, p.Form);
            start += p.Length;
        }

        return n;
    }

    /// <summary>Every analysis the segmenter weighed for a word, with its score (the whole word first): for debugging and docs.</summary>
    public IReadOnlyList<(string Analysis, double Score)> Explain(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var trace = new List<(string, double)>();
        Span<char> key = stackalloc char[MaxWordLength];
        Span<short> source = stackalloc short[MaxWordLength];
        var length = word.Length <= MaxWordLength ? BuildKey(word, key, source) : -1;
        if (length >= 2)
        {
            var buffer = default(PieceBuffer);
            Decide(key[..length], buffer, trace);
        }

        return trace;
    }

    private int Decide(ReadOnlySpan<char> key, Span<Piece> best, List<(string, double)>? trace = null)
    {
        var o = Options;

        // A conjunction before a function word of the fixed table: و+لعل، و+لدي+نا، ف+الله.
        if (key.Length > 2 && key[0] is ArabicLetters.Waw or ArabicLetters.Feh && Lexicon.TryGetFixed(key[1..], out var fixedRest)
            && fixedRest.Pieces.Length < MaxSegments && !Lexicon.IsName(key))
        {
            best[0] = new Piece(0, 1, SegmentRole.Proclitic, key[0] == ArabicLetters.Waw ? "و" : "ف");
            var fixedCount = 1 + FromFixed(fixedRest, best[1..], 1);
            trace?.Add((key.ToString(), 0));
            return fixedCount;
        }

        var wholeCount = Lexicon.Count(key);
        var bestScore = Math.Log(1 + wholeCount) + (Lexicon.IsName(key) ? o.NameBonus : 0);
        var bestCount = 1;
        best[0] = new Piece(0, key.Length, SegmentRole.Stem, null);
        trace?.Add((key.ToString(), bestScore));

        Span<Clitic> chain = stackalloc Clitic[3];
        var candidateBuffer = default(PieceBuffer);
        Span<Piece> candidate = candidateBuffer;
        Span<char> scratch = stackalloc char[MaxWordLength + 4];

        // Conjunction: none, و or ف.
        for (var conj = 0; conj < 3; conj++)
        {
            var a = 0;
            var chainLength = 0;
            var bonus = 0.0;
            if (conj == 1)
            {
                if (key[0] != ArabicLetters.Waw)
                {
                    continue;
                }

                chain[chainLength++] = Clitic.Waw;
                bonus += o.Conjunction;
                a = 1;
            }
            else if (conj == 2)
            {
                if (key[0] != ArabicLetters.Feh)
                {
                    continue;
                }

                chain[chainLength++] = Clitic.Fa;
                bonus += o.ConjunctionFa;
                a = 1;
            }

            // Second layer: none, ب/ك/ل (with or without the article), لل, the article alone, or future س.
            for (var option = 0; option < 7; option++)
            {
                var b = a;
                var c = chainLength;
                var bonus2 = bonus;
                var article = false;
                var future = false;
                var elided = false;
                switch (option)
                {
                    case 0:
                        break;
                    case 1: // preposition alone
                    case 2: // preposition + article
                        if (a >= key.Length || key[a] is not (ArabicLetters.Beh or ArabicLetters.Kaf or ArabicLetters.Lam))
                        {
                            continue;
                        }

                        chain[c++] = key[a] == ArabicLetters.Beh ? Clitic.Beh : key[a] == ArabicLetters.Kaf ? Clitic.Kaf : Clitic.Lam;
                        bonus2 += key[a] == ArabicLetters.Kaf ? o.PrepositionKaf
                            : key[a] == ArabicLetters.Lam && option == 1 ? o.PrepositionLam
                            : o.Preposition;
                        b = a + 1;
                        if (option == 2)
                        {
                            if (!HasArticleAt(key, b) || Lexicon.TryGetFixed(key[b..], out _) || BeginsWithOwnAl(key[b..], scratch))
                            {
                                continue;
                            }

                            chain[c++] = Clitic.Article;
                            bonus2 += o.Article;
                            b += 2;
                            article = true;
                        }

                        break;
                    case 3: // لل = ل + article written ل
                        if (a + 1 >= key.Length || key[a] != ArabicLetters.Lam || key[a + 1] != ArabicLetters.Lam
                            || IsNameRatherThanArticle(key[(a + 1)..], scratch))
                        {
                            continue; // a name in ل takes no article: للبنان is ل+لبنان
                        }

                        chain[c++] = Clitic.Lam;
                        chain[c++] = Clitic.ArticleAsLam;
                        bonus2 += o.Preposition + o.Article;
                        b = a + 2;
                        article = true;
                        break;
                    case 4: // article alone
                        if (!HasArticleAt(key, a) || Lexicon.TryGetFixed(key[a..], out _) || BeginsWithOwnAl(key[a..], scratch))
                        {
                            continue;
                        }

                        chain[c++] = Clitic.Article;
                        bonus2 += o.Article;
                        b = a + 2;
                        article = true;
                        break;
                    case 6: // لل before a stem in ل: the article's ل is not written twice (للجنة = ل+ال+لجنة)
                        if (a + 2 >= key.Length || key[a] != ArabicLetters.Lam || key[a + 1] != ArabicLetters.Lam
                            || !TakesArticle(key[(a + 1)..], scratch))
                        {
                            continue; // a name or a word without the article: ل+لبنان, or ل+ال+ولايات (option 3)
                        }

                        chain[c++] = Clitic.Lam;
                        chain[c++] = Clitic.ArticleAsLam;
                        bonus2 += o.Preposition + o.Article;
                        b = a + 2;
                        article = true;
                        elided = true;
                        break;
                    case 5: // future س before an imperfect verb prefix
                        if (a + 1 >= key.Length || key[a] != ArabicLetters.Seen
                            || key[a + 1] is not (ArabicLetters.Yeh or ArabicLetters.Teh or ArabicLetters.Noon or ArabicLetters.AlefHamzaAbove))
                        {
                            continue;
                        }

                        chain[c++] = Clitic.Seen;
                        bonus2 += o.Future;
                        b = a + 1;
                        future = true;
                        break;
                    default:
                        continue;
                }

                // Enclitic: none or one pronoun.
                for (var e = -1; e < Enclitics.Length; e++)
                {
                    var end = key.Length;
                    var bonus3 = bonus2;
                    string? enclitic = null;
                    if (e >= 0)
                    {
                        enclitic = Enclitics[e];
                        if (article || !key.EndsWith(enclitic))
                        {
                            continue;
                        }

                        end -= enclitic.Length;
                        bonus3 += EncliticBonus(enclitic);
                    }

                    if (c == 0 && e < 0)
                    {
                        continue; // the whole word, already scored
                    }

                    if (end - b < 1)
                    {
                        continue;
                    }

                    var stem = key[b..end];
                    string? stemForm = null;
                    if (elided)
                    {
                        // The stem as a word begins one letter earlier, with the ل it shares with the article.
                        stem = key[(b - 1)..end];
                        if (!Lexicon.TryGetKey(stem, out stemForm))
                        {
                            continue;
                        }
                    }
                    // ب and ل take pronouns (به، لها); ك does not in Modern Standard Arabic (كنا is "we were").
                    var prepositionWithPronoun = c == 0 && stem.Length == 1 && enclitic is not null
                        && stem[0] is ArabicLetters.Lam or ArabicLetters.Beh;
                    if (stem.Length < 2 && !prepositionWithPronoun)
                    {
                        continue;
                    }

                    // "my" is rare in news and ي ends many words (ماي، نسبي): it needs a stem of three letters.
                    if (enclitic is "ي" && stem.Length < 3 && !prepositionWithPronoun)
                    {
                        continue;
                    }

                    // Future س goes before an imperfect verb: its prefix and at least two letters (س+يرى), not يد.
                    if (future && stem.Length < 3)
                    {
                        continue;
                    }


                    // "my", "me" and "you" are rare in news, while ي, ني and ك end many words (ألفي، دولي، سيدني، تراكم):
                    // a stem takes them only if the corpus shows it with third-person pronouns at least as often.
                    if (enclitic is "ي" or "ني" or "ك" or "كم" or "كما" or "كن" && !prepositionWithPronoun
                        && !TakesThirdPersonPronounsAsOften(key[b..], stem, scratch))
                    {
                        continue;
                    }

                    // Particles take no pronoun: بيانا is not ب+يا+نا, ماني is not ما+ني.
                    if (enclitic is not null && IsParticleWithoutPronouns(stem))
                    {
                        continue;
                    }

                    // Prepositions do not stack: بلديهما is بلدي+هما, not ب+لدي+هما.
                    if (c > 0 && chain[c - 1] is Clitic.Beh or Clitic.Kaf or Clitic.Lam && IsPreposition(stem, enclitic is not null))
                    {
                        continue;
                    }

                    // A clitic is separable: when a word is common but never seen without its first letter (وصفوه but
                    // no صفوه), that letter belongs to the word.
                    if (!prepositionWithPronoun && !ProcliticsSeparable(key, chain[..c], stem, enclitic is not null))
                    {
                        continue;
                    }

                    var evidence = prepositionWithPronoun ? 1_000_000 : StemEvidence(stem, enclitic, scratch);

                    // An unknown word whose stem is unseen too (فأوفد): the stem's inflected forms (أوفدت) still show it
                    // is a word. Only for stems of four letters or more, where such forms are rarely other words.
                    if (evidence == 0 && wholeCount == 0 && !article && enclitic is null && stem.Length >= 4)
                    {
                        evidence = InflectedFormsEvidence(stem, scratch);
                    }

                    var score = Math.Log(1 + evidence) + bonus3;
                    if (evidence == 0)
                    {
                        // An unseen stem may only be split from a clear article (والمستوطنين), never on a guess.
                        if (!(article && stem.Length >= 3 && e < 0 && wholeCount == 0))
                        {
                            continue;
                        }
                    }

                    // A two-letter stem is often part of a longer word (تسهم is not تس+هم, ولفت is not و+ل+فت);
                    // only frequent function words (كما، وهو، لقد) split without a penalty.
                    if (stem.Length == 2 && !prepositionWithPronoun && (enclitic is not null || evidence < 500))
                    {
                        score += o.ShortStemPenalty;
                    }

                    // A word that itself takes the article (الوزير، البلدي) is a noun or adjective: its first letter is
                    // not a conjunction or preposition and its last letters are not a pronoun.
                    if (!article && !prepositionWithPronoun && ((c > 0 && TakesArticle(key, scratch)) || (enclitic is not null && TakesArticle(key[b..], scratch))))
                    {
                        score += o.ArticlePenalty;
                    }

                    if (trace is not null)
                    {
                        var n = Fill(candidate, chain[..c], b, end, key.Length, enclitic, stemForm);
                        var text = new System.Text.StringBuilder();
                        foreach (var piece in candidate[..n])
                        {
                            text.Append(text.Length > 0 ? "+" : string.Empty).Append(piece.Form ?? key[piece.Start..piece.End].ToString());
                        }

                        trace.Add((text.ToString(), score));
                    }

                    if (score > bestScore)
                    {
                        bestScore = score;
                        bestCount = Fill(candidate, chain[..c], b, end, key.Length, enclitic, stemForm);
                        candidate[..bestCount].CopyTo(best);
                    }
                }
            }
        }

        return bestCount;
    }

    /// <summary>Packs up to five pieces into 64 bits: count (3 bits), then per piece its length (6 bits) and form index (5 bits).</summary>
    private static ulong Encode(ReadOnlySpan<Piece> pieces)
    {
        var code = (ulong)pieces.Length;
        for (var i = 0; i < pieces.Length; i++)
        {
            var form = pieces[i].Role == SegmentRole.Stem ? (pieces[i].Form is null ? StemForm : StemWithElidedArticleForm) : Array.IndexOf(CachedForms, pieces[i].Form);
            var packed = (ulong)(uint)(pieces[i].End - pieces[i].Start) | ((ulong)(uint)form << 6);
            code |= packed << (3 + (11 * i));
        }

        return code;
    }

    private int Decode(ulong code, Span<Piece> pieces, ReadOnlySpan<char> key)
    {
        var count = (int)(code & 7);
        var start = 0;
        var role = SegmentRole.Proclitic;
        for (var i = 0; i < count; i++)
        {
            var packed = code >> (3 + (11 * i));
            var length = (int)(packed & 63);
            var form = (int)((packed >> 6) & 31);
            var isStem = form is StemForm or StemWithElidedArticleForm;
            if (isStem)
            {
                role = SegmentRole.Stem;
            }

            var pieceForm = !isStem ? CachedForms[form]
                : form == StemForm || !Lexicon.TryGetKey(key[(start - 1)..(start + length)], out var elidedForm) ? null
                : elidedForm;
            pieces[i] = new Piece(start, start + length, role, pieceForm);
            if (isStem)
            {
                role = SegmentRole.Enclitic;
            }

            start += length;
        }

        return count;
    }

    private static bool HasArticleAt(ReadOnlySpan<char> key, int at) =>
        at + 1 < key.Length && key[at] == ArabicLetters.Alef && key[at + 1] == ArabicLetters.Lam;

    private double EncliticBonus(string enclitic) => enclitic switch
    {
        "ه" or "ها" or "هم" or "هما" or "هن" => Options.PronounHeh,
        "ك" or "كم" or "كما" or "كن" => Options.PronounKaf,
        "ي" or "ني" => Options.PronounYeh,
        _ => Options.PronounNa,
    };

    /// <summary>
    /// How much the corpus says the stem is a word: its own count, plus its nisba forms (عراقي for عراق), plus,
    /// before a pronoun, the spelling it has at the end of a word (ت for ة: حكومت+ه; ا for ى: مستوا+ه; وا for و).
    /// </summary>
    private long StemEvidence(ReadOnlySpan<char> stem, string? enclitic, Span<char> scratch)
    {
        var beforePronoun = enclitic is not null;

        // A plural's ن drops before a pronoun (مساهمي+ها), but not before one that itself begins with ن (قانو+نا is
        // قانونا), and no two-letter stem is such a plural.
        var construct = beforePronoun && stem.Length >= 3 && enclitic![0] != ArabicLetters.Noon;
        long evidence = Lexicon.Count(stem);
        stem.CopyTo(scratch);
        var n = stem.Length;
        var last = stem[^1];
        if (beforePronoun)
        {
            if (last == ArabicLetters.Teh)
            {
                scratch[n - 1] = ArabicLetters.TehMarbuta;
                evidence += Lexicon.Count(scratch[..n]);
                scratch[n - 1] = ArabicLetters.Teh;
            }
            else if (last == ArabicLetters.Alef)
            {
                scratch[n - 1] = ArabicLetters.AlefMaksura;
                evidence += Lexicon.Count(scratch[..n]);
                scratch[n - 1] = ArabicLetters.Alef;
            }
            else if (last == ArabicLetters.Yeh)
            {
                scratch[n - 1] = ArabicLetters.AlefMaksura;
                evidence += Lexicon.Count(scratch[..n]); // عليه from على
                scratch[n - 1] = ArabicLetters.Yeh;
                evidence += construct ? CountPluralOfConstruct(stem, scratch) : 0; // مساهميها from (ال)مساهمين
            }
            else if (last == ArabicLetters.Waw)
            {
                scratch[n] = ArabicLetters.Alef;
                evidence += Lexicon.Count(scratch[..(n + 1)]); // قالوه from قالوا
                // طاردوه from the singular طارد; only before ه ها هم, the objects of news verbs (سيلوك is a name, not سيل).
                evidence += n >= 4 && enclitic![0] == ArabicLetters.Heh ? Lexicon.Count(stem[..^1]) : 0;
                evidence += construct ? CountPluralOfConstruct(stem, scratch) : 0; // موظفوها from (ال)موظفون
            }
            else if (last == ArabicLetters.YehHamzaAbove || last == ArabicLetters.WawHamzaAbove)
            {
                scratch[n - 1] = ArabicLetters.Hamza;
                evidence += Lexicon.Count(scratch[..n]); // أبنائه from أبناء
                scratch[n - 1] = last;
            }
        }

        // The stem with the article (الشأن for بشأن) shows it is a noun of its own.
        if (stem.Length + 2 <= scratch.Length)
        {
            scratch[0] = ArabicLetters.Alef;
            scratch[1] = ArabicLetters.Lam;
            stem.CopyTo(scratch[2..]);
            evidence += Lexicon.Count(scratch[..(stem.Length + 2)]);
            stem.CopyTo(scratch);
        }

        // Nisba forms (عراقي، عراقية for عراق) of a stem ending in a consonant; a two-letter stem's "nisba" is mostly
        // another word (نفي for نف), and so is that of a stem ending in a long vowel (رواية is not a nisba of روا).
        if (n >= 3 && last is not (ArabicLetters.TehMarbuta or ArabicLetters.AlefMaksura or ArabicLetters.Alef or ArabicLetters.Waw or ArabicLetters.Yeh))
        {
            scratch[n] = ArabicLetters.Yeh;
            evidence += Lexicon.Count(scratch[..(n + 1)]);
            scratch[n + 1] = ArabicLetters.TehMarbuta;
            evidence += Lexicon.Count(scratch[..(n + 2)]);
        }

        return evidence;
    }

    /// <summary>The counts of the stem with a verb's or noun's commonest endings (ت وا ة ات ه ها): evidence for a rare stem.</summary>
    private long InflectedFormsEvidence(ReadOnlySpan<char> stem, Span<char> scratch)
    {
        var n = stem.Length;
        if (n + 2 > scratch.Length || stem[^1] is ArabicLetters.TehMarbuta or ArabicLetters.AlefMaksura)
        {
            return 0;
        }

        stem.CopyTo(scratch);
        long count = 0;
        foreach (var ending in InflectionEndings)
        {
            ending.CopyTo(scratch[n..]);
            count += Lexicon.Count(scratch[..(n + ending.Length)]);
        }

        return count;
    }

    private static readonly string[] InflectionEndings = ["ت", "وا", "ة", "ات", "ه", "ها"];

    /// <summary>Particles that never take a pronoun suffix (Modern Standard Arabic grammar): لا يا ما لم لن قد هل لو أو ثم بل كي.</summary>
    private static bool IsParticleWithoutPronouns(ReadOnlySpan<char> stem) =>
        stem is "لا" or "يا" or "ما" or "لم" or "لن" or "قد" or "هل" or "لو" or "أو" or "ثم" or "بل" or "كي";

    /// <summary>
    /// Prepositions that no ب، ك or ل can precede: في عن مع لدى على إلى (before a pronoun ى is written ي: لديه، عليه).
    /// Without a pronoun علي is the name Ali (بعلي), so only على and إلى count there.
    /// </summary>
    private static bool IsPreposition(ReadOnlySpan<char> stem, bool beforePronoun) =>
        stem is "في" or "عن" or "مع" or "لدى" or "على" or "إلى"
        || (beforePronoun && stem is "لدي" or "علي" or "إلي");

    /// <summary>
    /// True when <paramref name="word"/> (after a ل) is a name at least as common as the reading with the article written
    /// ل: لبنان against البنان. ليونان is in the gazetteer too, but اليونان is far commoner, so لليونان is ل+ال+يونان.
    /// </summary>
    private bool IsNameRatherThanArticle(ReadOnlySpan<char> word, Span<char> scratch)
    {
        if (!Lexicon.IsName(word) || word.Length + 1 > scratch.Length)
        {
            return false;
        }

        scratch[0] = ArabicLetters.Alef;
        word.CopyTo(scratch[1..]); // ال + the word without its ل
        return Lexicon.Count(word) >= Lexicon.Count(scratch[..(word.Length + 1)]);
    }

    /// <summary>
    /// True when the ال a word begins with is part of it, not the article: the word takes the article again
    /// (الالتزام، الالعاب), alone or before a pronoun (التزاماتها: الالتزامات), or it is a verb such as التقى.
    /// </summary>
    private bool BeginsWithOwnAl(ReadOnlySpan<char> word, Span<char> scratch)
    {
        if (word.Length + 2 > scratch.Length)
        {
            return false;
        }

        scratch[0] = ArabicLetters.Alef;
        scratch[1] = ArabicLetters.Lam;
        word.CopyTo(scratch[2..]);
        if (Lexicon.Count(scratch[..(word.Length + 2)]) >= Options.ArticleInStemMinCount)
        {
            return true;
        }

        foreach (var enclitic in Enclitics)
        {
            if (word.Length - enclitic.Length >= 4 && word.EndsWith(enclitic)
                && Lexicon.Count(scratch[..(word.Length + 2 - enclitic.Length)]) >= Options.ArticleInStemMinCount)
            {
                return true;
            }
        }

        // A past-tense verb of form VIII from a root in ل (التقى، التزم، التحق): no noun "تقى" stands alone, and the
        // imperfect يلتقي or تلتقي shows the ل belongs to the verb.
        if (word.Length >= 5 && word[2] == ArabicLetters.Teh && Lexicon.Count(word[2..]) == 0)
        {
            scratch[1] = ArabicLetters.Lam;
            word[2..].CopyTo(scratch[2..]);
            var n = word.Length;
            if (scratch[n - 1] == ArabicLetters.AlefMaksura)
            {
                scratch[n - 1] = ArabicLetters.Yeh;
            }

            scratch[0] = ArabicLetters.Yeh;
            var imperfect = Lexicon.Count(scratch[..n]);
            scratch[0] = ArabicLetters.Teh;
            imperfect += Lexicon.Count(scratch[..n]);
            if (imperfect >= Options.ArticleInStemMinCount)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the stem with a first- or second-person pronoun is not more frequent than the stem with ه، ها and هم
    /// together (بلادي: بلاده is far commoner; ألفي is two thousand, not ألف+ي).
    /// </summary>
    private bool TakesThirdPersonPronounsAsOften(ReadOnlySpan<char> stemWithPronoun, ReadOnlySpan<char> stem, Span<char> scratch)
    {
        if (stem.Length + 2 > scratch.Length)
        {
            return false;
        }

        stem.CopyTo(scratch);
        var n = stem.Length;
        scratch[n] = ArabicLetters.Heh;
        long third = Lexicon.Count(scratch[..(n + 1)]);
        scratch[n + 1] = ArabicLetters.Alef;
        third += Lexicon.Count(scratch[..(n + 2)]);
        scratch[n + 1] = ArabicLetters.Meem;
        third += Lexicon.Count(scratch[..(n + 2)]);
        return Lexicon.Count(stemWithPronoun) <= third;
    }

    /// <summary>
    /// False when some proclitic of the chain is glued to a common word: the word from that clitic on occurs at least
    /// <see cref="SegmenterOptions.InseparableMinCount"/> times but never without the clitic.
    /// </summary>
    private bool ProcliticsSeparable(ReadOnlySpan<char> key, ReadOnlySpan<Clitic> chain, ReadOnlySpan<char> stem, bool hasEnclitic)
    {
        var at = 0;
        for (var i = 0; i < chain.Length; i++)
        {
            var clitic = chain[i];
            if (clitic is Clitic.Article or Clitic.ArticleAsLam)
            {
                at += clitic == Clitic.Article ? 2 : 1;
                continue;
            }

            var next = i + 1 < chain.Length ? chain[i + 1] : Clitic.None;
            var applies = clitic is Clitic.Waw or Clitic.Fa
                // Prepositions form set phrases with a pronoun whose rest never stands alone (بأكمله، برمته)...
                || (!hasEnclitic
                    // ...and with the article before a common stem (بالتوازي); ل before the article written ل
                    // (للولايات) is followed by no word of its own.
                    && next != Clitic.ArticleAsLam
                    && !(next == Clitic.Article && Lexicon.Count(stem) >= Options.InseparableMinCount));
            if (applies && at + 2 < key.Length && Lexicon.Count(key[at..]) >= Options.InseparableMinCount && Lexicon.Count(key[(at + 1)..]) == 0)
            {
                return false;
            }

            at++;
        }

        return true;
    }

    /// <summary>
    /// The count of the article + stem + ن: a sound masculine plural (or dual) loses its ن before a pronoun, so
    /// مساهمي+ها is the plural المساهمين. Only the form with the article counts, because names take no article
    /// (كارين is not the plural of كاري). Leaves the stem in <paramref name="scratch"/>.
    /// </summary>
    private long CountPluralOfConstruct(ReadOnlySpan<char> stem, Span<char> scratch)
    {
        var n = stem.Length;
        if (n + 3 > scratch.Length)
        {
            return 0;
        }

        long count = 0;
        scratch[0] = ArabicLetters.Alef;
        scratch[1] = ArabicLetters.Lam;
        stem.CopyTo(scratch[2..]);
        scratch[n + 2] = ArabicLetters.Noon;
        count += Lexicon.Count(scratch[..(n + 3)]);
        stem.CopyTo(scratch);
        return count;
    }

    /// <summary>True when "ال" + the word (without proclitics) is common: a noun or adjective, so its ending is not a pronoun.</summary>
    private bool TakesArticle(ReadOnlySpan<char> word, Span<char> scratch)
    {
        if (word.Length + 2 > scratch.Length)
        {
            return false;
        }

        scratch[0] = ArabicLetters.Alef;
        scratch[1] = ArabicLetters.Lam;
        word.CopyTo(scratch[2..]);
        var withArticle = Lexicon.Count(scratch[..(word.Length + 2)]);
        return withArticle >= 3 && withArticle * 20 >= Lexicon.Count(word);
    }

    private static int Fill(Span<Piece> pieces, ReadOnlySpan<Clitic> chain, int stemStart, int stemEnd, int length, string? enclitic, string? stemForm)
    {
        var n = 0;
        var at = 0;
        foreach (var clitic in chain)
        {
            var (len, form) = clitic switch
            {
                Clitic.Waw => (1, "و"),
                Clitic.Fa => (1, "ف"),
                Clitic.Beh => (1, "ب"),
                Clitic.Kaf => (1, "ك"),
                Clitic.Lam => (1, "ل"),
                Clitic.Seen => (1, "س"),
                Clitic.Article => (2, "ال"),
                Clitic.ArticleAsLam => (1, "ال"),
                _ => (0, string.Empty),
            };
            pieces[n++] = new Piece(at, at + len, SegmentRole.Proclitic, form);
            at += len;
        }

        pieces[n++] = new Piece(stemStart, stemEnd, SegmentRole.Stem, stemForm);
        if (enclitic is not null)
        {
            pieces[n++] = new Piece(stemEnd, length, SegmentRole.Enclitic, enclitic);
        }

        return n;
    }

    /// <summary>Maps pieces over the key to offsets in the surface word; gives up (one stem) when a boundary falls inside a ligature.</summary>
    private static int ToSurface(ReadOnlySpan<char> word, ReadOnlySpan<short> source, ReadOnlySpan<Piece> pieces, Span<WordSegment> destination)
    {
        for (var i = 1; i < pieces.Length; i++)
        {
            if (source[pieces[i].Start] < 0)
            {
                destination[0] = new WordSegment(0, word.Length, SegmentRole.Stem, null);
                return 1;
            }
        }

        for (var i = 0; i < pieces.Length; i++)
        {
            var start = i == 0 ? 0 : source[pieces[i].Start];
            var end = i == pieces.Length - 1 ? word.Length : source[pieces[i + 1].Start];
            destination[i] = new WordSegment(start, end, pieces[i].Role, pieces[i].Form);
        }

        return pieces.Length;
    }

    private static CliticSegmenter LoadDefault()
    {
        var assembly = typeof(CliticSegmenter).Assembly;
        using var counts = Open(assembly, "segmenter-counts.tsv.gz");
        using var names = Open(assembly, "segmenter-names.tsv");
        using var fixedSegmentations = Open(assembly, "segmenter-fixed.tsv");
        return new CliticSegmenter(SegmenterLexicon.Load(counts, names, fixedSegmentations));
    }

    private static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream("Marsad.Text.Resources." + name)
        ?? throw new InvalidOperationException($"embedded resource {name} is missing");
}

/// <summary>Room for one word's segments on the stack: <c>var b = default(SegmentBuffer); Span&lt;WordSegment&gt; s = b;</c></summary>
[System.Runtime.CompilerServices.InlineArray(CliticSegmenter.MaxSegments)]
public struct SegmentBuffer
{
    private WordSegment _element;
}
