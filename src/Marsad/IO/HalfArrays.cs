using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Marsad.IO;

/// <summary>Arrays of half-precision values in model files, read in bulk.</summary>
internal static class HalfArrays
{
    /// <summary>
    /// Reads <c>destination.Length</c> little-endian halves (as <see cref="BinaryWriter.Write(Half)"/> writes them) as
    /// floats, in chunks of bytes rather than one call per value: model weights are millions of values, and reading
    /// them one by one was most of a model's load time. <see cref="BinaryReader"/> reads no further ahead than asked,
    /// so its base stream is at the first half.
    /// </summary>
    public static void Read(BinaryReader reader, Span<float> destination)
    {
        Span<Half> chunk = stackalloc Half[4096];
        while (!destination.IsEmpty)
        {
            var part = chunk[..Math.Min(chunk.Length, destination.Length)];
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(part));
            if (!BitConverter.IsLittleEndian)
            {
                var raw = MemoryMarshal.Cast<Half, ushort>(part);
                BinaryPrimitives.ReverseEndianness(raw, raw);
            }

            for (var i = 0; i < part.Length; i++)
            {
                destination[i] = (float)part[i];
            }

            destination = destination[part.Length..];
        }
    }
}
