using System.Numerics;

namespace Marsad.Topics;

/// <summary>
/// A one-hidden-layer network over the topic model's sparse content vector: logits = W₂ · ReLU(W₁ x + b₁) + b₂.
/// W₁ has one row of H weights per input bucket kept (the buckets seen in at least a few training articles; the others
/// are ignored), so the forward pass costs one row addition per feature of the article. Trained by plain SGD with
/// sparse row updates of W₁ and inverted dropout on h.
/// </summary>
internal sealed class HiddenLayerNetwork
{
    private readonly int[] _rowOf;
    private readonly float[] _w1;
    private readonly float[] _b1;
    private readonly float[] _w2;
    private readonly float[] _b2;

    // Adagrad accumulators (used when Adaptive): one per row of W₁ (row-wise Adagrad: the mean squared gradient of the
    // row), one per weight of b₁, W₂, b₂.
    private float[]? _g1;
    private float[]? _gb1;
    private float[]? _g2;
    private float[]? _gb2;

    public HiddenLayerNetwork(int[] rowOf, int rows, int hidden, int classes, int seed, float initScale)
    {
        if (hidden % Vector<float>.Count != 0)
        {
            throw new ArgumentException($"the hidden size must be a multiple of {Vector<float>.Count}", nameof(hidden));
        }

        _rowOf = rowOf;
        Rows = rows;
        Hidden = hidden;
        Classes = classes;
        _w1 = new float[rows * hidden];
        _b1 = new float[hidden];
        _w2 = new float[classes * hidden];
        _b2 = new float[classes];
        var random = new Random(seed);
        // The content vector has unit L2 norm, so a pre-activation's spread is that of one weight.
        var a1 = initScale * MathF.Sqrt(3f);
        for (var i = 0; i < _w1.Length; i++)
        {
            _w1[i] = ((float)random.NextDouble() * 2 - 1) * a1;
        }

        var a2 = MathF.Sqrt(6f / (hidden + classes));
        for (var i = 0; i < _w2.Length; i++)
        {
            _w2[i] = ((float)random.NextDouble() * 2 - 1) * a2;
        }
    }

    public int Rows { get; }

    public int Hidden { get; }

    public int Classes { get; }

    /// <summary>Adagrad steps instead of plain SGD: rare input rows keep a large step, frequent ones settle.</summary>
    public bool Adaptive
    {
        get => _g1 is not null;
        init
        {
            if (value)
            {
                _g1 = Filled(Rows, AccumulatorStart);
                _gb1 = Filled(Hidden, AccumulatorStart);
                _g2 = Filled(_w2.Length, AccumulatorStart);
                _gb2 = Filled(Classes, AccumulatorStart);
            }
        }
    }

    private const float AccumulatorStart = 0.1f;

    private static float[] Filled(int length, float value)
    {
        var a = new float[length];
        Array.Fill(a, value);
        return a;
    }

    private static float AdaptiveRate(float[]? accumulators, int i, float g, float rate)
    {
        if (accumulators is null)
        {
            return rate;
        }

        accumulators[i] += g * g;
        return rate / MathF.Sqrt(accumulators[i]);
    }

    /// <summary>The bucket → row map keeping the buckets that occur in at least <paramref name="minCount"/> of the vectors.</summary>
    public static (int[] RowOf, int Rows) RowMap(IEnumerable<SparseVector> vectors, int buckets, int minCount)
    {
        var counts = new int[buckets];
        foreach (var v in vectors)
        {
            foreach (var i in v.Indexes)
            {
                counts[i]++;
            }
        }

        var rowOf = new int[buckets];
        var rows = 0;
        for (var b = 0; b < buckets; b++)
        {
            rowOf[b] = counts[b] >= minCount ? rows++ : -1;
        }

        return (rowOf, rows);
    }

