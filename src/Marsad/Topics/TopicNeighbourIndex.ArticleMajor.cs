namespace Marsad.Topics;

/// <summary>
/// The index as format MRSDTOP3 stored it (article by article), still read so that older model files keep working:
/// loading rebuilds the buckets (about half a second and 40 MB of transient lists for the shipped index), and
/// <c>marsad train topics --convert IN --out OUT</c> re-saves such a file in the current format, exactly.
/// </summary>
internal sealed partial class TopicNeighbourIndex
{
    /// <summary>Writes the MRSDTOP3 layout: per article, its buckets ascending (delta-coded) and its values (half floats).</summary>
    internal void WriteArticleMajor(BinaryWriter w)
    {
        WriteHeader(w);
        var counts = new int[Articles];
        foreach (var posting in _postings)
        {
            counts[posting.Doc]++;
        }

        var starts = new int[Articles + 1];
        for (var d = 0; d < Articles; d++)
        {
            starts[d + 1] = starts[d] + counts[d];
        }

        var buckets = new int[_postings.Length];
        var values = new float[_postings.Length];
        var fill = starts[..^1];
        for (var b = 0; b < Buckets; b++)
        {
            for (var p = _bucketStart[b]; p < _bucketStart[b + 1]; p++)
            {
                var slot = fill[_postings[p].Doc]++;
                buckets[slot] = b;
                values[slot] = _postings[p].Value;
            }
        }

        for (var d = 0; d < Articles; d++)
        {
            w.Write7BitEncodedInt(counts[d]);
            var previous = 0;
            for (var i = starts[d]; i < starts[d + 1]; i++)
            {
                w.Write7BitEncodedInt(buckets[i] - previous);
                previous = buckets[i];
            }

            for (var i = starts[d]; i < starts[d + 1]; i++)
            {
                w.Write((Half)values[i]);
            }
        }
    }

    /// <summary>Reads the MRSDTOP3 layout and rebuilds the buckets: the same index as the file's model had in memory.</summary>
    public static TopicNeighbourIndex ReadArticleMajor(BinaryReader r, int buckets, int classes)
    {
        var (settings, labels) = ReadHeader(r, classes);
        var lists = new (int[] Buckets, float[] Values)[labels.Length];
        for (var d = 0; d < lists.Length; d++)
        {
            var n = r.Read7BitEncodedInt();
            if (n < 0 || n > buckets)
            {
                throw new InvalidDataException("implausible nearest-neighbour posting count");
            }

            var ids = new int[n];
            var values = new float[n];
            var previous = 0;
            for (var i = 0; i < n; i++)
            {
                previous += r.Read7BitEncodedInt();
                if ((uint)previous >= (uint)buckets)
                {
                    throw new InvalidDataException("nearest-neighbour bucket out of range");
                }

                ids[i] = previous;
            }

            for (var i = 0; i < n; i++)
            {
                values[i] = (float)r.ReadHalf();
            }

            lists[d] = (ids, values);
        }

        return FromLists(settings, buckets, lists, labels);
    }
}
