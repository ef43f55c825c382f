using System.Numerics;

namespace Marsad.Entities.Neural;

/// <summary>Adam (Kingma &amp; Ba 2015) over one flat parameter array, with the gradient clipped to a global norm first.</summary>
internal sealed class NerAdam
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;
    private readonly float[] _first;
    private readonly float[] _second;
    private int _steps;

    public NerAdam(int count, float rate, float clip)
    {
        _first = new float[count];
        _second = new float[count];
        Rate = rate;
        Clip = clip;
    }

    public float Rate { get; }

    public float Clip { get; }

    /// <summary>One step: <paramref name="parameters"/> move against <paramref name="gradient"/> (scaled first so its norm is at most <see cref="Clip"/>).</summary>
    public void Step(float[] parameters, float[] gradient)
    {
        double squares = 0;
        foreach (var g in gradient)
        {
            squares += g * g;
        }

        var norm = Math.Sqrt(squares);
        var scale = norm > Clip ? (float)(Clip / norm) : 1f;
        _steps++;
        var rate = Rate * (float)(Math.Sqrt(1 - Math.Pow(Beta2, _steps)) / (1 - Math.Pow(Beta1, _steps)));
        var b1 = new Vector<float>(Beta1);
        var b2 = new Vector<float>(Beta2);
        var oneMinusB1 = new Vector<float>((1 - Beta1) * scale);
        var oneMinusB2 = new Vector<float>((1 - Beta2) * scale * scale);
        var step = new Vector<float>(rate);
        var eps = new Vector<float>(Epsilon);
        var width = Vector<float>.Count;
        var i = 0;
        for (; i <= parameters.Length - width; i += width)
        {
            var g = new Vector<float>(gradient, i);
            var m = (b1 * new Vector<float>(_first, i)) + (oneMinusB1 * g);
            var v = (b2 * new Vector<float>(_second, i)) + (oneMinusB2 * g * g);
            m.CopyTo(_first, i);
            v.CopyTo(_second, i);
            (new Vector<float>(parameters, i) - (step * m / (Vector.SquareRoot(v) + eps))).CopyTo(parameters, i);
        }

        for (; i < parameters.Length; i++)
        {
            var g = gradient[i] * scale;
            _first[i] = (Beta1 * _first[i]) + ((1 - Beta1) * g);
            _second[i] = (Beta2 * _second[i]) + ((1 - Beta2) * g * g);
            parameters[i] -= rate * _first[i] / (MathF.Sqrt(_second[i]) + Epsilon);
        }
    }
}
