namespace Marsad.Entities.Neural;

/// <summary>
/// The neural layer's inputs for one sentence: each token's frozen word vector (or none), the hashed
/// character n-grams of its clitic-stripped form and the ids of its small categorical signals
/// (shape, proclitic, gazetteer, trigger, clusters, frequency), as flat arrays with per-token offsets.
/// </summary>
public sealed class NerNeuralSentence
{
    private readonly int _wordDimensions;

    /// <param name="withWords">False at inference: <see cref="Words"/> stays empty until <see cref="EnsureWords"/>, since a
    /// token with a lexicon row reads its vector from the lexicon.</param>
    public NerNeuralSentence(int count, int wordDimensions, bool withWords = true)
    {
        Count = count;
        _wordDimensions = wordDimensions;
        Words = withWords ? new float[count * wordDimensions] : [];
        Known = new bool[count];
        Rows = new int[count];
        Forms = new string[count];
        NgramOffsets = new int[count + 1];
        CategoryOffsets = new int[count + 1];
        RowCategoryStarts = new int[count];
    }

    public int Count { get; }

    /// <summary>Token × word dimensions: the lexicon vector where <see cref="Known"/>, else zeros.</summary>
    public float[] Words { get; private set; }

    /// <summary>Allocates <see cref="Words"/> when the sentence was made without it.</summary>
    public void EnsureWords()
    {
        if (Words.Length == 0)
        {
            Words = new float[Count * _wordDimensions];
        }
    }

    public bool[] Known { get; }

    /// <summary>
    /// Per token, the lexicon row whose vector it uses, or -1: the word vector and n-grams of a row are
    /// always the same, so inference caches their input projection per row.
    /// </summary>
    public int[] Rows { get; }

    /// <summary>Per token, the clitic-stripped form whose character n-grams are hashed.</summary>
    public string[] Forms { get; }

    /// <summary>Whether <see cref="Ngrams"/> is filled (training); inference hashes a form's n-grams only when its projection is not cached.</summary>
    public bool HasNgrams { get; set; } = true;

    public int[] NgramOffsets { get; }

    public int[] Ngrams { get; set; } = [];

    public int[] CategoryOffsets { get; }

    public int[] Categories { get; set; } = [];

    /// <summary>Per token, where in <see cref="Categories"/> the ids that depend only on the word begin (see <see cref="NerNeuralInputs.AddRowCategories"/>).</summary>
    public int[] RowCategoryStarts { get; }

    public ReadOnlySpan<int> NgramsOf(int i) => Ngrams.AsSpan(NgramOffsets[i], NgramOffsets[i + 1] - NgramOffsets[i]);

    public ReadOnlySpan<int> CategoriesOf(int i) => Categories.AsSpan(CategoryOffsets[i], CategoryOffsets[i + 1] - CategoryOffsets[i]);

    /// <summary>The category ids of token <paramref name="i"/> that depend on its context, not only on the word.</summary>
    public ReadOnlySpan<int> ContextCategoriesOf(int i) => Categories.AsSpan(CategoryOffsets[i], RowCategoryStarts[i] - CategoryOffsets[i]);

    /// <summary>The category ids of token <paramref name="i"/> that depend only on the word.</summary>
    public ReadOnlySpan<int> RowCategoriesOf(int i) => Categories.AsSpan(RowCategoryStarts[i], CategoryOffsets[i + 1] - RowCategoryStarts[i]);
}
