using System.Runtime.CompilerServices;
using Marsad.Entities.Features;

namespace Marsad.Entities.Neural;

/// <summary>
/// Inference-time precomputation for one fixed <see cref="NerNeuralNetwork"/>: the LSTM input layer is linear, so
/// its product with a token's input splits into the word-vector-and-n-gram part (the same for every token of a
/// lexicon row: cached per row on first use, thread-safe) and one part per category id (computed up front).
/// Also keeps the recurrent weights transposed, so the recurrence is a few vector additions per hidden unit.
/// </summary>
internal sealed class NerNeuralProjections
{
    private readonly NerNeuralNetwork _network;
    private readonly float[] _categories;
    /// <summary>Rows per cache slab: a slab (256 KB at H = 32) is one large-object allocation, never moved by the GC.</summary>
    private const int SlabRows = 256;

    /// <summary>Per lexicon row, 1 + its slot in the cache, or 0 when not computed yet.</summary>
    private readonly int[] _rowSlots;

    private readonly Lock _slabLock = new();

    /// <summary>The cache's storage: slot k is Width floats of slab k / SlabRows (entries beyond the used slabs are null).</summary>
    private float[]?[] _slabs = [];

    private int _usedSlots;
    private readonly float[] _wordTransposed;
    private readonly NerLexicon _lexicon;
    private readonly NerNeuralInputs _inputs;

    [ThreadStatic]
    private static List<int>? t_rowCategories;

    public NerNeuralProjections(NerNeuralNetwork network, NerNeuralInputs inputs)
    {
        _network = network;
        _inputs = inputs;
        var lexicon = _lexicon = inputs.Lexicon;
        var rowCount = lexicon.VectorCount;
        var shape = network.Shape;
        Width = 2 * shape.Gates;
        _rowSlots = new int[Math.Max(rowCount, 0)];
        _categories = new float[shape.CategoryCount * Width];
        var p = network.Parameters;
        var cd = shape.CategoryDimensions;
        var from = shape.WordDimensions + shape.NgramDimensions;
        for (var id = 0; id < shape.CategoryCount; id++)
        {
            var e = p.AsSpan(shape.CategoriesAt + (id * cd), cd);
            for (var d = 0; d < 2; d++)
            {
                for (var r = 0; r < shape.Gates; r++)
                {
                    var row = p.AsSpan(shape.InputWeightsAt(d) + (r * shape.InputDimensions) + from, cd);
                    _categories[(id * Width) + (d * shape.Gates) + r] = VectorMath.Dot(row, e);
                }
            }
        }

        // [word vector ; n-gram mean] → both directions' gates, transposed: one register-blocked product per token.
        var wordInputs = shape.WordDimensions + shape.NgramDimensions;
        _wordTransposed = new float[wordInputs * Width];
        for (var d = 0; d < 2; d++)
        {
            for (var r = 0; r < shape.Gates; r++)
            {
                for (var k = 0; k < wordInputs; k++)
                {
                    _wordTransposed[(k * Width) + (d * shape.Gates) + r] = p[shape.InputWeightsAt(d) + (r * shape.InputDimensions) + k];
                }
            }
        }

        RecurrentTransposed = new float[2][];
        for (var d = 0; d < 2; d++)
        {
            var h = shape.Hidden;
            var wh = p.AsSpan(shape.RecurrentWeightsAt(d), shape.Gates * h);
            var transposed = RecurrentTransposed[d] = new float[h * shape.Gates];
            for (var r = 0; r < shape.Gates; r++)
            {
                for (var k = 0; k < h; k++)
                {
                    transposed[(k * shape.Gates) + r] = wh[(r * h) + k];
                }
            }
        }
    }

    /// <summary>Both directions' gate pre-activations from one input: 2 × 4H.</summary>
    public int Width { get; }

    /// <summary>Per direction the recurrent weights as H × 4H (column k of the 4H × H matrix is row k here).</summary>
    public float[][] RecurrentTransposed { get; }

    public ReadOnlySpan<float> Category(int id) => _categories.AsSpan(id * Width, Width);

    /// <summary>Every category id's projection, Width apart (for <see cref="NerActivations.Gather"/>).</summary>
    public float[] Categories => _categories;

