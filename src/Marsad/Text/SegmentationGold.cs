using Marsad.Errors;
using Marsad.Text;

namespace Marsad.Text;

/// <summary>The segmentation scheme of a gold file, which decides how predictions are converted before comparing.</summary>
public enum SegmentationScheme
{
    /// <summary>Farasa/ATB clitics (WikiNews, QCRI dialects): article split, لل written ل+ال.</summary>
    Farasa,

    /// <summary>UD Arabic-PUD: article not split, future س split, لل written ل+لX.</summary>
    Pud,
}

/// <summary>One gold word: its written form and its clitic pieces (forms, as the gold writes them).</summary>
public sealed record GoldWord(string Surface, IReadOnlyList<string> Pieces);

/// <summary>A gold file read into words at the clitic level.</summary>
public sealed record SegmentationGoldSet(string Format, SegmentationScheme Scheme, IReadOnlyList<GoldWord> Words, int Skipped);

/// <summary>
/// Reads segmentation gold: Farasa's "+"-joined format (WikiNews.pos.ref), QCRI's dialect TSV, and CoNLL-U
/// (multi-word tokens, or clitics as separate tokens glued by SpaceAfter=No as in UD Arabic-PUD). The Farasa
/// scheme is brought to the clitic level as ../shared/data/segmentation/wikinews/CLITIC-LEVEL.md describes:
/// NSUFF and CASE pieces merged into the stem, verb subject suffixes merged into the verb, object pronouns kept.
/// Only words made entirely of Arabic letters are scored.
/// </summary>
public static class SegmentationGold
{
    private static readonly HashSet<string> ObjectPronouns = ["ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ني"];

