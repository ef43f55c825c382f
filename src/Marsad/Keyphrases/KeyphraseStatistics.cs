using System.Globalization;
using System.IO.Compression;
using System.Text;
using Marsad.Errors;
using Marsad.IO;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Keyphrases;

/// <summary>
/// What the keyphrase extractor and the summariser learn from a corpus: the number of documents, the document
/// frequency of each word's corpus form (<see cref="PhraseWords.Form"/>: the article plus the stem segment of
/// Marsad.Text's segmenter) and of each pair of adjacent forms, and extra stop words (Search-normalised; the
/// text layer's <see cref="ArabicStopWords"/> always apply). Stored as gzip TSV; lookups by span allocate nothing.
/// </summary>
public sealed class KeyphraseStatistics
{
    private const string Header = "#marsad-keyphrases 2";

    private readonly KeyIndex _ids;
    private readonly string[] _forms;
    private readonly int[] _frequencies;
    private readonly float[] _idfs;
    private readonly bool[] _noise;
    private readonly float _unseenIdf;
    private readonly KeyIndex _bigrams;
    private readonly List<(int First, int Second, int Count)> _bigramList = [];
    private readonly HashSet<string> _stopWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopBySpan;

    private KeyphraseStatistics(int documents, IReadOnlyList<KeyValuePair<string, int>> words, IEnumerable<KeyValuePair<string, int>> bigrams, HashSet<string> stopWords)
    {
        Documents = documents;
        _forms = new string[words.Count];
        _frequencies = new int[words.Count];
        _idfs = new float[words.Count];
        _ids = new KeyIndex(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            _forms[i] = words[i].Key;
            _frequencies[i] = words[i].Value;
            _idfs[i] = (float)IdfOf(words[i].Value);
            _ids.GetOrAdd(PhraseWords.Hash(words[i].Key), out _) = i;
        }

        _unseenIdf = (float)IdfOf(0);
        var pairs = bigrams.ToList();
        _bigrams = new KeyIndex(pairs.Count);
        foreach (var (pair, count) in pairs)
        {
            var space = pair.IndexOf(' ', StringComparison.Ordinal);
            var a = space > 0 ? WordId(pair.AsSpan(0, space)) : -1;
            var b = space > 0 ? WordId(pair.AsSpan(space + 1)) : -1;
            if (a >= 0 && b >= 0)
            {
                _bigrams.GetOrAdd(BigramKey(a, b), out _) = count;
                _bigramList.Add((a, b, count));
            }
        }

        _stopWords = stopWords;
        _stopBySpan = _stopWords.GetAlternateLookup<ReadOnlySpan<char>>();

        // Decided once per known word, so that reading an article's words costs one lookup each.
        _noise = new bool[words.Count];
        for (var i = 0; i < _forms.Length; i++)
        {
            _noise[i] = IsStopWord(_forms[i]) || PhraseWords.IsFiller(_forms[i]);
        }
    }

    /// <summary>The model file, relative to the models folder.</summary>
    public const string ModelFile = "topics/keyphrases.tsv.gz";

    public int Documents { get; }

    public int WordCount => _forms.Length;

    /// <summary>The id of a corpus form, or -1 when unseen (or pruned). Forms are found by their 64-bit hash.</summary>
    public int WordId(ReadOnlySpan<char> form) => _ids.TryGetValue(PhraseWords.Hash(form), out var id) ? id : -1;

    /// <summary>The document frequency of a word id (0 for -1).</summary>
    public int Frequency(int id) => id < 0 ? 0 : _frequencies[id];

    /// <summary>The document frequency of a corpus form (0 when unseen or pruned).</summary>
    public int WordFrequency(string form) => Frequency(WordId(form));

    /// <summary>Inverse document frequency of a word id, smoothed: log((N + 1) / (df + 1)) + 1.</summary>
    public float Idf(int id) => id < 0 ? _unseenIdf : _idfs[id];

    /// <summary>Inverse document frequency of a corpus form.</summary>
    public double Idf(string form) => Idf(WordId(form));

    /// <summary>The document frequency of two adjacent words (by id).</summary>
    public int BigramFrequency(int first, int second) => first < 0 || second < 0 || !_bigrams.TryGetValue(BigramKey(first, second), out var count) ? 0 : count;

    /// <summary>A stop word or a news filler (<see cref="PhraseWords.IsFiller"/>): never a keyphrase word, not counted in summaries.</summary>
    internal bool IsNoise(int id, ReadOnlySpan<char> form) => id >= 0 ? _noise[id] : IsStopWord(form) || PhraseWords.IsFiller(form);

    /// <summary>A stop word of the text layer's list or of the lists given at training (any spelling).</summary>
    public bool IsStopWord(ReadOnlySpan<char> word)
    {
        if (ArabicStopWords.Contains(word))
        {
            return true;
        }

        if (_stopWords.Count == 0 || word.Length > 32)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[32 * ArabicNormalizer.MaxExpansion];
        var n = ArabicNormalizer.Normalize(word, buffer, NormalizationProfile.Search);
        return _stopBySpan.Contains(buffer[..n]);
    }

    /// <summary>Counts document frequencies over articles run through the text layer (<see cref="TextAnnotator"/>).</summary>
    public static KeyphraseStatistics Learn(IEnumerable<Article> articles, IEnumerable<string> stopWords, int minWord = 3, int minBigram = 5)
    {
        var text = new TextAnnotator();
        return Learn(
            articles.Select(a =>
            {
                var doc = new AnalyzedArticle(a);
                text.Annotate(doc);
                return doc;
            }),
            stopWords,
            minWord,
            minBigram);
    }

