using System.IO.Compression;
using System.Text;
using Marsad.Errors;
using Marsad.Topics;

namespace Marsad.Keyphrases;

/// <summary>
/// What the keyphrase extractor learns from a corpus: the number of documents, the document
/// frequency of each normalised word and word bigram, and the stop words. Stored as gzip TSV.
/// </summary>
public sealed class KeyphraseStatistics
{
    private const string Header = "#marsad-keyphrases 1";

    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, int> _bigrams;
    private readonly HashSet<string> _stopWords;

    internal KeyphraseStatistics(int documents, Dictionary<string, int> words, Dictionary<string, int> bigrams, HashSet<string> stopWords)
    {
        Documents = documents;
        _words = words;
        _bigrams = bigrams;
        _stopWords = stopWords;
    }

    /// <summary>The model file, relative to the models folder.</summary>
    public const string ModelFile = "topics/keyphrases.tsv.gz";

    public int Documents { get; }

    public int WordCount => _words.Count;

    /// <summary>The document frequency of a normalised word (0 when unseen or pruned).</summary>
    public int WordFrequency(string normalized) => _words.GetValueOrDefault(normalized);

    /// <summary>The document frequency of two adjacent normalised words.</summary>
    public int BigramFrequency(string first, string second) => _bigrams.GetValueOrDefault(first + " " + second);

    public bool IsStopWord(string normalized) => _stopWords.Contains(normalized);

    /// <summary>Inverse document frequency, smoothed: log((N + 1) / (df + 1)) + 1.</summary>
    public double Idf(string normalized) => Math.Log((Documents + 1.0) / (WordFrequency(normalized) + 1.0)) + 1.0;

    /// <summary>Counts document frequencies over articles; keeps words seen in at least <paramref name="minWord"/> and bigrams in at least <paramref name="minBigram"/> documents.</summary>
    public static KeyphraseStatistics Learn(IEnumerable<string> documents, IEnumerable<string> stopWords, int minWord = 3, int minBigram = 5)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var bigrams = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<Term>();
        var seenWords = new HashSet<string>(StringComparer.Ordinal);
        var seenBigrams = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var text in documents)
        {
            count++;
            terms.Clear();
            seenWords.Clear();
            seenBigrams.Clear();
            FallbackTermAnalyzer.Instance.Analyze(text, terms);
            for (var i = 0; i < terms.Count; i++)
            {
                seenWords.Add(terms[i].Normalized);
                if (i > 0 && KeyphraseExtractor.Adjacent(text, terms[i - 1], terms[i]))
                {
                    seenBigrams.Add(terms[i - 1].Normalized + " " + terms[i].Normalized);
                }
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

        var stop = stopWords.Select(s => ArabicNormalizer.Normalize(s.Trim().TrimStart('\uFEFF'))).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        return new KeyphraseStatistics(
            count,
            words.Where(p => p.Value >= minWord).ToDictionary(StringComparer.Ordinal),
            bigrams.Where(p => p.Value >= minBigram).ToDictionary(StringComparer.Ordinal),
            stop);
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new StreamWriter(gzip, new UTF8Encoding(false));
        w.WriteLine(Header);
        w.WriteLine($"N\t{Documents}");
        foreach (var s in _stopWords.Order(StringComparer.Ordinal))
        {
            w.WriteLine($"S\t{s}");
        }

        foreach (var (k, v) in _words.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteLine($"W\t{k}\t{v}");
        }

        foreach (var (k, v) in _bigrams.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteLine($"B\t{k}\t{v}");
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
            throw new MarsadException(ErrorCodes.BadModel, "not a Marsad keyphrase statistics file", path);
        }

        var documents = 0;
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var bigrams = new Dictionary<string, int>(StringComparer.Ordinal);
        var stop = new HashSet<string>(StringComparer.Ordinal);
        while (r.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            switch (parts[0])
            {
                case "N":
                    documents = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "S":
                    stop.Add(parts[1]);
                    break;
                case "W":
                    words[parts[1]] = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "B":
                    bigrams[parts[1]] = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new MarsadException(ErrorCodes.BadModel, $"unexpected line '{parts[0]}'", path);
            }
        }

        return new KeyphraseStatistics(documents, words, bigrams, stop);
    }
}
