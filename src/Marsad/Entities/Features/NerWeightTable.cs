using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Marsad.IO;

namespace Marsad.Entities.Features;

/// <summary>
/// The CRF's feature weights keyed by feature hash: an open-addressing table with linear probing whose
/// slot holds the 64-bit hash and the feature's 9 tag weights side by side (16 floats, one 64-byte cache
/// line), at most half full. Tagging looks up
/// some 60 hashes per token in a table far larger than the caches; with the key, row number and weights in three
/// arrays a hit cost up to three cache misses, here one. A token's scores
/// are summed in registers (8 tags as one vector, the ninth apart) in the order of its features, so they
/// are bit-for-bit the sums of one weight at a time. Immutable after construction, thread-safe.
/// </summary>
public sealed class NerWeightTable
{
    /// <summary>Tags per feature.</summary>
    public const int Tags = 9;

    /// <summary>Floats per slot: the key (two floats' worth), the 9 weights, the row number, padding to 64 bytes.</summary>
    private const int Stride = 16;
    private const int WeightOffset = 2;
    private const int RowOffset = WeightOffset + Tags;

    /// <summary>Features whose home slots are read ahead at once (a token has about 60).</summary>
    private const int Batch = 128;

    /// <summary>The most features a table holds (16.7 M; the shipped model has 369k): twice as many 64-byte slots fit an array.</summary>
    public const int MaxFeatures = 1 << 24;

    /// <summary>Weight rows read from a model file at a time.</summary>
    private const int ReadRows = 4096;

    private readonly float[] _slots;

    /// <summary>Index of the first slot in <see cref="_slots"/>: the pinned array is aligned to 64 bytes from there.</summary>
    private readonly int _start;

    /// <summary>The number of slots: twice the features, so that a miss (most looked-up hashes are not in the model) ends after a slot or two.</summary>
    private readonly int _size;

    /// <summary>The weights of the (improbable) zero hash, which marks empty slots; null when no feature has it.</summary>
    private float[]? _zeroWeights;
    private int _zeroRow = -1;

    /// <summary>Stores <paramref name="weights"/> (keys.Length × 9, row i for key i). Keys must be distinct.</summary>
    public NerWeightTable(ReadOnlySpan<ulong> keys, ReadOnlySpan<float> weights)
        : this(keys, out var slots)
    {
        if (weights.Length != keys.Length * Tags)
        {
            throw new ArgumentException("weights do not match the feature keys");
        }

        for (var row = 0; row < keys.Length; row++)
        {
            SetWeights(slots[row], row, weights.Slice(row * Tags, Tags));
        }
    }

    /// <summary>Places the keys; <paramref name="slots"/> gets each row's slot (-1 for the zero hash).</summary>
    // Runs once per load over 369k features: compiled optimised at once instead of starting in tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private NerWeightTable(ReadOnlySpan<ulong> keys, out int[] slots)
    {
        if (keys.Length > MaxFeatures)
        {
            throw new ArgumentException($"more than {MaxFeatures} features");
        }

        _size = Math.Max(16, keys.Length * 2);

        // Pinned, so that every slot can start on a cache line boundary. Not advised to 2 MB pages (madvise): that
        // saved page faults at load but made the rest of the pipeline slower (docs/performance.md, NER, session 6).
        const int align = 64;
        var bytes = (long)_size * Stride * sizeof(float);
        _slots = GC.AllocateArray<float>((int)((bytes + align) / sizeof(float)), pinned: true);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(_slots, 0);
        _start = (int)((align - (address % align)) % align) / sizeof(float);
        slots = new int[keys.Length];
        var zeroSeen = false;
        for (var row = 0; row < keys.Length; row++)
        {
            var key = keys[row];
            if (key == 0)
            {
                if (zeroSeen)
                {
                    throw new ArgumentException("duplicate feature key");
                }

                (zeroSeen, slots[row]) = (true, -1);
                continue;
            }

            var slot = SlotOf(key);
            while (KeyAt(slot) != 0)
            {
                if (KeyAt(slot) == key)
                {
                    throw new ArgumentException("duplicate feature key");
                }

                slot = Next(slot);
            }

            KeyAt(slot) = key;
            Unsafe.As<float, int>(ref _slots[_start + (slot * Stride) + RowOffset]) = row;
            slots[row] = slot;
        }

        Count = keys.Length;
    }

