using System.Numerics;

namespace Marsad.Entities;

/// <summary>Vectorised dot product and scaled addition over float spans, shared by word2vec, k-means and the tagger's dense features.</summary>
internal static class VectorMath
{
    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var result = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    internal static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var i = 0;
        var s = new Vector<float>(scale);
        for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            (new Vector<float>(target[i..]) + (new Vector<float>(source[i..]) * s)).CopyTo(target[i..]);
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i] * scale;
        }
    }
}
