using System.Numerics;

namespace Marsad.Entities.Neural;

/// <summary>The LSTM's sigmoid and tanh in place over a span, a vector of lanes at a time (tanh x = 2 σ(2x) − 1).</summary>
internal static class NerActivations
{
    public static void Sigmoid(Span<float> values) => Logistic(values, 1f, 1f, 0f);

    public static void Tanh(Span<float> values) => Logistic(values, 2f, 2f, -1f);

    /// <summary>values[k] = scale · σ(slope · values[k]) + shift.</summary>
    private static void Logistic(Span<float> values, float slope, float scale, float shift)
    {
        var one = Vector<float>.One;
        var minusSlope = new Vector<float>(-slope);
        var vScale = new Vector<float>(scale);
        var vShift = new Vector<float>(shift);
        var width = Vector<float>.Count;
        var k = 0;
        for (; k <= values.Length - width; k += width)
        {
            var x = new Vector<float>(values[k..]);
            ((vScale / (one + Vector.Exp(minusSlope * x))) + vShift).CopyTo(values[k..]);
        }

        for (; k < values.Length; k++)
        {
            values[k] = (scale / (1f + MathF.Exp(-slope * values[k]))) + shift;
        }
    }
}
