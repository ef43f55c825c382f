namespace Marsad.Entities.Neural;

/// <summary>
/// The neural layer's inputs for one sentence: each token's frozen word vector (or none), the hashed
/// character n-grams of its clitic-stripped form and the ids of its small categorical signals
/// (shape, proclitic, gazetteer, trigger, clusters, frequency), as flat arrays with per-token offsets.
/// </summary>
public sealed class NerNeuralSentence
{
    /// <param name="withWords">False at inference: <see cref="Words"/> stays empty until <see cref="EnsureWords"/>, since a
    /// token with a lexicon row reads its vector from the lexicon.</param>
    public NerNeuralSentence(int count, int wordDimensions, bool withWords = true)
    {
        WordDimensions = wordDimensions;
        Words = withWords ? new float[count * wordDimensions] : [];
        Known = [];
        Rows = [];
        Forms = [];
        NgramOffsets = [];
        CategoryOffsets = [];
        RowCategoryStarts = [];
        Reset(count);
    }

    public int Count { get; private set; }

    public int WordDimensions { get; }

    /// <summary>
    /// Makes the sentence hold <paramref name="count"/> tokens, growing its arrays when needed (inference reuses one
    /// sentence per thread). Per-token values are left for the builder to write; <see cref="Known"/> is cleared.
    /// </summary>
    public void Reset(int count)
    {
        Count = count;
        if (Known.Length < count)
        {
            var capacity = Math.Max(count, Known.Length * 2);
            Known = new bool[capacity];
            Rows = new int[capacity];
            Forms = new string[capacity];
            NgramOffsets = new int[capacity + 1];
            CategoryOffsets = new int[capacity + 1];
            RowCategoryStarts = new int[capacity];
        }

        Known.AsSpan(0, count).Clear();
    }

    /// <summary>Token × word dimensions: the lexicon vector where <see cref="Known"/>, else zeros.</summary>
    public float[] Words { get; private set; }

    /// <summary>Makes <see cref="Words"/> hold the sentence's tokens (a sentence made without it, or reused for a longer one).</summary>
    public void EnsureWords()
    {
        if (Words.Length < Count * WordDimensions)
        {
            Words = new float[Math.Max(Count * WordDimensions, Words.Length * 2)];
        }
    }

    public bool[] Known { get; private set; }

    /// <summary>
    /// Per token, the lexicon row whose vector it uses, or -1: the word vector and n-grams of a row are
    /// always the same, so inference caches their input projection per row.
    /// </summary>
    public int[] Rows { get; private set; }

    /// <summary>Per token, the clitic-stripped form whose character n-grams are hashed.</summary>
    public string[] Forms { get; private set; }

    /// <summary>Whether <see cref="Ngrams"/> is filled (training); inference hashes a form's n-grams only when its projection is not cached.</summary>
    public bool HasNgrams { get; set; } = true;

    public int[] NgramOffsets { get; private set; }

    /// <summary>The tokens' n-gram ids, <see cref="NgramOffsets"/> apart (the array may be longer than the ids).</summary>
    public int[] Ngrams { get; private set; } = [];

    public int[] CategoryOffsets { get; private set; }

    /// <summary>The tokens' category ids, <see cref="CategoryOffsets"/> apart (the array may be longer than the ids).</summary>
    public int[] Categories { get; private set; } = [];

    /// <summary>Copies the n-gram ids in, reusing the array when it is long enough.</summary>
    public void SetNgrams(List<int> ids) => Ngrams = CopyInto(Ngrams, ids);

    /// <summary>Copies the category ids in, reusing the array when it is long enough.</summary>
    public void SetCategories(List<int> ids) => Categories = CopyInto(Categories, ids);

    private static int[] CopyInto(int[] array, List<int> ids)
    {
        if (array.Length < ids.Count)
        {
            array = new int[Math.Max(ids.Count, array.Length * 2)];
        }

        ids.CopyTo(array);
        return array;
    }

    /// <summary>Per token, where in <see cref="Categories"/> the ids that depend only on the word begin (see <see cref="NerNeuralInputs.AddRowCategories"/>).</summary>
    public int[] RowCategoryStarts { get; private set; }

    public ReadOnlySpan<int> NgramsOf(int i) => Ngrams.AsSpan(NgramOffsets[i], NgramOffsets[i + 1] - NgramOffsets[i]);

    public ReadOnlySpan<int> CategoriesOf(int i) => Categories.AsSpan(CategoryOffsets[i], CategoryOffsets[i + 1] - CategoryOffsets[i]);

    /// <summary>The category ids of token <paramref name="i"/> that depend on its context, not only on the word.</summary>
    public ReadOnlySpan<int> ContextCategoriesOf(int i) => Categories.AsSpan(CategoryOffsets[i], RowCategoryStarts[i] - CategoryOffsets[i]);
}