    /// <summary>Counts document frequencies over short texts (one paragraph per line), for tests and small corpora.</summary>
    public static KeyphraseStatistics Learn(IEnumerable<string> documents, IEnumerable<string> stopWords, int minWord = 3, int minBigram = 5) =>
        Learn(documents.Select((d, i) => new Article { Id = $"{i}", Format = "text", Paragraphs = d.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) }), stopWords, minWord, minBigram);

    /// <summary>
    /// Counts document frequencies over documents whose tokens are filled; keeps words seen in at least
    /// <paramref name="minWord"/> and bigrams in at least <paramref name="minBigram"/> documents.
    /// </summary>
    public static KeyphraseStatistics Learn(IEnumerable<AnalyzedArticle> documents, IEnumerable<string> stopWords, int minWord = 3, int minBigram = 5)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var bigrams = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenWords = new HashSet<string>(StringComparer.Ordinal);
        var seenBigrams = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new char[PhraseWords.MaxForm];
        var count = 0;
        foreach (var doc in documents)
        {
            count++;
            seenWords.Clear();
            seenBigrams.Clear();
            string? previous = null;
            var previousToken = -2;
            for (var t = 0; t < doc.Tokens.Count; t++)
            {
                var token = doc.Tokens[t];
                if (!PhraseWords.IsWord(token))
                {
                    continue;
                }

                var form = new string(buffer, 0, PhraseWords.Form(token, buffer, out _));
                seenWords.Add(form);
                if (previous is not null && previousToken == t - 1 && !doc.Text.AsSpan(doc.Tokens[t - 1].End, token.Start - doc.Tokens[t - 1].End).Contains('\n'))
                {
                    seenBigrams.Add(previous + " " + form);
                }

                previous = form;
                previousToken = t;
            }

            foreach (var w in seenWords)
            {
                words[w] = words.GetValueOrDefault(w) + 1;
            }

            foreach (var b in seenBigrams)
            {
                bigrams[b] = bigrams.GetValueOrDefault(b) + 1;
            }
        }

        var stop = stopWords.Select(s => ArabicNormalizer.Normalize(s.Trim().TrimStart('\uFEFF'), NormalizationProfile.Search))
            .Where(s => s.Length > 0 && !ArabicStopWords.ContainsNormalized(s))
            .ToHashSet(StringComparer.Ordinal);
        return new KeyphraseStatistics(
            count,
            words.Where(p => p.Value >= minWord).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList(),
            bigrams.Where(p => p.Value >= minBigram),
            stop);
    }

    public void Save(string path) => FileReplacement.Write(path, Write);

    private void Write(Stream file)
    {
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new StreamWriter(gzip, new UTF8Encoding(false));
        w.WriteLine(Header);
        w.WriteLine($"N\t{Documents}");
        foreach (var s in _stopWords.Order(StringComparer.Ordinal))
        {
            w.WriteLine($"S\t{s}");
        }

        for (var i = 0; i < _forms.Length; i++)
        {
            w.WriteLine($"W\t{_forms[i]}\t{_frequencies[i]}");
        }

        foreach (var (a, b, v) in _bigramList.OrderByDescending(p => p.Count).ThenBy(p => p.First).ThenBy(p => p.Second))
        {
            w.WriteLine($"B\t{_forms[a]} {_forms[b]}\t{v}");
        }
    }

    public static KeyphraseStatistics Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new MarsadException(ErrorCodes.BadModel, "the keyphrase statistics file is missing", path);
        }

        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var r = new StreamReader(gzip, Encoding.UTF8);
        if (r.ReadLine() != Header)
        {
            throw new MarsadException(ErrorCodes.BadModel, "not a Marsad keyphrase statistics file of this version (retrain with `marsad train keyphrases`)", path);
        }

        var documents = 0;
        var words = new List<KeyValuePair<string, int>>();
        var bigrams = new List<KeyValuePair<string, int>>();
        var stop = new HashSet<string>(StringComparer.Ordinal);
        while (r.ReadLine() is { } line)
        {
            // "KIND TAB text [TAB count]", cut by position (no Split: about 200,000 lines are read at every start).
            var tab = line.IndexOf('\t');
            var kind = tab < 0 ? line.AsSpan() : line.AsSpan(0, tab);
            var rest = tab < 0 ? [] : line.AsSpan(tab + 1);
            var second = rest.IndexOf('\t');
            var field = second < 0 ? rest : rest[..second];
            switch (kind)
            {
                case "N":
                    documents = int.Parse(field, CultureInfo.InvariantCulture);
                    break;
                case "S":
                    stop.Add(new string(field));
                    break;
                case "W":
                    words.Add(new(new string(field), CountAfter(rest, second)));
                    break;
                case "B":
                    bigrams.Add(new(new string(field), CountAfter(rest, second)));
                    break;
                default:
                    throw new MarsadException(ErrorCodes.BadModel, $"unexpected line '{kind}'", path);
            }
        }

        return new KeyphraseStatistics(documents, words, bigrams, stop);
    }

    /// <summary>The count field after the tab at <paramref name="tab"/> (up to a further tab, as Split would cut it).</summary>
    private static int CountAfter(ReadOnlySpan<char> fields, int tab)
    {
        var count = tab < 0 ? throw new FormatException("a count is missing") : fields[(tab + 1)..];
        var end = count.IndexOf('\t');
        return int.Parse(end < 0 ? count : count[..end], CultureInfo.InvariantCulture);
    }

    private static ulong BigramKey(int first, int second) => ((ulong)(uint)first << 32) | (uint)second;

    private double IdfOf(int df) => Math.Log((Documents + 1.0) / (df + 1.0)) + 1.0;
}
