using System.IO.Compression;
using Marsad.Entities.Features;
using Marsad.Errors;
using Marsad.IO;
using System.Runtime.CompilerServices;

namespace Marsad.Entities.Neural;

/// <summary>
/// The neural layer as the CRF tagger uses it: a <see cref="NerNeuralNetwork"/>, the input builder over the CRF's
/// own feature extractor, and the mix of the two scores chosen on dev: emissions and transitions are
/// <see cref="CrfWeight"/> × CRF + <see cref="NeuralWeight"/> × network (CrfWeight 0 gives the network alone).
/// Stored as its own gzip file beside the CRF model.
/// </summary>
public sealed class NerNeuralLayer
{
    private const string Magic = "marsad-ner-neural-2";

    /// <summary>The first format, without the input fingerprint: still read, unchecked.</summary>
    private const string MagicWithoutFingerprint = "marsad-ner-neural-1";
    private const int T = NerNeuralShape.Tags;

    /// <summary>
    /// The most frequent lexicon rows whose input projections are computed when the layer is made (≈ 1 KB and a few
    /// microseconds each): they are most tokens of news text, so tagging rarely computes one.
    /// </summary>
    private const int WarmRows = 4096;

    public NerNeuralLayer(NerNeuralNetwork network, NerFeatureExtractor extractor, float crfWeight, float neuralWeight)
    {
        Network = network;
        Inputs = new NerNeuralInputs(extractor, network.Shape.NgramBuckets);
        if (Inputs.CategoryCount != network.Shape.CategoryCount || Inputs.WordDimensions != network.Shape.WordDimensions)
        {
            throw new ArgumentException("the neural layer was trained with another lexicon");
        }

        CrfWeight = crfWeight;
        NeuralWeight = neuralWeight;
        InputFingerprint = FingerprintOf(extractor);
        _projections = new NerNeuralProjections(network, Inputs);
        _projections.Warm(WarmRows);
    }

    private readonly NerNeuralProjections _projections;

    public NerNeuralNetwork Network { get; }

    public NerNeuralInputs Inputs { get; }

    public float CrfWeight { get; }

    /// <summary>
    /// What ties the layer to the CRF model whose extractor feeds it: the lexicon's words in row order, its vector and
    /// cluster sizes, and the feature groups. Over another lexicon a row would read another word's vector, clusters and
    /// cached projection; the file stores it and loading over a different extractor is refused.
    /// </summary>
    public ulong InputFingerprint { get; }

    private static ulong FingerprintOf(NerFeatureExtractor extractor)
    {
        var lexicon = extractor.Lexicon;
        var hash = 14695981039346656037UL; // FNV-1a, 64 bits
        Add(ref hash, (ulong)lexicon.VectorCount);
        Add(ref hash, (ulong)lexicon.VectorDimensions);
        foreach (var k in lexicon.ClusterCounts)
        {
            Add(ref hash, (ulong)k);
        }

        Add(ref hash, (ulong)extractor.Groups);
        for (var row = 0; row < lexicon.VectorCount; row++)
        {
            foreach (var c in lexicon.WordOf(row))
            {
                Add(ref hash, c);
            }

            Add(ref hash, 0x10000); // word separator: not a char value
        }

        return hash;

        static void Add(ref ulong h, ulong value) => h = (h ^ value) * 1099511628211UL;
    }

    public float NeuralWeight { get; }

    /// <summary>The same network with another mix.</summary>
    public NerNeuralLayer WithMix(NerFeatureExtractor extractor, float crfWeight, float neuralWeight) => new(Network, extractor, crfWeight, neuralWeight);

    /// <summary>Mixes the network's scores for the sentence last extracted into <paramref name="buffer"/> into the CRF's <paramref name="emissions"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Combine(NerFeatureBuffer buffer, int n, Span<float> emissions)
    {
        var sentence = Inputs.Build(buffer, n, withNgrams: false);
        var neural = n * T <= 4096 ? stackalloc float[n * T] : new float[n * T];
        Network.Emissions(sentence, neural, _projections);
        for (var k = 0; k < n * T; k++)
        {
            emissions[k] = (CrfWeight * emissions[k]) + (NeuralWeight * neural[k]);
        }
    }

    /// <summary>The mixed transition scores.</summary>
    public float[] CombineTransitions(ReadOnlySpan<float> crf)
    {
        var nn = Network.Transitions;
        var mixed = new float[crf.Length];
        for (var k = 0; k < mixed.Length; k++)
        {
            mixed[k] = (CrfWeight * crf[k]) + (NeuralWeight * nn[k]);
        }

        return mixed;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip);
        var shape = Network.Shape;
        writer.Write(Magic);
        writer.Write(InputFingerprint);
        writer.Write(shape.WordDimensions);
        writer.Write(shape.NgramBuckets);
        writer.Write(shape.NgramDimensions);
        writer.Write(shape.CategoryCount);
        writer.Write(shape.CategoryDimensions);
        writer.Write(shape.Hidden);
        writer.Write(CrfWeight);
        writer.Write(NeuralWeight);
        // Half precision halves the file; the n-gram table is most of it.
        foreach (var w in Network.Parameters)
        {
            writer.Write((Half)w);
        }
    }

    /// <summary>Loads a layer saved by <see cref="Save"/> for the CRF model whose extractor it was trained with.</summary>
    public static NerNeuralLayer Load(string path, NerFeatureExtractor extractor)
    {
        if (!File.Exists(path))
        {
            throw new MarsadException(ErrorCodes.BadModel, $"NER neural layer not found: {path}", path);
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
            var magic = reader.ReadString();
            if (magic != Magic && magic != MagicWithoutFingerprint)
            {
                throw new MarsadException(ErrorCodes.BadModel, "not a Marsad NER neural layer", path);
            }

            ulong? fingerprint = magic == Magic ? reader.ReadUInt64() : null;

            var shape = new NerNeuralShape(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            if (shape.Problem() is { } problem)
            {
                throw new InvalidDataException(problem);
            }

            var crfWeight = reader.ReadSingle();
            var neuralWeight = reader.ReadSingle();
            if (!float.IsFinite(crfWeight) || !float.IsFinite(neuralWeight))
            {
                throw new InvalidDataException("mix weights are not finite");
            }

            var parameters = new float[shape.ParameterCount];
            HalfArrays.Read(reader, parameters);
            var layer = new NerNeuralLayer(new NerNeuralNetwork(shape, parameters), extractor, crfWeight, neuralWeight);
            if (fingerprint is { } stored && stored != layer.InputFingerprint)
            {
                throw new MarsadException(
                    ErrorCodes.BadModel, "NER neural layer was trained over another CRF model (its lexicon or feature groups differ); retrain it over this one", path);
            }

            return layer;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new MarsadException(ErrorCodes.BadModel, $"NER neural layer is corrupt: {e.Message}", path);
        }
        catch (ArgumentException e)
        {
            // The layer's inputs do not fit the CRF model's lexicon: it was trained over another model.
            throw new MarsadException(ErrorCodes.BadModel, $"NER neural layer does not fit the CRF model it is loaded with ({e.Message}); retrain it over that model", path);
        }
    }
}
