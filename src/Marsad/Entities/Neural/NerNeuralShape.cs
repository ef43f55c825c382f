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

    private int DirectionSize => (Gates * InputDimensions) + (Gates * Hidden) + Gates;
}
