using BenchmarkDotNet.Attributes;
using ArabicAnalyzer = Lucene.Net.Analysis.Ar.ArabicAnalyzer;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Bench;

/// <summary>
/// The text layer against Lucene.Net's ArabicAnalyzer on the same real news text (the first 500 articles of the ANT v2.1 dev split, about 150k tokens). Every method
/// returns the number of tokens it produced, so words/s = tokens ÷ mean time (the tokens count is printed at setup).
/// Marsad's variants keep each token's offsets into the original text; so does Lucene's OffsetAttribute, read here.
/// </summary>
[MemoryDiagnoser]
public class TextLayerBenchmarks
{
    private string _text = string.Empty;
    private ArabicAnalyzer _lucene = null!;
    private char[] _buffer = [];
    private CliticSegmenter _segmenter = null!;
    private TextAnnotator _annotator = null!;
    private Article _article = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = NewsText.Load(500);
        _lucene = new ArabicAnalyzer(LuceneVersion.LUCENE_48);
        _buffer = new char[CliticSegmenter.MaxWordLength * ArabicNormalizer.MaxExpansion * 4];
        _segmenter = CliticSegmenter.Default;
        _annotator = new TextAnnotator(_segmenter);
        _article = new Article { Id = "bench", Paragraphs = _text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries), Format = "text" };
        Console.WriteLine($"// text: {_text.Length:N0} chars; Marsad tokens {MarsadNormalizeTokenize():N0}; words {MarsadNormalizeTokenizeStem():N0}; Lucene tokens {LuceneArabicAnalyzer():N0}");
    }

    [GlobalCleanup]
    public void Cleanup() => _lucene.Dispose();

    /// <summary>Lucene.Net ArabicAnalyzer: StandardTokenizer, lower-case, stop words, ArabicNormalizationFilter, ArabicStemFilter.</summary>
    [Benchmark(Baseline = true)]
    public int LuceneArabicAnalyzer()
    {
        var count = 0;
        using var stream = _lucene.GetTokenStream("body", new StringReader(_text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            count += term.Length > 0 && offsets.EndOffset >= offsets.StartOffset ? 1 : 0;
        }

        stream.End();
        return count;
    }

    /// <summary>Marsad: tokenise and normalise every token (Search profile) into a reused buffer.</summary>
    [Benchmark]
    public int MarsadNormalizeTokenize()
    {
        var count = 0;
        var text = _text.AsSpan();
        foreach (var token in ArabicTokenizer.Enumerate(text))
        {
            if (ArabicNormalizer.TryNormalize(token.Slice(text), _buffer, NormalizationProfile.Search, out var n) && n >= 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Marsad's equivalent of Lucene's chain: tokenise, normalise, drop stop words, light-stem with affix rules (no segmentation).</summary>
    [Benchmark]
    public int MarsadNormalizeTokenizeStem()
    {
        var count = 0;
        var text = _text.AsSpan();
        foreach (var token in ArabicTokenizer.Enumerate(text))
        {
            if (!token.IsWord || token.Length > CliticSegmenter.MaxWordLength)
            {
                continue;
            }

            var n = ArabicNormalizer.Normalize(token.Slice(text), _buffer, NormalizationProfile.Search);
            if (ArabicStopWords.ContainsNormalized(_buffer.AsSpan(0, n)))
            {
                continue;
            }

            count += LightStemmer.StripAffixes(_buffer.AsSpan(0, n)) > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>Marsad with clitic segmentation: tokenise, segment each Arabic word, stem its stem segment.</summary>
    [Benchmark]
    public int MarsadSegmentStem()
    {
        var count = 0;
        var text = _text.AsSpan();
        var segments = default(SegmentBuffer);
        Span<WordSegment> span = segments;
        foreach (var token in ArabicTokenizer.Enumerate(text))
        {
            if (token.Kind != TokenKind.ArabicWord)
            {
                continue;
            }

            var word = token.Slice(text);
            var s = _segmenter.Segment(word, span);
            for (var i = 0; i < s; i++)
            {
                if (span[i].Role == SegmentRole.Stem && span[i].Length <= CliticSegmenter.MaxWordLength)
                {
                    count += LightStemmer.StemSegment(word[span[i].Start..span[i].End], _buffer, i + 1 < s) >= 0 ? 1 : 0;
                }
            }
        }

        return count;
    }

    /// <summary>The whole text annotator: token records with normalised forms, segments, stems, and sentences.</summary>
    [Benchmark]
    public int MarsadTextAnnotator()
    {
        var doc = new AnalyzedArticle(_article);
        _annotator.Annotate(doc);
        return doc.Tokens.Count;
    }
}
