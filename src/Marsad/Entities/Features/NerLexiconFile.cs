using System.IO.Compression;
using Marsad.Errors;

namespace Marsad.Entities.Features;

/// <summary>Reads and writes a <see cref="NerLexicon"/> on its own (gzip binary), the input of NER training.</summary>
public static class NerLexiconFile
{
    private const string Magic = "marsad-ner-lexicon-2";

    /// <summary>The format before word vectors were stored; still readable.</summary>
    private const string MagicWithoutVectors = "marsad-ner-lexicon-1";

    public static void Save(NerLexicon lexicon, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        lexicon.Write(writer);
    }

    public static NerLexicon Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new MarsadException(ErrorCodes.BadModel, $"NER lexicon not found: {path}");
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
            var magic = reader.ReadString();
            if (magic is not (Magic or MagicWithoutVectors))
            {
                throw new MarsadException(ErrorCodes.BadModel, $"not a Marsad NER lexicon: {path}");
            }

            return NerLexicon.Read(reader, withVectors: magic == Magic);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new MarsadException(ErrorCodes.BadModel, $"NER lexicon is corrupt: {path}: {e.Message}");
        }
    }
}