    /// <summary>Writes the logits into <paramref name="logits"/>; <paramref name="hidden"/> is scratch of size H.</summary>
    public void Logits(ReadOnlySpan<int> indexes, ReadOnlySpan<float> values, Span<double> logits, Span<float> hidden)
    {
        Forward(indexes, values, hidden);
        for (var j = 0; j < hidden.Length; j++)
        {
            hidden[j] = MathF.Max(hidden[j], 0);
        }

        Output(hidden, logits);
    }

    /// <summary>One SGD step on the softmax loss of one example; returns nothing, updates the weights in place.</summary>
    public void Step(ReadOnlySpan<int> indexes, ReadOnlySpan<float> values, int label, float rate, float dropout, Random random, Span<float> hidden, Span<float> gradient, Span<double> logits)
    {
        Forward(indexes, values, hidden);
        var keep = 1 / (1 - dropout);
        for (var j = 0; j < hidden.Length; j++)
        {
            // Inverted dropout: a dropped unit is 0, a kept one scaled so that the expectation is unchanged.
            hidden[j] = hidden[j] <= 0 || random.NextSingle() < dropout ? 0 : hidden[j] * keep;
        }

        Output(hidden, logits);
        LinearTopicModel.Softmax(logits, 1);
        logits[label] -= 1;
        gradient.Clear();
        for (var c = 0; c < Classes; c++)
        {
            var g = (float)logits[c];
            var row = _w2.AsSpan(c * Hidden, Hidden);
            for (var j = 0; j < Hidden; j++)
            {
                gradient[j] += g * row[j];
                var gw = g * hidden[j];
                row[j] -= AdaptiveRate(_g2, (c * Hidden) + j, gw, rate) * gw;
            }

            _b2[c] -= AdaptiveRate(_gb2, c, g, rate) * g;
        }

        for (var j = 0; j < Hidden; j++)
        {
            // ReLU and dropout: units at 0 pass no gradient; kept ones carry the dropout scale.
            gradient[j] = hidden[j] > 0 ? gradient[j] * keep : 0;
            _b1[j] -= AdaptiveRate(_gb1, j, gradient[j], rate) * gradient[j];
        }

        var squared = 0f;
        if (_g1 is not null)
        {
            for (var j = 0; j < Hidden; j++)
            {
                squared += gradient[j] * gradient[j];
            }

            squared /= Hidden;
        }

        for (var i = 0; i < indexes.Length; i++)
        {
            var r = _rowOf[indexes[i]];
            if (r < 0)
            {
                continue;
            }

            var v = values[i];
            AddScaled(_w1.AsSpan(r * Hidden, Hidden), gradient, -AdaptiveRate(_g1, r, v * v * squared, rate) * v);
        }
    }

    private void Forward(ReadOnlySpan<int> indexes, ReadOnlySpan<float> values, Span<float> hidden)
    {
        _b1.CopyTo(hidden);
        for (var i = 0; i < indexes.Length; i++)
        {
            var r = _rowOf[indexes[i]];
            if (r >= 0)
            {
                AddScaled(hidden, _w1.AsSpan(r * Hidden, Hidden), values[i]);
            }
        }
    }

    private void Output(ReadOnlySpan<float> hidden, Span<double> logits)
    {
        for (var c = 0; c < Classes; c++)
        {
            logits[c] = _b2[c] + Dot(_w2.AsSpan(c * Hidden, Hidden), hidden);
        }
    }

    private static void AddScaled(Span<float> into, ReadOnlySpan<float> row, float scale)
    {
        var width = Vector<float>.Count;
        for (var j = 0; j < into.Length; j += width)
        {
            (new Vector<float>(into[j..]) + (new Vector<float>(row[j..]) * scale)).CopyTo(into[j..]);
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var width = Vector<float>.Count;
        for (var j = 0; j < a.Length; j += width)
        {
            sum += new Vector<float>(a[j..]) * new Vector<float>(b[j..]);
        }

        return Vector.Sum(sum);
    }
}
