using System.Collections;
using System.Text.Json.Serialization;
using Marsad.Json;
using Marsad.Text;

namespace Marsad.Model;

/// <summary>
/// The clitic segments of one token: a view of <see cref="Count"/> entries of an array shared by the tokens of an
/// article, or one segment held inline (a word that is a single stem, most words). A value type: the text layer makes
/// one segment array per article instead of one per word (≈ 250 arrays per news article), and a single-stem word needs
/// no array at all. Read it like a list (<c>Count</c>, an indexer, <c>foreach</c> without allocation); in JSON it is an
/// array of segments, as before.
/// </summary>
[JsonConverter(typeof(SegmentListJsonConverter))]
public readonly struct SegmentList : IReadOnlyList<Segment>, IEquatable<SegmentList>
{
    private readonly Segment[]? _array;
    private readonly int _offset;
    private readonly int _count;
    private readonly Segment _single;

    /// <summary>The <paramref name="count"/> segments of <paramref name="array"/> from <paramref name="offset"/> (not copied: the array must not change after).</summary>
    public SegmentList(Segment[] array, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + count, array.Length, nameof(count));
        _array = array;
        _offset = offset;
        _count = count;
        _single = default;
    }

    /// <summary>One segment, held inline.</summary>
    public SegmentList(Segment single)
    {
        _array = null;
        _offset = 0;
        _count = 1;
        _single = single;
    }

    /// <summary>No segments (a token that is not a word).</summary>
    public static SegmentList Empty => default;

    public int Count => _count;

    public Segment this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _array is null ? _single : _array[_offset + index];
        }
    }

    /// <summary>The array this view reads (null when the list is empty or its one segment is inline) and where in it.</summary>
    internal Segment[]? Backing => _array;

    internal int Offset => _offset;

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Segment> IEnumerable<Segment>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Equal when the segments are equal, one by one.</summary>
    public bool Equals(SegmentList other)
    {
        if (_count != other._count)
        {
            return false;
        }

        for (var i = 0; i < _count; i++)
        {
            if (this[i] != other[i])
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is SegmentList other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in this)
        {
            hash.Add(segment);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(SegmentList left, SegmentList right) => left.Equals(right);

    public static bool operator !=(SegmentList left, SegmentList right) => !left.Equals(right);

    /// <summary>Enumerates the segments without allocating.</summary>
    public struct Enumerator : IEnumerator<Segment>
    {
        private readonly SegmentList _list;
        private int _index;

        internal Enumerator(SegmentList list)
        {
            _list = list;
            _index = -1;
        }

        public readonly Segment Current => _list[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _list.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
