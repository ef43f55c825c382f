using System.IO.Compression;
using System.Runtime.CompilerServices;
using Marsad.Entities.Features;
using Marsad.Entities.Neural;
using Marsad.Errors;
using Marsad.IO;

namespace Marsad.Entities;

/// <summary>
/// A trained NER model: the feature extractor's resources (lexicon with word clusters, gazetteer,
/// enabled feature groups), one weight per (feature hash, tag) and the tag transition weights.
/// Immutable and thread-safe; <see cref="Tag"/> runs feature extraction and constrained Viterbi.
/// Stored as one gzip binary file.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "marsad-ner-model-5";

    /// <summary>The format before n-gram (subword) vectors were stored; still readable.</summary>
    private const string MagicVersion4 = "marsad-ner-model-4";

    /// <summary>The format before lexicon vectors and dense weights were stored; still readable.</summary>
    private const string MagicVersion3 = "marsad-ner-model-3";
    private const int T = 9;

    private readonly NerWeightTable _weights;
    private readonly float[] _transitions;
    private readonly NerDenseFeatures? _dense;
    private readonly float[] _denseProjections = [];

    /// <summary>The transitions Viterbi uses: the CRF's, or the CRF's mixed with the neural layer's.</summary>
    private readonly float[] _decodeTransitions;

    public NerModel(NerFeatureExtractor extractor, ulong[] keys, float[] weights, float[] transitions, NerDenseFeatures? dense = null)
        : this(extractor, new NerWeightTable(keys, weights), transitions, dense)
    {
    }

    private NerModel(NerFeatureExtractor extractor, NerWeightTable weights, float[] transitions, NerDenseFeatures? dense)
    {
        if (transitions.Length != (T + 1) * T)
        {
            throw new ArgumentException("transition weights do not match the tags");
        }

        Extractor = extractor;
        _weights = weights;
        _transitions = transitions;
        _dense = dense is not null && extractor.Lexicon.VectorDimensions == dense.Dimensions ? dense : null;
        _denseProjections = _dense?.Project(extractor.Lexicon) ?? [];
        _decodeTransitions = transitions;
    }

    private NerModel(NerModel other, bool documentConsistency, NerNeuralLayer? neural)
    {
        Extractor = other.Extractor;
        _weights = other._weights;
        _transitions = other._transitions;
        _dense = other._dense;
        _denseProjections = other._denseProjections;
        OutsideBias = other.OutsideBias;
        DocumentConsistency = documentConsistency;
        Neural = neural;
        _decodeTransitions = neural?.CombineTransitions(_transitions) ?? _transitions;
    }

    public NerFeatureExtractor Extractor { get; }

    /// <summary>The word-vector features and their weights, when the model has them.</summary>
    public NerDenseFeatures? Dense => _dense;

    /// <summary>The same model with document consistency switched on or off (weights are shared).</summary>
    public NerModel WithDocumentConsistency(bool on) => new(this, on, Neural);

    /// <summary>The BiLSTM-CRF layer whose scores are mixed into the CRF's, when one is attached.</summary>
    public NerNeuralLayer? Neural { get; }

    /// <summary>The same model with a neural layer attached (or detached with null); the CRF weights are shared.</summary>
    public NerModel WithNeural(NerNeuralLayer? neural) => new(this, DocumentConsistency, neural);

    /// <summary>The same model decoding with another O-tag penalty (for measuring it on dev; the weights are shared).</summary>
    public NerModel WithOutsideBias(float bias) => new(this, DocumentConsistency, Neural) { OutsideBias = bias };

    public int FeatureCount => _weights.Count;

    /// <summary>A penalty subtracted from the O tag's score at every token, chosen on dev to trade precision for recall.</summary>
    public float OutsideBias { get; init; }

    /// <summary>Tags a sentence; returns tag indexes (see <see cref="NerTags"/>) into <paramref name="tags"/>.</summary>
    // The tagging path (this, the extractor, the weight table, Viterbi, consistency) is compiled optimised at once: a
    // short run otherwise spends much of its time in tier-0 code (docs/performance.md, NER, session 6).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Tag(NerTokenSpans sentence, NerFeatureBuffer buffer, Span<int> tags)
    {
        var n = sentence.Count;
        if (n == 0)
        {
            return;
        }

        var emissions = n * T <= 4096 ? stackalloc float[n * T] : new float[n * T];
        Emissions(sentence, buffer, emissions);
        Neural?.Combine(buffer, n, emissions);
        NerViterbi.Decode(emissions, _decodeTransitions, n, tags);
    }

    /// <summary>Extracts the sentence's features into <paramref name="buffer"/> and writes the CRF's tag scores (n × 9, O penalty included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Emissions(NerTokenSpans sentence, NerFeatureBuffer buffer, Span<float> emissions)
    {
        var n = sentence.Count;
        Extractor.Extract(sentence, buffer);
        emissions = emissions[..(n * T)];
        for (var i = 0; i < n; i++)
        {
            var row = emissions.Slice(i * T, T);
            _weights.Sum(buffer.FeaturesOf(i), row);
            row[NerTags.O] -= OutsideBias;
        }

        _dense?.AddEmissions(_denseProjections, buffer.Rows.AsSpan(0, n), n, emissions);
        if (Extractor.Subwords is not null)
        {
            _dense?.AddComposedEmissions(buffer.Composed, buffer.ComposedVectors, n, emissions);
        }
    }

    /// <summary>Whether <see cref="TagDocument"/> applies <see cref="NerDocumentConsistency"/> (chosen on dev).</summary>
    public bool DocumentConsistency { get; init; }

    /// <summary>Tags the sentences of one document; then, when enabled, makes names consistent across them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int[][] TagDocument(IReadOnlyList<NerTokenSpans> sentences, NerFeatureBuffer buffer, bool? consistency = null)
    {
        var tags = new int[sentences.Count][];
        var forms = new string[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            tags[s] = new int[sentences[s].Count];
            Tag(sentences[s], buffer, tags[s]);
            forms[s] = buffer.Standalone.AsSpan(0, sentences[s].Count).ToArray();
        }

        if (consistency ?? DocumentConsistency)
        {
            NerDocumentConsistency.Apply(forms, tags);
        }

        return tags;
    }

    /// <summary>Tags tokens given as strings; returns tag names.</summary>
    public string[] Tag(IReadOnlyList<string> tokens)
    {
        var tags = new int[tokens.Count];
        Tag(NerTokenSpans.FromTokens(tokens), new NerFeatureBuffer(), tags);
        return tags.Select(t => NerTags.Names[t]).ToArray();
    }

    public void Save(string path) => FileReplacement.Write(path, Write);

    private void Write(Stream file)
    {
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip);
        // Without subword vectors the file is exactly the previous format (a retrained model stays byte-identical).
        writer.Write(Extractor.Subwords is null ? MagicVersion4 : Magic);
        writer.Write((int)Extractor.Groups);
        writer.Write(OutsideBias);
        writer.Write(DocumentConsistency);
        Extractor.Lexicon.Write(writer);
        Extractor.Gazetteer.Write(writer);
        var (keys, weights) = _weights.ToArrays();
        writer.Write(keys.Length);
        foreach (var key in keys)
        {
            writer.Write(key);
        }

        // Half precision: the averaged perceptron's weights need no more, and the file halves.
        foreach (var w in weights)
        {
            writer.Write((Half)w);
        }

        foreach (var w in _transitions)
        {
            writer.Write(w);
        }

        writer.Write(_dense is not null);
        if (_dense is not null)
        {
            writer.Write(_dense.Window);
            writer.Write(_dense.Dimensions);
            writer.Write(_dense.Scale);
            foreach (var w in _dense.Weights)
            {
                writer.Write(w);
            }
        }

        if (Extractor.Subwords is not null)
        {
            writer.Write(true);
            Extractor.Subwords.Write(writer);
        }
    }

    public static NerModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new MarsadException(ErrorCodes.BadModel, $"NER model not found: {path}", path);
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
            var magic = reader.ReadString();
            if (magic is not (Magic or MagicVersion4 or MagicVersion3))
            {
                throw new MarsadException(ErrorCodes.BadModel, "not a Marsad NER model", path);
            }

            var groups = (NerFeatureGroups)reader.ReadInt32();
            var outsideBias = reader.ReadSingle();
            var consistency = reader.ReadBoolean();
            var lexicon = NerLexicon.Read(reader, withVectors: magic != MagicVersion3);
            var gazetteer = NerGazetteer.Read(reader);
            var count = reader.ReadInt32();
            if (count is < 0 or > NerWeightTable.MaxFeatures)
            {
                throw new InvalidDataException($"implausible feature count {count}");
            }

            var keys = new ulong[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = reader.ReadUInt64();
            }

            var weights = NerWeightTable.Read(reader, keys);

            var transitions = new float[(T + 1) * T];
            for (var i = 0; i < transitions.Length; i++)
            {
                transitions[i] = reader.ReadSingle();
            }

            NerDenseFeatures? dense = null;
            if (magic != MagicVersion3 && reader.ReadBoolean())
            {
                var window = reader.ReadInt32();
                var dimensions = reader.ReadInt32();
                var scale = reader.ReadSingle();
                var denseWeights = new float[NerDenseFeatures.WeightCount(window, dimensions)];
                for (var i = 0; i < denseWeights.Length; i++)
                {
                    denseWeights[i] = reader.ReadSingle();
                }

                dense = new NerDenseFeatures(window, dimensions, scale, denseWeights);
            }

            var subwords = magic == Magic && reader.ReadBoolean() ? NerSubwordVectors.Read(reader, lexicon) : null;
            return new NerModel(new NerFeatureExtractor(lexicon, gazetteer, groups, subwords), weights, transitions, dense) { OutsideBias = outsideBias, DocumentConsistency = consistency };
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            // ArgumentException: parts that do not fit together (e.g. a feature key twice) rejected by their constructors.
            throw new MarsadException(ErrorCodes.BadModel, $"NER model is corrupt: {e.Message}", path);
        }
    }
}
