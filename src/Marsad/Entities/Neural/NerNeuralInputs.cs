using Marsad.Entities.Features;
using System.Runtime.CompilerServices;

namespace Marsad.Entities.Neural;

/// <summary>
/// Builds a <see cref="NerNeuralSentence"/> from a sentence the CRF's <see cref="NerFeatureExtractor"/> has
/// just extracted (its buffer already holds the forms, lexicon rows, shapes, gazetteer bits and triggers),
/// so the neural layer adds no second pass over the text. Categorical ids share one table:
/// shape, proclitic code, gazetteer categories and phrase start, trigger kind, first token, country
/// adjective, no vector, frequency bucket, then the word's cluster at each granularity.
/// </summary>
public sealed class NerNeuralInputs
{
    private const int ShapeBase = 0;          // 16 shapes
    private const int ProcliticBase = 16;     // 32 proclitic codes
    private const int GazetteerBase = 48;     // 16 gazetteer categories
    private const int GazetteerBegin = 64;
    private const int TriggerBase = 64;       // kinds 1..3 → 65..67
    private const int FirstToken = 68;
    private const int CountryAdjective = 69;
    private const int NoVector = 70;
    private const int FrequencyBase = 71;     // 24 log2 buckets
    private const int ClusterBase = 95;
    private const int MaxNgram = 4;

    /// <summary>The most n-grams <see cref="AddNgrams(string, int, Span{int})"/> writes for one form (forms are cut to 60 characters).</summary>
    public const int MaxNgramsPerForm = 3 * 62;

    [ThreadStatic]
    private static NerNeuralSentence? t_sentence;

    [ThreadStatic]
    private static List<int>? t_ngrams;

    [ThreadStatic]
    private static List<int>? t_categories;

    private readonly NerFeatureExtractor _extractor;

    public NerNeuralInputs(NerFeatureExtractor extractor, int ngramBuckets)
    {
        _extractor = extractor;
        NgramBuckets = ngramBuckets;
        CategoryCount = ClusterBase + extractor.Lexicon.ClusterCounts.Sum();
    }

    public int NgramBuckets { get; }

    public int CategoryCount { get; }

    public int WordDimensions => _extractor.Lexicon.VectorDimensions;

    internal NerLexicon Lexicon => _extractor.Lexicon;

    /// <summary>Reads the inputs of the <paramref name="n"/> tokens of the sentence last extracted into <paramref name="buffer"/>.</summary>
    /// <param name="withNgrams">False at inference: the n-grams are hashed later, only for tokens whose projection is not
    /// cached, and the word vectors of tokens with a lexicon row are not copied.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public NerNeuralSentence Build(NerFeatureBuffer buffer, int n, bool withNgrams = true)
    {
        var lexicon = _extractor.Lexicon;
        var dim = lexicon.VectorDimensions;
        NerNeuralSentence sentence;
        List<int> ngrams;
        List<int> categories;
        if (withNgrams)
        {
            // Training keeps every sentence.
            sentence = new NerNeuralSentence(n, dim, withWords: true);
            ngrams = new List<int>(n * 16);
            categories = new List<int>(n * 10);
        }
        else
        {
            // Inference uses a sentence before it builds the next: one per thread, reused (no allocation per sentence).
            sentence = t_sentence is { } reused && reused.WordDimensions == dim ? reused : (t_sentence = new NerNeuralSentence(0, dim, withWords: false));
            sentence.Reset(n);
            ngrams = t_ngrams ??= [];
            categories = t_categories ??= [];
            ngrams.Clear();
            categories.Clear();
        }

        sentence.HasNgrams = withNgrams;
        for (var i = 0; i < n; i++)
        {
            var vector = _extractor.VectorOf(buffer, i);
            sentence.Rows[i] = buffer.Rows[i] >= 0 && buffer.Rows[i] < lexicon.VectorCount ? buffer.Rows[i] : -1;
            if (!vector.IsEmpty)
            {
                // At inference a token with a lexicon row needs no copy (the projections read the lexicon).
                if (withNgrams || sentence.Rows[i] < 0)
                {
                    sentence.EnsureWords();
                    vector.CopyTo(sentence.Words.AsSpan(i * dim, dim));
                }

                sentence.Known[i] = true;
            }

            sentence.Forms[i] = buffer.Standalone[i];
            sentence.NgramOffsets[i] = ngrams.Count;
            if (withNgrams)
            {
                AddNgrams(buffer.Standalone[i], NgramBuckets, ngrams);
            }

            sentence.CategoryOffsets[i] = categories.Count;
            categories.Add(ShapeBase + Math.Min((int)buffer.Shapes[i], 15));
            categories.Add(ProcliticBase + Math.Min(buffer.Proclitics[i], 31));
            var bits = buffer.GazetteerBits[i];
            for (var c = 0; c < 16; c++)
            {
                if ((bits & (1 << c)) != 0)
                {
                    categories.Add(GazetteerBase + c);
                }
            }

            if (bits != 0 && buffer.GazetteerBegins[i])
            {
                categories.Add(GazetteerBegin);
            }

            if (buffer.Triggers[i] is > 0 and <= 3)
            {
                categories.Add(TriggerBase + buffer.Triggers[i]);
            }

            if (i == 0)
            {
                categories.Add(FirstToken);
            }

            sentence.RowCategoryStarts[i] = categories.Count;
            if (withNgrams || sentence.Rows[i] < 0)
            {
                // At inference a token with a lexicon row gets them from its row's cached projection (NerNeuralProjections).
                AddRowCategories(buffer.Rows[i], buffer.Standalone[i], sentence.Known[i], categories);
            }
        }

        sentence.NgramOffsets[n] = ngrams.Count;
        sentence.CategoryOffsets[n] = categories.Count;
        sentence.SetNgrams(ngrams);
        sentence.SetCategories(categories);
        return sentence;
    }

