namespace Marsad.Entities.Neural;

/// <summary>
/// The sizes of the neural layer and where each parameter block sits in its one flat parameter array:
/// the learned "unknown word" vector, the character n-gram and category embedding tables, per direction
/// the LSTM's input weights (4H × input), recurrent weights (4H × H) and biases (4H, gates i, f, g, o),
/// the output layer (tags × 2H, tags) and the CRF transitions ((1 + tags) × tags, row 0 the start).
/// </summary>
public sealed record NerNeuralShape(int WordDimensions, int NgramBuckets, int NgramDimensions, int CategoryCount, int CategoryDimensions, int Hidden)
{
    public const int Tags = 9;

    public int InputDimensions => WordDimensions + NgramDimensions + CategoryDimensions;

    public int Gates => 4 * Hidden;

    public int UnknownAt => 0;

    public int NgramsAt => WordDimensions;

    public int CategoriesAt => NgramsAt + (NgramBuckets * NgramDimensions);

    /// <summary>Input weights of direction <paramref name="d"/> (0 left-to-right, 1 right-to-left).</summary>
    public int InputWeightsAt(int d) => CategoriesAt + (CategoryCount * CategoryDimensions) + (d * DirectionSize);

    public int RecurrentWeightsAt(int d) => InputWeightsAt(d) + (Gates * InputDimensions);

    public int BiasAt(int d) => RecurrentWeightsAt(d) + (Gates * Hidden);

    public int OutputAt => InputWeightsAt(2);

    public int OutputBiasAt => OutputAt + (Tags * 2 * Hidden);

    public int TransitionsAt => OutputBiasAt + Tags;

    public int ParameterCount => TransitionsAt + ((Tags + 1) * Tags);

    /// <summary>
    /// What is out of range, or null: a corrupt file or a mistyped option must not reach a huge allocation, an int
    /// overflow in the offsets above, or a stack buffer of the input width.
    /// </summary>
    public string? Problem()
    {
        if (WordDimensions is < 0 or > 1024 || NgramDimensions is < 1 or > 256 || CategoryDimensions is < 1 or > 256)
        {
            return $"embedding sizes out of range (word {WordDimensions}, n-gram {NgramDimensions}, category {CategoryDimensions})";
        }

        if (NgramBuckets is < 1 or > (1 << 24) || CategoryCount is < 1 or > (1 << 20) || Hidden is < 1 or > 512)
        {
            return $"layer sizes out of range (n-gram buckets {NgramBuckets}, categories {CategoryCount}, hidden {Hidden})";
        }

        long input = WordDimensions + NgramDimensions + CategoryDimensions;
        long gates = 4L * Hidden;
        var total = WordDimensions + ((long)NgramBuckets * NgramDimensions) + ((long)CategoryCount * CategoryDimensions)
            + (2 * ((gates * input) + (gates * Hidden) + gates)) + (Tags * 2L * Hidden) + Tags + ((Tags + 1) * Tags);
        return total > (1 << 28) ? $"{total} parameters is more than a layer may have" : null;
    }

    private int DirectionSize => (Gates * InputDimensions) + (Gates * Hidden) + Gates;
}