    public static SegmentationGoldSet Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new MarsadException(ErrorCodes.NotFound, $"gold file not found: {path}", path);
        }

        var lines = File.ReadAllLines(path);
        var first = lines.FirstOrDefault(l => l.Length > 0) ?? throw new MarsadException(ErrorCodes.BadGold, "gold file is empty", path);
        if (path.EndsWith(".seg", StringComparison.OrdinalIgnoreCase))
        {
            return ReadPlusSentences(lines);
        }

        if (first.StartsWith("Fold\t", StringComparison.Ordinal))
        {
            return ReadQcri(lines);
        }

        if (path.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase) || lines.Any(l => l.Split('\t').Length == 10))
        {
            return ReadConllu(lines);
        }

        return ReadFarasa(lines);
    }

    private static SegmentationGoldSet ReadFarasa(string[] lines)
    {
        var words = new List<GoldWord>();
        var skipped = 0;
        foreach (var raw in lines.Skip(1))
        {
            var line = raw.TrimEnd('\r');
            var f = line.Split('\t');
            if (f.Length < 2)
            {
                continue;
            }

            if (FromFarasaPieces(f[0], f[1]) is { } word)
            {
                words.Add(word);
            }
            else
            {
                skipped++;
            }
        }

        return new SegmentationGoldSet("farasa", SegmentationScheme.Farasa, words, skipped);
    }

    /// <summary>Marsad's own gold (gold/text/*.seg): one sentence per line, clitic-level pieces joined by "+".</summary>
    private static SegmentationGoldSet ReadPlusSentences(string[] lines)
    {
        var words = new List<GoldWord>();
        var skipped = 0;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var pieces = token.Split('+', StringSplitOptions.RemoveEmptyEntries).Select(Dediacritize).ToList();
                if (pieces.Count > 0 && pieces.All(IsArabicWord))
                {
                    words.Add(new GoldWord(Spell(pieces), pieces));
                }
                else
                {
                    skipped++;
                }
            }
        }

        return new SegmentationGoldSet("marsad", SegmentationScheme.Farasa, words, skipped);
    }

    private static SegmentationGoldSet ReadQcri(string[] lines)
    {
        var words = new List<GoldWord>();
        var skipped = 0;
        foreach (var raw in lines.Skip(1))
        {
            var f = raw.TrimEnd('\r').Split('\t');
            if (f.Length < 7 || f[4] == "EOS")
            {
                continue;
            }

            if (FromFarasaPieces(f[5], f[6]) is { } word && Dediacritize(f[4]) == word.Surface)
            {
                words.Add(word);
            }
            else
            {
                skipped++;
            }
        }

        return new SegmentationGoldSet("qcri", SegmentationScheme.Farasa, words, skipped);
    }

    /// <summary>Converts one Farasa-scheme token to the clitic level, or null when it is not an Arabic word or its tags do not match its pieces.</summary>
    internal static GoldWord? FromFarasaPieces(string segmentation, string tags)
    {
        var pieces = Dediacritize(segmentation).Split('+', StringSplitOptions.RemoveEmptyEntries).ToList();
        var pos = tags.Split('+');
        if (pieces.Count == 0 || pieces.Count != pos.Length || !pieces.All(IsArabicWord))
        {
            return null;
        }

        var merged = new List<string>();
        var mergedTags = new List<string>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var tag = pos[i];
            var piece = pieces[i];
            var previousIsVerb = mergedTags.Count > 0 && mergedTags[^1] == "V";
            var merge = merged.Count > 0 && mergedTags[^1] is not ("CONJ" or "PREP" or "DET" or "FUT_PART" or "PROG_PART" or "NEG_PART" or "PART")
                && (tag is "NSUFF" or "CASE" || (tag == "PRON" && previousIsVerb && IsSubjectSuffix(piece, i, pieces, merged[^1])));
            if (merge)
            {
                merged[^1] += piece;
            }
            else
            {
                merged.Add(piece);
                mergedTags.Add(tag);
            }
        }

        return new GoldWord(Spell(merged), merged);
    }

    private static bool IsSubjectSuffix(string piece, int index, List<string> pieces, string verb)
    {
        if (ObjectPronouns.Contains(piece))
        {
            return false;
        }

        if (piece == "نا")
        {
            // نا is an object only as the last piece of an imperfect verb (يعطينا), else "we" (أعلنا).
            var last = index == pieces.Count - 1;
            return !(last && verb.Length > 0 && verb[0] is 'ي' or 'ت');
        }

        return true; // ت وا ون ان ا تا ين ي و
    }

    private static SegmentationGoldSet ReadConllu(string[] lines)
    {
        var words = new List<GoldWord>();
        var skipped = 0;
        var run = new List<string>();
        var runEnd = -1;
        var mwtSurface = (string?)null;
        var mwtPieces = new List<string>();

        void FlushRun()
        {
            if (run.Count > 0)
            {
                Add(string.Concat(run), [.. run]);
                run.Clear();
            }
        }

        void Add(string surface, List<string> pieces)
        {
            var s = Dediacritize(surface);
            var p = pieces.Select(Dediacritize).Where(x => x.Length > 0).ToList();
            if (IsArabicWord(s) && p.All(IsArabicWord))
            {
                words.Add(new GoldWord(s, p));
            }
            else
            {
                skipped++;
            }
        }

        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                FlushRun();
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 10)
            {
                continue;
            }

            if (f[0].Contains('-', StringComparison.Ordinal))
            {
                FlushRun();
                var range = f[0].Split('-');
                runEnd = int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture);
                mwtSurface = f[1];
                mwtPieces.Clear();
                continue;
            }

            if (f[0].Contains('.', StringComparison.Ordinal))
            {
                continue; // empty nodes
            }

            var id = int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture);
            if (mwtSurface is not null)
            {
                mwtPieces.Add(f[1]);
                if (id >= runEnd)
                {
                    Add(mwtSurface, mwtPieces);
                    mwtSurface = null;
                }

                continue;
            }

            var spaceAfterNo = f[9].Split('|').Contains("SpaceAfter=No");
            var isPunct = f[3] == "PUNCT" || !IsArabicWord(Dediacritize(f[1]));
            if (isPunct)
            {
                FlushRun();
                if (f[3] != "PUNCT")
                {
                    skipped++;
                }

                continue;
            }

            run.Add(f[1]);
            if (!spaceAfterNo)
            {
                FlushRun();
            }
        }

        FlushRun();
        return new SegmentationGoldSet("conllu", SegmentationScheme.Pud, words, skipped);
    }

    /// <summary>The written form of a word from its Farasa pieces: ل+ال → لل, and the contractions (من+ما → مما).</summary>
    internal static string Spell(IReadOnlyList<string> pieces)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < pieces.Count; i++)
        {
            var p = pieces[i];
            if (p == "ال" && i > 0 && pieces[i - 1] == "ل")
            {
                // لل: the article's alef is not written; before a stem in ل (للغة) the article leaves no letter at all.
                if (!(i + 1 < pieces.Count && pieces[i + 1].StartsWith('ل')))
                {
                    sb.Append('ل');
                }

                continue;
            }

            if (i + 1 < pieces.Count && (p, pieces[i + 1]) is ("من", "ما") or ("من", "من") or ("عن", "ما") or ("عن", "من"))
            {
                sb.Append(p[0]);
                continue;
            }

            if (i + 1 < pieces.Count && (p, pieces[i + 1]) is ("أن", "لا") or ("إن", "لا"))
            {
                sb.Append(p[0]);
                continue;
            }

            sb.Append(p);
        }

        return sb.ToString();
    }

    internal static string Dediacritize(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!ArabicLetters.IsMark(c) && c != ArabicLetters.Tatweel && !ArabicLetters.IsInvisibleFormat(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    internal static bool IsArabicWord(string s) => s.Length > 0 && s.All(ArabicLetters.IsArabicLetter);
}