    /// <summary>
    /// Where the part of token <paramref name="i"/>'s input projection that a cache can hold is: for a token with a
    /// lexicon row, word vector, n-grams and the word's own categories (cached per row; returns true, the context
    /// categories remain to add); otherwise word vector and n-grams only, written into <paramref name="scratch"/> at
    /// <paramref name="scratchOffset"/> (returns false: every category remains). The part is Width floats of
    /// <paramref name="array"/> from <paramref name="offset"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool WordPart(NerNeuralSentence sentence, int i, float[] scratch, int scratchOffset, out float[] array, out int offset)
    {
        var row = sentence.Rows[i];
        if (row >= 0 && row < _rowSlots.Length)
        {
            var slot = Volatile.Read(ref _rowSlots[row]) - 1;
            if (slot < 0)
            {
                slot = Reserve();
                var into = SlotSpan(slot);
                Compute(_lexicon.VectorOf(row), sentence.Forms[i], sentence.HasNgrams ? sentence.NgramsOf(i) : null, into);
                // An inference sentence leaves a row's word-only categories out (they are in its cached projection): found here.
                var categories = t_rowCategories ??= [];
                categories.Clear();
                _inputs.AddRowCategories(row, sentence.Forms[i], hasVector: true, categories);
                foreach (var id in categories)
                {
                    VectorMath.AddScaled(into, Category(id), 1f);
                }

                // Published after it is written: another thread sees the slot only with its values.
                Volatile.Write(ref _rowSlots[row], slot + 1);
            }

            array = Volatile.Read(ref _slabs)[slot / SlabRows]!;
            offset = slot % SlabRows * Width;
            return true;
        }

        var shape = _network.Shape;
        var word = sentence.Known[i] ? sentence.Words.AsSpan(i * shape.WordDimensions, shape.WordDimensions) : _network.Parameters.AsSpan(shape.UnknownAt, shape.WordDimensions);
        Compute(word, sentence.Forms[i], sentence.HasNgrams ? sentence.NgramsOf(i) : null, scratch.AsSpan(scratchOffset, Width));
        array = scratch;
        offset = scratchOffset;
        return false;
    }

    /// <summary>The cache's storage for slot <paramref name="slot"/> (Width floats).</summary>
    private Span<float> SlotSpan(int slot) => Volatile.Read(ref _slabs)[slot / SlabRows].AsSpan(slot % SlabRows * Width, Width);

    /// <summary>A new cache slot, in a new slab when the last is full (two threads computing one row both get one: harmless).</summary>
    private int Reserve()
    {
        lock (_slabLock)
        {
            var slot = _usedSlots++;
            var slabs = _slabs;
            if (slot / SlabRows >= slabs.Length || slabs[slot / SlabRows] is null)
            {
                if (slot / SlabRows >= slabs.Length)
                {
                    Array.Resize(ref slabs, Math.Max(4, slabs.Length * 2));
                }

                // Every float of a slot is written before it is read (Compute clears its target): no need to zero the slab.
                slabs[slot / SlabRows] = GC.AllocateUninitializedArray<float>(SlabRows * Width);
                Volatile.Write(ref _slabs, slabs);
            }

            return slot;
        }
    }

    /// <summary>Fills the cache for the first <paramref name="count"/> lexicon rows (the most frequent words) up front.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Warm(int count)
    {
        var lexicon = _lexicon;
        var inputs = _inputs;
        var categories = new List<int>();
        for (var row = 0; row < Math.Min(count, _rowSlots.Length); row++)
        {
            if (_rowSlots[row] > 0)
            {
                continue;
            }

            var slot = Reserve();
            var cached = SlotSpan(slot);
            var form = lexicon.WordOf(row);
            Compute(lexicon.VectorOf(row), form, null, cached);
            categories.Clear();
            inputs.AddRowCategories(row, form, hasVector: true, categories);
            foreach (var id in categories)
            {
                VectorMath.AddScaled(cached, Category(id), 1f);
            }

            Volatile.Write(ref _rowSlots[row], slot + 1);
        }
    }

    /// <summary>[word vector ; mean of the n-gram embeddings] through the input weights (n-grams hashed here when not given).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Compute(ReadOnlySpan<float> word, string form, ReadOnlySpan<int> ngrams, Span<float> into)
    {
        var shape = _network.Shape;
        var p = _network.Parameters;
        var wd = shape.WordDimensions;
        var nd = shape.NgramDimensions;
        Span<float> x = stackalloc float[wd + nd];
        x.Clear();
        word.CopyTo(x);
        Span<int> hashed = stackalloc int[NerNeuralInputs.MaxNgramsPerForm];
        ReadOnlySpan<int> ids = ngrams.IsEmpty ? hashed[..NerNeuralInputs.AddNgrams(form, shape.NgramBuckets, hashed)] : ngrams;
        var scale = 1f / Math.Max(ids.Length, 1);
        foreach (var id in ids)
        {
            VectorMath.AddScaled(x[wd..], p.AsSpan(shape.NgramsAt + (id * nd), nd), scale);
        }

        into.Clear();
        NerActivations.AddProduct(into, _wordTransposed, x);
    }
}
