using System.IO.Compression;
using System.Text;

namespace Marsad.Text;

/// <summary>
/// What the clitic segmenter knows about words: corpus frequencies of word forms (keys as made by
/// <see cref="SegmenterLexicon.Key"/>), names that must stay whole, and fixed segmentations of function words.
/// Immutable once built; lookups by span allocate nothing.
/// </summary>
public sealed class SegmenterLexicon
{
    private readonly Dictionary<string, int> _counts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _countsBySpan;
    private readonly HashSet<string> _names;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _namesBySpan;
    private readonly Dictionary<string, FixedSegmentation> _fixed;
    private readonly Dictionary<string, FixedSegmentation>.AlternateLookup<ReadOnlySpan<char>> _fixedBySpan;

    public SegmenterLexicon(IReadOnlyDictionary<string, int> counts, IEnumerable<string> names, IReadOnlyDictionary<string, string> fixedSegmentations)
        : this(new Dictionary<string, int>(counts ?? throw new ArgumentNullException(nameof(counts)), StringComparer.Ordinal), names, fixedSegmentations)
    {
    }

    /// <summary>Takes <paramref name="counts"/> as it is (an ordinal dictionary nobody else holds): <see cref="Load"/> builds one, and copying its 123,000 words at every start is wasted work.</summary>
    private SegmenterLexicon(Dictionary<string, int> counts, IEnumerable<string> names, IReadOnlyDictionary<string, string> fixedSegmentations)
    {
        _counts = counts;
        _countsBySpan = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
        _names = new HashSet<string>(names, StringComparer.Ordinal);
        _namesBySpan = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        _fixed = new Dictionary<string, FixedSegmentation>(StringComparer.Ordinal);
        foreach (var (word, segmentation) in fixedSegmentations)
        {
            _fixed[word] = FixedSegmentation.Parse(word, segmentation);
        }

        _fixedBySpan = _fixed.GetAlternateLookup<ReadOnlySpan<char>>();
        Total = _counts.Values.Sum(c => (long)c);
    }

    /// <summary>Sum of all counts.</summary>
    public long Total { get; }

    public int WordCount => _counts.Count;

    public int NameCount => _names.Count;

    /// <summary>Every key with a count.</summary>
    public IEnumerable<string> Keys => _counts.Keys;

    /// <summary>The corpus count of a key (0 when unseen).</summary>
    public int Count(ReadOnlySpan<char> key) => _countsBySpan.TryGetValue(key, out var c) ? c : 0;

    public bool IsName(ReadOnlySpan<char> key) => _namesBySpan.Contains(key);

    /// <summary>The lexicon's own string for a key seen in the corpus (no allocation): for forms a segment must carry.</summary>
    internal bool TryGetKey(ReadOnlySpan<char> key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? word)
    {
        if (_countsBySpan.TryGetValue(key, out var actual, out _))
        {
            word = actual;
            return true;
        }

        word = null;
        return false;
    }

    internal bool TryGetFixed(ReadOnlySpan<char> key, out FixedSegmentation segmentation) => _fixedBySpan.TryGetValue(key, out segmentation!);

    /// <summary>
    /// The lexicon key of a word: marks, tatweel and zero-width characters removed, presentation forms and
    /// Persian letters mapped (Display profile), but hamza seats, alef forms and alef maksura kept, because they
    /// tell words apart that the article or a clitic would otherwise seem to begin (ألعاب is not ال+عاب).
    /// Writes into <paramref name="destination"/> and returns the length, or -1 when it does not fit.
    /// </summary>
    public static int Key(ReadOnlySpan<char> word, Span<char> destination)
    {
        var n = 0;
        foreach (var c in word)
        {
            if (ArabicLetters.IsMark(c))
            {
                continue;
            }

            var written = ArabicNormalizer.Map(c, destination[n..], NormalizationProfile.Display);
            if (written < 0)
            {
                return -1;
            }

            // Drop marks that a ligature expanded to (e.g. U+FC5E SHADDA WITH DAMMATAN).
            var end = n + written;
            for (var k = n; k < end; k++)
            {
                if (!ArabicLetters.IsMark(destination[k]))
                {
                    destination[n++] = destination[k];
                }
            }
        }

        return n;
    }

    /// <summary>The key of a word as a string.</summary>
    public static string Key(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length * ArabicNormalizer.MaxExpansion <= 512 ? stackalloc char[512] : new char[word.Length * ArabicNormalizer.MaxExpansion];
        var n = Key(word, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>Reads a lexicon: counts (gzip "key TAB count" lines), names ("key" lines) and fixed segmentations ("word TAB a+b" lines).</summary>
    public static SegmenterLexicon Load(Stream countsGz, Stream names, Stream fixedSegmentations)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var gz = new GZipStream(countsGz, CompressionMode.Decompress))
        using (var reader = new StreamReader(gz, Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var tab = line.IndexOf('\t');
                counts[line[..tab]] = int.Parse(line.AsSpan(tab + 1), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var nameList = ReadLines(names).ToList();
        var fixedMap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ReadLines(fixedSegmentations))
        {
            var f = line.Split('\t');
            fixedMap[Key(f[0])] = f[1];
        }

        return new SegmenterLexicon(counts, nameList, fixedMap);
    }

    private static IEnumerable<string> ReadLines(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}

/// <summary>A hand-written segmentation of one function word, e.g. مما = م(من)+ما.</summary>
internal sealed class FixedSegmentation
{
    private FixedSegmentation(Piece[] pieces) => Pieces = pieces;

    /// <summary>Pieces over the key: length in key characters, role, and form.</summary>
    public Piece[] Pieces { get; }

    public readonly record struct Piece(int Length, SegmentRole Role, string? Form);

    /// <summary>Parses "a+b+c" where each piece is "surface" or "surface=form"; the piece marked by no role is the stem (the longest non-clitic one).</summary>
    public static FixedSegmentation Parse(string word, string segmentation)
    {
        var parts = segmentation.Split('+');
        var pieces = new List<(string Surface, string Form)>();
        foreach (var part in parts)
        {
            var eq = part.IndexOf('=');
            pieces.Add(eq < 0 ? (part, part) : (part[..eq], part[(eq + 1)..]));
        }

        // The stem is the first piece that is not a known proclitic, scanning from the left; pieces after it are enclitics.
        var stemIndex = 0;
        while (stemIndex < pieces.Count - 1 && CliticSegmenter.IsProcliticForm(pieces[stemIndex].Form))
        {
            stemIndex++;
        }

        var result = new Piece[pieces.Count];
        for (var i = 0; i < pieces.Count; i++)
        {
            var role = i < stemIndex ? SegmentRole.Proclitic : i == stemIndex ? SegmentRole.Stem : SegmentRole.Enclitic;
            var surfaceKey = Key(pieces[i].Surface);
            // A stem's form is its surface unless the table says otherwise (مما: م is من).
            result[i] = new Piece(surfaceKey.Length, role, role == SegmentRole.Stem && surfaceKey == pieces[i].Form ? null : pieces[i].Form);
        }

        if (result.Sum(p => p.Length) != SegmenterLexicon.Key(word).Length)
        {
            throw new InvalidDataException($"fixed segmentation '{segmentation}' does not spell '{word}'");
        }

        return new FixedSegmentation(result);

        static string Key(string s) => SegmenterLexicon.Key(s);
    }
}
