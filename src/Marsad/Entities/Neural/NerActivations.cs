using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;

namespace Marsad.Entities.Neural;

/// <summary>The LSTM's inference kernels: gathering the gate pre-activations, and one step's gates, cell and hidden state, a vector of lanes at a time (tanh x = 2 σ(2x) − 1).</summary>
internal static class NerActivations
{
    /// <summary>
    /// z = ((part + table row ids[0]) + table row ids[1] + …) + bias, where table row id is the <paramref name="z"/>-long
    /// slice at id × <paramref name="stride"/> + <paramref name="from"/>: one pass that keeps each lane in a register, with
    /// the additions in the same order as adding each span in turn (so the same sums).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather(Span<float> z, ReadOnlySpan<float> part, float[] table, int stride, int from, ReadOnlySpan<int> ids, ReadOnlySpan<float> bias)
    {
        var width = z.Length;
        if (part.Length < width || bias.Length < width || from < 0 || from + width > stride)
        {
            throw new ArgumentException("spans shorter than the target, or rows outside the table's stride");
        }

        foreach (var id in ids)
        {
            if (id < 0 || ((long)id * stride) + stride > table.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), "a category id outside the table");
            }
        }

        var w = Vector<float>.Count;
        ref var zr = ref MemoryMarshal.GetReference(z);
        ref var pr = ref MemoryMarshal.GetReference(part);
        ref var br = ref MemoryMarshal.GetReference(bias);
        ref var tr = ref MemoryMarshal.GetArrayDataReference(table);
        var k = 0;
        for (; k <= width - w; k += w)
        {
            var v = Vector.LoadUnsafe(ref pr, (nuint)k);
            foreach (var id in ids)
            {
                v += Vector.LoadUnsafe(ref tr, (nuint)((id * stride) + from + k));
            }

            (v + Vector.LoadUnsafe(ref br, (nuint)k)).StoreUnsafe(ref zr, (nuint)k);
        }

        for (; k < width; k++)
        {
            var v = part[k];
            foreach (var id in ids)
            {
                v += table[(id * stride) + from + k];
            }

            z[k] = v + bias[k];
        }
    }

    /// <summary>
    /// One LSTM step's gates, cell and hidden state in a single pass over the H units: <paramref name="z"/> holds the
    /// pre-activations i, f, g, o (4H) and is left holding the activated gates; c = i·g (+ f·c_prev after the first step)
    /// and h = o·tanh(c). The same arithmetic as the former separate passes (σ over i and f as one 2H span, tanh over g,
    /// σ over o, then the scalar update) when H is a multiple of the vector width, as the shipped H = 32 is: every lane
    /// then takes the vector or the scalar exp as before, so the results are the same bit for bit. For other H a few lanes
    /// of i and f switch between the vector and the scalar exp, which may differ in the last bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LstmStep(Span<float> z, ReadOnlySpan<float> previousCells, Span<float> cells, Span<float> hidden, bool first)
    {
        var h = hidden.Length;
        var w = Vector<float>.Count;
        var one = Vector<float>.One;
        var two = new Vector<float>(2f);
        var minusOne = new Vector<float>(-1f);
        var minusTwo = new Vector<float>(-2f);
        var zero = Vector<float>.Zero;
        ref var zr = ref MemoryMarshal.GetReference(z);
        var k = 0;
        if (z.Length >= 4 * h && cells.Length >= h && (first || previousCells.Length >= h))
        {
            ref var cr = ref MemoryMarshal.GetReference(cells);
            ref var hr = ref MemoryMarshal.GetReference(hidden);
            ref var pr = ref MemoryMarshal.GetReference(previousCells);
            for (; k <= h - w; k += w)
            {
                var o = (nuint)k;
                // σ(x) = 1 / (1 + e^(−1·x)) + 0 and tanh x = 2 / (1 + e^(−2·x)) − 1, in the former passes' form.
                var ig = (one / (one + Exp(minusOne * Vector.LoadUnsafe(ref zr, o)))) + zero;
                var fg = (one / (one + Exp(minusOne * Vector.LoadUnsafe(ref zr, o + (nuint)h)))) + zero;
                var gg = (two / (one + Exp(minusTwo * Vector.LoadUnsafe(ref zr, o + (nuint)(2 * h))))) + minusOne;
                var og = (one / (one + Exp(minusOne * Vector.LoadUnsafe(ref zr, o + (nuint)(3 * h))))) + zero;
                ig.StoreUnsafe(ref zr, o);
                fg.StoreUnsafe(ref zr, o + (nuint)h);
                gg.StoreUnsafe(ref zr, o + (nuint)(2 * h));
                og.StoreUnsafe(ref zr, o + (nuint)(3 * h));
                var c = (ig * gg) + (first ? zero : fg * Vector.LoadUnsafe(ref pr, o));
                c.StoreUnsafe(ref cr, o);
                var tc = (two / (one + Exp(minusTwo * c))) + minusOne;
                (tc * og).StoreUnsafe(ref hr, o);
            }
        }

        // The lanes left over (H not a multiple of the vector width): the scalar forms of the same functions.
        for (; k < h; k++)
        {
            var ig = z[k] = (1f / (1f + MathF.Exp(-1f * z[k]))) + 0f;
            var fg = z[h + k] = (1f / (1f + MathF.Exp(-1f * z[h + k]))) + 0f;
            var gg = z[(2 * h) + k] = (2f / (1f + MathF.Exp(-2f * z[(2 * h) + k]))) + -1f;
            var og = z[(3 * h) + k] = (1f / (1f + MathF.Exp(-1f * z[(3 * h) + k]))) + 0f;
            var c = cells[k] = (ig * gg) + (first ? 0f : fg * previousCells[k]);
            hidden[k] = ((2f / (1f + MathF.Exp(-2f * c))) + -1f) * og;
        }
    }

    /// <summary>
    /// e^x a vector at a time: 2^n through the float exponent bits times 2^f (|f| ≤ ½) by a degree-6 polynomial (relative
    /// error below 1e-6). Inlined here, where the library's Vector.Exp ran as unoptimised tier-0 code in the profile.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Exp(Vector<float> x)
    {
        x = Vector.Min(Vector.Max(x, new Vector<float>(-87f)), new Vector<float>(88f));
        var t = x * new Vector<float>(1.44269504f);
        var n = Vector.Floor(t + new Vector<float>(0.5f));
        var f = (t - n) * new Vector<float>(0.693147181f);
        var p = new Vector<float>(1f / 720);
        p = (p * f) + new Vector<float>(1f / 120);
        p = (p * f) + new Vector<float>(1f / 24);
        p = (p * f) + new Vector<float>(1f / 6);
        p = (p * f) + new Vector<float>(0.5f);
        p = (p * f) + Vector<float>.One;
        p = (p * f) + Vector<float>.One;
        return p * Vector.AsVectorSingle((Vector.ConvertToInt32(n) + new Vector<int>(127)) << 23);
    }

    /// <summary>
    /// z += Wᵀ h for W stored transposed (h.Length rows of z.Length): eight vector accumulators stay in registers
    /// while h is read, instead of loading and storing z once per hidden unit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddProduct(Span<float> z, ReadOnlySpan<float> transposed, ReadOnlySpan<float> h)
    {
        var w = Vector<float>.Count;
        var width = z.Length;
        ref var zr = ref MemoryMarshal.GetReference(z);
        ref var tr = ref MemoryMarshal.GetReference(transposed);
        var at = 0;
        for (; at + (8 * w) <= width; at += 8 * w)
        {
            var o = (nuint)at;
            var a0 = Vector.LoadUnsafe(ref zr, o);
            var a1 = Vector.LoadUnsafe(ref zr, o + (nuint)w);
            var a2 = Vector.LoadUnsafe(ref zr, o + (nuint)(2 * w));
            var a3 = Vector.LoadUnsafe(ref zr, o + (nuint)(3 * w));
            var a4 = Vector.LoadUnsafe(ref zr, o + (nuint)(4 * w));
            var a5 = Vector.LoadUnsafe(ref zr, o + (nuint)(5 * w));
            var a6 = Vector.LoadUnsafe(ref zr, o + (nuint)(6 * w));
            var a7 = Vector.LoadUnsafe(ref zr, o + (nuint)(7 * w));
            for (var k = 0; k < h.Length; k++)
            {
                var hk = new Vector<float>(h[k]);
                var r = (nuint)((k * width) + at);
                a0 += hk * Vector.LoadUnsafe(ref tr, r);
                a1 += hk * Vector.LoadUnsafe(ref tr, r + (nuint)w);
                a2 += hk * Vector.LoadUnsafe(ref tr, r + (nuint)(2 * w));
                a3 += hk * Vector.LoadUnsafe(ref tr, r + (nuint)(3 * w));
                a4 += hk * Vector.LoadUnsafe(ref tr, r + (nuint)(4 * w));
                a5 += hk * Vector.LoadUnsafe(ref tr, r + (nuint)(5 * w));
                a6 += hk * Vector.LoadUnsafe(ref tr, r + (nuint)(6 * w));
                a7 += hk * Vector.LoadUnsafe(ref tr, r + (nuint)(7 * w));
            }

            a0.StoreUnsafe(ref zr, o);
            a1.StoreUnsafe(ref zr, o + (nuint)w);
            a2.StoreUnsafe(ref zr, o + (nuint)(2 * w));
            a3.StoreUnsafe(ref zr, o + (nuint)(3 * w));
            a4.StoreUnsafe(ref zr, o + (nuint)(4 * w));
            a5.StoreUnsafe(ref zr, o + (nuint)(5 * w));
            a6.StoreUnsafe(ref zr, o + (nuint)(6 * w));
            a7.StoreUnsafe(ref zr, o + (nuint)(7 * w));
        }

        for (; at < width; at++)
        {
            var sum = z[at];
            for (var k = 0; k < h.Length; k++)
            {
                sum += h[k] * transposed[(k * width) + at];
            }

            z[at] = sum;
        }
    }
}
