namespace Marsad.Keyphrases;

/// <summary>
/// A map from 64-bit keys (hashes of words and phrases) to ints: open addressing with linear probing over flat
/// arrays, so a lookup touches one or two cache lines and compares no strings. <see cref="Clear"/> is O(1)
/// (entries carry the generation that wrote them), which lets one instance serve article after article.
/// Not thread-safe for writing; read-only use after construction is safe from any thread.
/// </summary>
internal sealed class KeyIndex
{
    private ulong[] _keys;
    private int[] _values;
    private int[] _generations;
    private int _generation = 1;
    private int _mask;

    public KeyIndex(int capacity)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _keys = new ulong[size];
        _values = new int[size];
        _generations = new int[size];
        _mask = size - 1;
    }

    public int Count { get; private set; }

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        Count = 0;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_generations);
            _generation = 1;
        }
    }

    public bool TryGetValue(ulong key, out int value)
    {
        for (var i = Slot(key); _generations[i] == _generation; i = (i + 1) & _mask)
        {
            if (_keys[i] == key)
            {
                value = _values[i];
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>The value stored for <paramref name="key"/>, added as 0 when absent (<paramref name="exists"/> false).</summary>
    public ref int GetOrAdd(ulong key, out bool exists)
    {
        if ((Count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        var i = Slot(key);
        for (; _generations[i] == _generation; i = (i + 1) & _mask)
        {
            if (_keys[i] == key)
            {
                exists = true;
                return ref _values[i];
            }
        }

        exists = false;
        Count++;
        _keys[i] = key;
        _values[i] = 0;
        _generations[i] = _generation;
        return ref _values[i];
    }

    // The keys are FNV hashes already; a multiply-shift spreads their high bits over the table.
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & _mask;

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        var generations = _generations;
        var generation = _generation;
        _keys = new ulong[keys.Length * 2];
        _values = new int[keys.Length * 2];
        _generations = new int[keys.Length * 2];
        _mask = _keys.Length - 1;
        _generation = 1;
        Count = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            if (generations[k] == generation)
            {
                GetOrAdd(keys[k], out _) = values[k];
            }
        }
    }
}
