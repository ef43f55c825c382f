namespace Marsad.Entities.Neural;

/// <summary>Per-sentence activations and gradients of <see cref="NerNeuralNetwork"/>, grown as needed and reused by one thread.</summary>
internal sealed class NerNeuralScratch
{
    /// <summary>Shapes one thread keeps a scratch for at once (an ensemble holds at most 16 networks).</summary>
    private const int MaxShapes = 16;

    /// <summary>The scratch of the shape used last: one network, or an ensemble of one shape, finds it at once.</summary>
    [ThreadStatic]
    private static NerNeuralScratch? _last;

    /// <summary>
    /// One scratch per network shape on this thread: an ensemble of networks of different shapes runs them one after the
    /// other on every sentence, and a single scratch resized to each in turn would reallocate every array K times per
    /// sentence. Kept per shape rather than requiring equal shapes, since ensembles of several widths are allowed (and tested).
    /// </summary>
    [ThreadStatic]
    private static List<NerNeuralScratch>? _byShape;

    private int _capacity;

    private NerNeuralScratch(NerNeuralShape shape) => Shape = shape;

    /// <summary>The network shape the arrays are sized for.</summary>
    public NerNeuralShape Shape { get; }

    /// <summary>This thread's scratch for networks of <paramref name="shape"/>.</summary>
    public static NerNeuralScratch ForThread(NerNeuralShape shape)
    {
        var last = _last;
        if (last is not null && (ReferenceEquals(last.Shape, shape) || last.Shape == shape))
        {
            return last;
        }

        var all = _byShape ??= [];
        var found = all.Find(s => s.Shape == shape);
        if (found is null)
        {
            if (all.Count == MaxShapes)
            {
                all.RemoveAt(0); // a long-running process trying many shapes (training sweeps) does not keep them all
            }

            found = new NerNeuralScratch(shape);
            all.Add(found);
        }

        _last = found;
        return found;
    }

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

    /// <summary>Inference: per token the array holding its cached (or just computed) word part, its offset, and whether it was a cached lexicon row.</summary>
    public float[][] Parts { get; private set; } = [];

    public int[] PartOffsets { get; private set; } = [];

    public bool[] CachedRows { get; private set; } = [];

    /// <summary>Whether the arrays only the plain forward pass and training use are allocated.</summary>
    private bool _hasTraining;

    /// <param name="training">False for tagging through cached projections: the inputs, masks, gradients and tanh-of-cells
    /// arrays, which only the plain forward pass and backpropagation use, are not allocated.</param>
    public void Ensure(int n, bool training = true)
    {
        if (n <= _capacity && Gates[0] is not null && (_hasTraining || !training))
        {
            return;
        }

        _capacity = n > _capacity ? Math.Max(n, _capacity * 2) : _capacity;
        _hasTraining = training;
        var shape = Shape;
        var c = _capacity;
        Inputs = training ? new float[c * shape.InputDimensions] : [];
        InputMask = training ? new float[c * shape.InputDimensions] : [];
        InputGradients = training ? new float[c * shape.InputDimensions] : [];
        UsedUnknown = training ? new bool[c] : [];
        Emissions = training ? new float[c * NerNeuralShape.Tags] : [];
        Projections = new float[c * 2 * shape.Gates];
        Parts = new float[c][];
        PartOffsets = new int[c];
        CachedRows = new bool[c];
        for (var d = 0; d < 2; d++)
        {
            Gates[d] = new float[c * shape.Gates];
            Cells[d] = new float[c * shape.Hidden];
            TanhCells[d] = training ? new float[c * shape.Hidden] : [];
            Hidden[d] = new float[c * shape.Hidden];
            HiddenGradients[d] = training ? new float[c * shape.Hidden] : [];
        }
    }
}
