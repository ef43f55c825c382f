using System.Runtime.CompilerServices;

namespace Marsad.Topics;

/// <summary>
/// Reads a section of non-negative 7-bit encoded integers (as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes
/// them) of known byte length from a stream, 64 KB at a time and never past the section's end, so that millions of
/// them decode in a tight loop over a buffer instead of one reader call each.
/// </summary>
internal sealed class SevenBitSection
{
    private const int MaxBytes = 5; // an int takes at most five 7-bit groups

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private long _unread;
    private int _position;
    private int _end;

    public SevenBitSection(Stream stream, long length)
    {
        if (length < 0)
        {
            throw new InvalidDataException("negative section length");
        }

        _stream = stream;
        _unread = length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Next()
    {
        if (_end - _position < MaxBytes && _unread > 0)
        {
            Refill();
        }

        var result = 0u;
        for (var shift = 0; shift < MaxBytes * 7; shift += 7)
        {
            if (_position >= _end)
            {
                throw new InvalidDataException("a 7-bit section ends inside a number");
            }

            var b = _buffer[_position++];
            if (shift == 28 && b > 0x07)
            {
                throw new InvalidDataException("a 7-bit number does not fit a non-negative int");
            }

            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (int)result;
            }
        }

        throw new InvalidDataException("a 7-bit number does not fit a non-negative int");
    }

    /// <summary>Throws unless every byte of the section was read.</summary>
    public void EnsureConsumed()
    {
        if (_unread != 0 || _position != _end)
        {
            throw new InvalidDataException("a 7-bit section is longer than its numbers");
        }
    }

    private void Refill()
    {
        var kept = _end - _position;
        _buffer.AsSpan(_position, kept).CopyTo(_buffer);
        var read = (int)Math.Min(_unread, _buffer.Length - kept);
        _stream.ReadExactly(_buffer, kept, read);
        _unread -= read;
        _position = 0;
        _end = kept + read;
    }
}
