using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Marsad.Entities;

/// <summary>
/// Vectorised dot product and scaled addition over float spans, shared by word2vec, k-means, the tagger's dense
/// features and its neural layer. Compiled optimised at once: the tagger's timed passes are short, and tier-0 code
/// would run in them.
/// </summary>
internal static class VectorMath
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(b.Length, a.Length, nameof(b));
        var w = Vector<float>.Count;
        ref var ar = ref MemoryMarshal.GetReference(a);
        ref var br = ref MemoryMarshal.GetReference(b);
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - w; i += w)
        {
            sum += Vector.LoadUnsafe(ref ar, (nuint)i) * Vector.LoadUnsafe(ref br, (nuint)i);
        }

        var result = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    /// <summary>target += scale × source, over the target's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(source.Length, target.Length, nameof(source));
        var w = Vector<float>.Count;
        var s = new Vector<float>(scale);
        ref var tr = ref MemoryMarshal.GetReference(target);
        ref var sr = ref MemoryMarshal.GetReference(source);
        var i = 0;
        for (; i <= target.Length - w; i += w)
        {
            (Vector.LoadUnsafe(ref tr, (nuint)i) + (Vector.LoadUnsafe(ref sr, (nuint)i) * s)).StoreUnsafe(ref tr, (nuint)i);
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i] * scale;
        }
    }
}
