namespace Marsad.Entities.Neural;

/// <summary>Per-sentence activations and gradients of <see cref="NerNeuralNetwork"/>, grown as needed and reused by one thread.</summary>
internal sealed class NerNeuralScratch
{
    private int _capacity;

    /// <summary>The network shape the arrays were sized for: one thread may run networks of different shapes.</summary>
    private NerNeuralShape? _shape;

    public float[] Inputs { get; private set; } = [];

    /// <summary>Inverted-dropout factors on the inputs (1 where kept, 0 where dropped); all ones when not training.</summary>
    public float[] InputMask { get; private set; } = [];

    /// <summary>Whether the token's word vector was replaced by the learned unknown vector.</summary>
    public bool[] UsedUnknown { get; private set; } = [];

    /// <summary>Per direction: activated gates i, f, g, o (token × 4H), cells, tanh of cells and hidden states (token × H).</summary>
    public float[][] Gates { get; } = new float[2][];

    public float[][] Cells { get; } = new float[2][];

    public float[][] TanhCells { get; } = new float[2][];

    public float[][] Hidden { get; } = new float[2][];

    public float[][] HiddenGradients { get; } = new float[2][];

    public float[] Emissions { get; private set; } = [];

    /// <summary>Inference: both directions' input projections per token (token × 8H).</summary>
    public float[] Projections { get; private set; } = [];

    public float[] InputGradients { get; private set; } = [];

    public void Ensure(int n, NerNeuralShape shape)
    {
        if (n <= _capacity && Gates[0] is not null && shape == _shape)
        {
            return;
        }

        _capacity = shape == _shape ? Math.Max(n, _capacity * 2) : n;
        _shape = shape;
        var c = _capacity;
        Inputs = new float[c * shape.InputDimensions];
        InputMask = new float[c * shape.InputDimensions];
        InputGradients = new float[c * shape.InputDimensions];
        UsedUnknown = new bool[c];
        Emissions = new float[c * NerNeuralShape.Tags];
        Projections = new float[c * 2 * shape.Gates];
        for (var d = 0; d < 2; d++)
        {
            Gates[d] = new float[c * shape.Gates];
            Cells[d] = new float[c * shape.Hidden];
            TanhCells[d] = new float[c * shape.Hidden];
            Hidden[d] = new float[c * shape.Hidden];
            HiddenGradients[d] = new float[c * shape.Hidden];
        }
    }
}