    /// <summary>
    /// The category ids that depend only on the word (its lexicon row and clitic-stripped form): country adjective,
    /// no vector, frequency bucket and clusters. They come last in a token's list, so inference caches their projection
    /// per row (a row with a vector never has the no-vector id).
    /// </summary>
    public void AddRowCategories(int row, string standalone, bool hasVector, List<int> categories)
    {
        var lexicon = _extractor.Lexicon;
        // The article-less form, as the feature extractor's "bare" form.
        var bare = standalone.Length > 3 && standalone[0] == '\u0627' && standalone[1] == '\u0644' ? standalone.AsSpan(2) : standalone.AsSpan();
        if (_extractor.CountryAdjectives.IsCountryAdjective(bare))
        {
            categories.Add(CountryAdjective);
        }

        if (!hasVector)
        {
            categories.Add(NoVector);
        }

        var count = lexicon.CountAt(row);
        categories.Add(FrequencyBase + Math.Min(count == 0 ? 0 : 1 + (int)Math.Log2(count), 23));
        var levelBase = ClusterBase;
        for (var l = 0; l < lexicon.ClusterCounts.Count; l++)
        {
            var cluster = lexicon.ClusterOf(row, l);
            if (cluster >= 0)
            {
                categories.Add(levelBase + cluster);
            }

            levelBase += lexicon.ClusterCounts[l];
        }
    }

    /// <summary>Hashed character n-grams (2..4, with word boundary marks) of a form: the spelling of unseen names.</summary>
    public static void AddNgrams(string form, int buckets, List<int> ngrams)
    {
        Span<int> ids = stackalloc int[MaxNgramsPerForm];
        foreach (var id in ids[..AddNgrams(form, buckets, ids)])
        {
            ngrams.Add(id);
        }
    }

    /// <summary>The same n-grams written into <paramref name="into"/> (at least <see cref="MaxNgramsPerForm"/> long); returns how many.</summary>
    public static int AddNgrams(string form, int buckets, Span<int> into)
    {
        Span<char> marked = stackalloc char[Math.Min(form.Length, 60) + 2];
        marked[0] = '<';
        form.AsSpan(0, marked.Length - 2).CopyTo(marked[1..]);
        marked[^1] = '>';
        var count = 0;
        for (var length = 2; length <= MaxNgram; length++)
        {
            for (var start = 0; start + length <= marked.Length; start++)
            {
                var hash = 2166136261u ^ (uint)length;
                foreach (var c in marked.Slice(start, length))
                {
                    hash = (hash ^ c) * 16777619u;
                }

                into[count++] = (int)(hash % (uint)buckets);
            }
        }

        return count;
    }
}
