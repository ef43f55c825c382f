namespace Marsad.Time;

/// <summary>
/// A folded copy of a text for matching time expressions, with a map back to the original
/// offsets. The original text is never changed; every match on the folded copy is mapped back.
/// Folding rules:
/// - hamza-carrying alefs and alef wasla become a bare alef (أ إ آ ٱ → ا);
/// - alef maksura becomes yeh (ى → ي);
/// - harakat, tanween, shadda, sukun, superscript alef and tatweel are dropped (غداً → غدا, الـ24 → ال24, هـ → ه);
/// - Arabic-Indic and extended Arabic-Indic digits become ASCII digits (٢٠٢٣ → 2023);
/// - no-break spaces become spaces.
/// </summary>
internal sealed class FoldedText
{
    private const char AlefMadda = '\u0622'; // ARABIC LETTER ALEF WITH MADDA ABOVE
    private const char AlefHamzaAbove = '\u0623'; // ARABIC LETTER ALEF WITH HAMZA ABOVE
    private const char AlefHamzaBelow = '\u0625'; // ARABIC LETTER ALEF WITH HAMZA BELOW
    private const char AlefWasla = '\u0671'; // ARABIC LETTER ALEF WASLA
    private const char Alef = '\u0627'; // ARABIC LETTER ALEF
    private const char AlefMaksura = '\u0649'; // ARABIC LETTER ALEF MAKSURA
    private const char Yeh = '\u064A'; // ARABIC LETTER YEH
    private const char Tatweel = '\u0640'; // ARABIC TATWEEL
    private const char FathatanFirst = '\u064B'; // ARABIC FATHATAN (first of the harakat block)
    private const char SukunLast = '\u0652'; // ARABIC SUKUN (last of the harakat block)
    private const char SuperscriptAlef = '\u0670'; // ARABIC LETTER SUPERSCRIPT ALEF
    private const char ArabicIndicZero = '\u0660'; // ARABIC-INDIC DIGIT ZERO
    private const char ExtendedArabicIndicZero = '\u06F0'; // EXTENDED ARABIC-INDIC DIGIT ZERO
    private const char NoBreakSpace = '\u00A0'; // NO-BREAK SPACE

    // Null when no character was dropped: folded offsets are then the original offsets.
    private readonly int[]? _map;

    private FoldedText(string text, int[]? map)
    {
        Text = text;
        _map = map;
    }

    /// <summary>The folded text.</summary>
    public string Text { get; }

    /// <summary>Offset maps up to this many entries are kept on the thread for the next text.</summary>
    private const int MaxKeptMap = 1 << 20;

    /// <summary>The offset map of the text being scanned on this thread (see <see cref="FoldForScan"/>).</summary>
    [ThreadStatic]
    private static int[]? t_map;

    /// <summary>Folds <paramref name="original"/>: one counting pass, then the folded string is written in place (no scratch buffer); the offset map is built only when marks were dropped.</summary>
    public static FoldedText Fold(string original) => Fold(original, pooledMap: false);

    /// <summary>
    /// Folds a text for one scan on this thread: the offset map (4 bytes per character, 6 KB for a news article) is
    /// written into a buffer the thread reuses, so the result is valid only until the thread's next
    /// <see cref="FoldForScan"/>; it must not be kept. Only the recogniser's scan uses it (the lexicon folds its
    /// words with <see cref="Fold(string)"/>, as they may be folded in the middle of a scan by a lazy static).
    /// </summary>
    public static FoldedText FoldForScan(string original) => Fold(original, pooledMap: true);

    private static FoldedText Fold(string original, bool pooledMap)
    {
        var kept = 0;
        var changed = false;
        foreach (var c in original)
        {
            if (IsDropped(c))
            {
                changed = true;
            }
            else
            {
                kept++;
                changed |= Fold(c) != c;
            }
        }

        if (!changed)
        {
            return new FoldedText(original, null);
        }

        var text = string.Create(kept, original, static (destination, source) =>
        {
            var n = 0;
            foreach (var c in source)
            {
                if (!IsDropped(c))
                {
                    destination[n++] = Fold(c);
                }
            }
        });
        if (kept == original.Length)
        {
            return new FoldedText(text, null);
        }

        var map = pooledMap ? MapBuffer(kept + 1) : new int[kept + 1];
        var at = 0;
        for (var i = 0; i < original.Length; i++)
        {
            if (!IsDropped(original[i]))
            {
                map[at++] = i;
            }
        }

        map[at] = original.Length;
        return new FoldedText(text, map);
    }

    private static int[] MapBuffer(int length)
    {
        if (length > MaxKeptMap)
        {
            return new int[length];
        }

        var map = t_map;
        if (map is null || map.Length < length)
        {
            t_map = map = new int[Math.Max(length, Math.Min(2 * (map?.Length ?? 2048), MaxKeptMap))];
        }

        return map;
    }

    /// <summary>Harakat, tatweel and superscript alef: dropped from the folded text.</summary>
    private static bool IsDropped(char c) => c == Tatweel || (c >= FathatanFirst && c <= SukunLast) || c == SuperscriptAlef;

    /// <summary>The folded form of one character (identity for characters no rule touches).</summary>
    public static char Fold(char c) => c switch
    {
        AlefMadda or AlefHamzaAbove or AlefHamzaBelow or AlefWasla => Alef,
        AlefMaksura => Yeh,
        NoBreakSpace => ' ',
        >= ArabicIndicZero and <= (char)(ArabicIndicZero + 9) => (char)('0' + (c - ArabicIndicZero)),
        >= ExtendedArabicIndicZero and <= (char)(ExtendedArabicIndicZero + 9) => (char)('0' + (c - ExtendedArabicIndicZero)),
        _ => c,
    };

    /// <summary>Folds a lexicon entry the same way as the text (tables are written readable, matched folded).</summary>
    public static string FoldWord(string word) => Fold(word).Text;

    /// <summary>The original offset of a folded start offset.</summary>
    public int StartOf(int foldedStart) => _map is null ? foldedStart : _map[foldedStart];

    /// <summary>The original end offset (exclusive) of a folded end offset; marks dropped after the last letter (غداً) stay inside.</summary>
    public int EndOf(int foldedEnd) => _map is null ? foldedEnd : _map[foldedEnd];
}
