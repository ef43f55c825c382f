using System.IO.Compression;
using Marsad.Entities.Features;
using Marsad.Errors;
using Marsad.IO;
using System.Runtime.CompilerServices;

namespace Marsad.Entities.Neural;

/// <summary>
/// The neural layer as the CRF tagger uses it: one or more <see cref="NerNeuralNetwork"/>s (an ensemble of networks
/// trained with different seeds over the same CRF), the input builder over the CRF's own feature extractor, and the
/// mix of the two scores chosen on dev: emissions and transitions are <see cref="CrfWeight"/> × CRF +
/// <see cref="NeuralWeight"/> × the mean of the networks' (CrfWeight 0 gives the networks alone).
/// Stored as its own gzip file beside the CRF model.
/// </summary>
public sealed class NerNeuralLayer
{
    private const string Magic = "marsad-ner-neural-2";

    /// <summary>An ensemble: format 2's header, then the network count and each network's shape and parameters.</summary>
    private const string EnsembleMagic = "marsad-ner-neural-3";

    /// <summary>More networks than any ensemble worth its tagging time: a corrupt count must not reach a huge loop.</summary>
    private const int MaxNetworks = 16;

    /// <summary>The first format, without the input fingerprint: still read, unchecked.</summary>
    private const string MagicWithoutFingerprint = "marsad-ner-neural-1";
    private const int T = NerNeuralShape.Tags;

    /// <summary>
    /// The most frequent lexicon rows whose input projections are computed when the layer is made (≈ 1 KB and a few
    /// microseconds each): they are most tokens of news text, so tagging rarely computes one.
    /// </summary>
    private const int WarmRows = 4096;

    public NerNeuralLayer(NerNeuralNetwork network, NerFeatureExtractor extractor, float crfWeight, float neuralWeight)
        : this([network], extractor, crfWeight, neuralWeight)
    {
    }

    /// <summary>An ensemble: the networks' emissions and transitions are averaged before the mix.</summary>
    public NerNeuralLayer(IReadOnlyList<NerNeuralNetwork> networks, NerFeatureExtractor extractor, float crfWeight, float neuralWeight)
        : this(networks, extractor, crfWeight, neuralWeight, FingerprintOf(extractor))
    {
    }

    /// <param name="fingerprint">The extractor's <see cref="FingerprintOf"/>, when the caller has it already.</param>
    private NerNeuralLayer(IReadOnlyList<NerNeuralNetwork> networks, NerFeatureExtractor extractor, float crfWeight, float neuralWeight, ulong fingerprint)
    {
        if (networks.Count is < 1 or > MaxNetworks)
        {
            throw new ArgumentException($"an ensemble holds 1 to {MaxNetworks} networks, not {networks.Count}");
        }

        Networks = networks.ToArray();
        Inputs = new NerNeuralInputs(extractor, networks[0].Shape.NgramBuckets);
        foreach (var network in Networks)
        {
            if (Inputs.CategoryCount != network.Shape.CategoryCount || Inputs.WordDimensions != network.Shape.WordDimensions)
            {
                throw new ArgumentException("the neural layer was trained with another lexicon");
            }
        }

        CrfWeight = crfWeight;
        NeuralWeight = neuralWeight;
        InputFingerprint = fingerprint;
        _projections = new NerNeuralProjections[Networks.Count];
        for (var k = 0; k < _projections.Length; k++)
        {
            _projections[k] = new NerNeuralProjections(Networks[k], Inputs);
            _projections[k].Warm(WarmRows);
        }
    }

    /// <summary>Another mix or grouping of networks whose projections are already made (they depend on the network only).</summary>
    private NerNeuralLayer(NerNeuralNetwork[] networks, NerNeuralProjections[] projections, NerNeuralInputs inputs, ulong fingerprint, float crfWeight, float neuralWeight)
    {
        Networks = networks;
        _projections = projections;
        Inputs = inputs;
        InputFingerprint = fingerprint;
        CrfWeight = crfWeight;
        NeuralWeight = neuralWeight;
    }

    private readonly NerNeuralProjections[] _projections;

    /// <summary>The first (with one network, the only) network.</summary>
    public NerNeuralNetwork Network => Networks[0];

    /// <summary>The ensemble's networks (one for a single layer).</summary>
    public IReadOnlyList<NerNeuralNetwork> Networks { get; }

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

    /// <summary>The same networks with another mix.</summary>
    public NerNeuralLayer WithMix(NerFeatureExtractor extractor, float crfWeight, float neuralWeight) =>
        FingerprintOf(extractor) == InputFingerprint
            ? new([.. Networks], _projections, Inputs, InputFingerprint, crfWeight, neuralWeight)
            : new(Networks, extractor, crfWeight, neuralWeight);

    /// <summary>The networks of several layers, trained over the CRF whose extractor is given, as one ensemble with the given mix.</summary>
    public static NerNeuralLayer Ensemble(IReadOnlyList<NerNeuralLayer> layers, NerFeatureExtractor extractor, float crfWeight, float neuralWeight)
    {
        var fingerprint = FingerprintOf(extractor);
        if (layers.Count == 0 || layers.Any(l => l.InputFingerprint != fingerprint))
        {
            throw new ArgumentException("an ensemble needs layers trained over this CRF model");
        }

        return new([.. layers.SelectMany(l => l.Networks)], [.. layers.SelectMany(l => l._projections)], layers[0].Inputs, fingerprint, crfWeight, neuralWeight);
    }

