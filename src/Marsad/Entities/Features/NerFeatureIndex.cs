namespace Marsad.Entities.Features;

/// <summary>
/// Maps feature hashes to weight rows: an open-addressing table with linear probing over parallel
/// arrays. Tagging looks up some 60 hashes per token, and this table answers a lookup in about half
/// the time of a <see cref="Dictionary{TKey, TValue}"/>. Immutable after construction.
/// </summary>
public sealed class NerFeatureIndex
{
    private readonly ulong[] _slots;
    private readonly int[] _rows;
    private readonly int _shift;
    private readonly int _zeroRow = -1;

    /// <summary>Indexes <paramref name="keys"/>: key i gets row i. Keys must be distinct.</summary>
    public NerFeatureIndex(ulong[] keys)
    {
        Keys = keys;
        var bits = 4;
        while ((1 << bits) < keys.Length * 2)
        {
            bits++;
        }

        _shift = 64 - bits;
        _slots = new ulong[1 << bits];
        _rows = new int[1 << bits];
        var mask = (1 << bits) - 1;
        for (var row = 0; row < keys.Length; row++)
        {
            var key = keys[row];
            if (key == 0)
            {
                // 0 marks an empty slot, so the (improbable) zero hash is kept aside.
                _zeroRow = row;
                continue;
            }

            var slot = SlotOf(key);
            while (_slots[slot] != 0)
            {
                if (_slots[slot] == key)
                {
                    throw new ArgumentException("duplicate feature key");
                }

                slot = (slot + 1) & mask;
            }

            _slots[slot] = key;
            _rows[slot] = row;
        }
    }

    /// <summary>The keys in row order.</summary>
    public ulong[] Keys { get; }

    public int Count => Keys.Length;

    /// <summary>The row of <paramref name="key"/>, or -1 when the model has no such feature.</summary>
    public int RowOf(ulong key)
    {
        if (key == 0)
        {
            return _zeroRow;
        }

        var mask = _slots.Length - 1;
        var slot = SlotOf(key);
        while (true)
        {
            var stored = _slots[slot];
            if (stored == key)
            {
                return _rows[slot];
            }

            if (stored == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    // Fibonacci hashing: spreads the FNV hashes' high-entropy bits over the table.
    private int SlotOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