    /// <summary>
    /// Reads the weights of <paramref name="keys"/> from a model file (keys.Length × 9 halves, row by row) straight into
    /// the table, without a float array of them all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static NerWeightTable Read(BinaryReader reader, ReadOnlySpan<ulong> keys)
    {
        var table = new NerWeightTable(keys, out var slots);
        var chunk = new float[ReadRows * Tags];
        for (var from = 0; from < keys.Length; from += ReadRows)
        {
            var rows = Math.Min(ReadRows, keys.Length - from);
            HalfArrays.Read(reader, chunk.AsSpan(0, rows * Tags));
            for (var r = 0; r < rows; r++)
            {
                table.SetWeights(slots[from + r], from + r, chunk.AsSpan(r * Tags, Tags));
            }
        }

        return table;
    }

    /// <summary>The number of features.</summary>
    public int Count { get; }

    /// <summary>The keys and weights in the order they were given (the model file's order).</summary>
    public (ulong[] Keys, float[] Weights) ToArrays()
    {
        var keys = new ulong[Count];
        var weights = new float[Count * Tags];
        for (var slot = 0; slot < _size; slot++)
        {
            var key = KeyAt(slot);
            if (key != 0)
            {
                var row = Unsafe.As<float, int>(ref _slots[_start + (slot * Stride) + RowOffset]);
                keys[row] = key;
                _slots.AsSpan(_start + (slot * Stride) + WeightOffset, Tags).CopyTo(weights.AsSpan(row * Tags, Tags));
            }
        }

        if (_zeroWeights is not null)
        {
            keys[_zeroRow] = 0;
            _zeroWeights.CopyTo(weights.AsSpan(_zeroRow * Tags, Tags));
        }

        return (keys, weights);
    }

    /// <summary>
    /// Writes into <paramref name="scores"/> (9 floats) the sum of the weights of <paramref name="features"/>,
    /// added one feature after another in their order (features the model lacks add nothing).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sum(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (scores.Length < Tags)
        {
            throw new ArgumentException("scores hold fewer than 9 floats", nameof(scores));
        }

        var first = Vector256<float>.Zero;
        var last = 0f;
        ref var slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        Span<int> homes = stackalloc int[Math.Min(Batch, features.Length)];
        Span<ulong> found = stackalloc ulong[homes.Length];
        for (var from = 0; from < features.Length; from += Batch)
        {
            var batch = features.Slice(from, Math.Min(Batch, features.Length - from));

            // First read the key in every feature's home slot: these loads depend on nothing, so the batch's
            // cache misses overlap instead of waiting one after another behind the probe loop's branches.
            for (var k = 0; k < batch.Length; k++)
            {
                var slot = SlotOf(batch[k]);
                homes[k] = slot;
                found[k] = Unsafe.As<float, ulong>(ref Unsafe.Add(ref slots, _start + (slot * Stride)));
            }

            for (var k = 0; k < batch.Length; k++)
            {
                var key = batch[k];
                ref var weights = ref Unsafe.NullRef<float>();
                if (key == 0)
                {
                    if (_zeroWeights is not null)
                    {
                        weights = ref MemoryMarshal.GetArrayDataReference(_zeroWeights);
                    }
                }
                else
                {
                    var slot = homes[k];
                    var stored = found[k];
                    while (stored != 0)
                    {
                        if (stored == key)
                        {
                            weights = ref Unsafe.Add(ref slots, _start + (slot * Stride) + WeightOffset);
                            break;
                        }

                        slot = Next(slot);
                        stored = Unsafe.As<float, ulong>(ref Unsafe.Add(ref slots, _start + (slot * Stride)));
                    }
                }

                if (!Unsafe.IsNullRef(ref weights))
                {
                    first += Vector256.LoadUnsafe(ref weights);
                    last += Unsafe.Add(ref weights, Tags - 1);
                }
            }
        }

        first.StoreUnsafe(ref MemoryMarshal.GetReference(scores));
        scores[Tags - 1] = last;
    }

    private void SetWeights(int slot, int row, ReadOnlySpan<float> weights)
    {
        if (slot < 0)
        {
            (_zeroWeights, _zeroRow) = (weights.ToArray(), row);
        }
        else
        {
            weights.CopyTo(_slots.AsSpan(_start + (slot * Stride) + WeightOffset, Tags));
        }
    }

    private ref ulong KeyAt(int slot) => ref Unsafe.As<float, ulong>(ref _slots[_start + (slot * Stride)]);

    // Fibonacci hashing spreads the FNV hashes' high-entropy bits; the top 32 of them, times the size, pick the slot.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(ulong key) => (int)((((key * 0x9E3779B97F4A7C15UL) >> 32) * (ulong)(uint)_size) >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Next(int slot) => slot + 1 == _size ? 0 : slot + 1;
}