    /// <summary>Mixes the networks' scores for the sentence last extracted into <paramref name="buffer"/> into the CRF's <paramref name="emissions"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Combine(NerFeatureBuffer buffer, int n, Span<float> emissions)
    {
        var sentence = Inputs.Build(buffer, n, withNgrams: false);
        var neural = n * T <= 4096 ? stackalloc float[n * T] : new float[n * T];
        Networks[0].Emissions(sentence, neural, _projections[0]);
        if (_projections.Length > 1)
        {
            var more = n * T <= 4096 ? stackalloc float[n * T] : new float[n * T];
            for (var m = 1; m < _projections.Length; m++)
            {
                Networks[m].Emissions(sentence, more, _projections[m]);
                VectorMath.AddScaled(neural, more, 1f);
            }
        }

        // With one network the weight is NeuralWeight itself: a single layer mixes exactly as before the ensembles.
        var weight = NeuralWeight / _projections.Length;
        for (var k = 0; k < n * T; k++)
        {
            emissions[k] = (CrfWeight * emissions[k]) + (weight * neural[k]);
        }
    }

    /// <summary>The mixed transition scores (the networks' averaged).</summary>
    public float[] CombineTransitions(ReadOnlySpan<float> crf)
    {
        var nn = Networks[0].Transitions.ToArray();
        for (var m = 1; m < Networks.Count; m++)
        {
            VectorMath.AddScaled(nn, Networks[m].Transitions, 1f);
        }

        var weight = NeuralWeight / Networks.Count;
        var mixed = new float[crf.Length];
        for (var k = 0; k < mixed.Length; k++)
        {
            mixed[k] = (CrfWeight * crf[k]) + (weight * nn[k]);
        }

        return mixed;
    }

    public void Save(string path) => FileReplacement.Write(path, Write);

    private void Write(Stream file)
    {
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip);
        // One network keeps format 2 (a single layer's file is what it was before ensembles).
        writer.Write(Networks.Count == 1 ? Magic : EnsembleMagic);
        writer.Write(InputFingerprint);
        if (Networks.Count == 1)
        {
            WriteShape(writer, Network.Shape);
            writer.Write(CrfWeight);
            writer.Write(NeuralWeight);
            WriteParameters(writer, Network);
            return;
        }

        writer.Write(CrfWeight);
        writer.Write(NeuralWeight);
        writer.Write(Networks.Count);
        foreach (var network in Networks)
        {
            WriteShape(writer, network.Shape);
            WriteParameters(writer, network);
        }
    }

    private static void WriteShape(BinaryWriter writer, NerNeuralShape shape)
    {
        writer.Write(shape.WordDimensions);
        writer.Write(shape.NgramBuckets);
        writer.Write(shape.NgramDimensions);
        writer.Write(shape.CategoryCount);
        writer.Write(shape.CategoryDimensions);
        writer.Write(shape.Hidden);
    }

    private static void WriteParameters(BinaryWriter writer, NerNeuralNetwork network)
    {
        // Half precision halves the file; the n-gram table is most of it.
        foreach (var w in network.Parameters)
        {
            writer.Write((Half)w);
        }
    }

    private static NerNeuralNetwork ReadNetwork(BinaryReader reader, NerNeuralShape shape)
    {
        var parameters = new float[shape.ParameterCount];
        HalfArrays.Read(reader, parameters);
        return new NerNeuralNetwork(shape, parameters);
    }

    private static NerNeuralShape ReadShape(BinaryReader reader)
    {
        var shape = new NerNeuralShape(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        return shape.Problem() is { } problem ? throw new InvalidDataException(problem) : shape;
    }

    private static (float Crf, float Neural) ReadWeights(BinaryReader reader)
    {
        var crfWeight = reader.ReadSingle();
        var neuralWeight = reader.ReadSingle();
        return float.IsFinite(crfWeight) && float.IsFinite(neuralWeight) ? (crfWeight, neuralWeight) : throw new InvalidDataException("mix weights are not finite");
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
            if (magic != Magic && magic != MagicWithoutFingerprint && magic != EnsembleMagic)
            {
                throw new MarsadException(ErrorCodes.BadModel, "not a Marsad NER neural layer", path);
            }

            // Checked before the networks are read and their projections built and warmed: a layer over another CRF is
            // refused at once, with the error that says so.
            var expected = FingerprintOf(extractor);
            if (magic != MagicWithoutFingerprint && reader.ReadUInt64() != expected)
            {
                throw new MarsadException(
                    ErrorCodes.BadModel, "NER neural layer was trained over another CRF model (its lexicon or feature groups differ); retrain it over this one", path);
            }

            NerNeuralLayer layer;
            if (magic == EnsembleMagic)
            {
                var (crfWeight, neuralWeight) = ReadWeights(reader);
                var count = reader.ReadInt32();
                if (count is < 1 or > MaxNetworks)
                {
                    throw new InvalidDataException($"network count out of range ({count})");
                }

                var networks = new NerNeuralNetwork[count];
                for (var m = 0; m < count; m++)
                {
                    networks[m] = ReadNetwork(reader, ReadShape(reader));
                }

                layer = new NerNeuralLayer(networks, extractor, crfWeight, neuralWeight, expected);
            }
            else
            {
                var shape = ReadShape(reader);
                var (crfWeight, neuralWeight) = ReadWeights(reader);
                layer = new NerNeuralLayer([ReadNetwork(reader, shape)], extractor, crfWeight, neuralWeight, expected);
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
