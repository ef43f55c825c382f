using System.IO.Compression;
using System.Text;
using Marsad.Errors;
using Marsad.IO;
using Marsad.Model;

namespace Marsad.Topics;

/// <summary>
/// A multinomial logistic-regression topic model over hashed features of the text layer's tokens, with a
/// softmax temperature fitted on dev data so that its scores are calibrated probabilities. Immutable once built.
/// </summary>
public sealed class LinearTopicModel
{
    private const string Magic = "MRSDTOP2";

    /// <summary>
    /// The same format followed by a nearest-neighbour index (<see cref="TopicNeighbourIndex"/>) stored article by
    /// article: still loaded (the buckets are rebuilt), no longer written.
    /// </summary>
    private const string MagicWithArticleMajorNeighbours = "MRSDTOP3";

    /// <summary>The same format followed by a nearest-neighbour index stored bucket by bucket, as it is held in memory.</summary>
    private const string MagicWithNeighbours = "MRSDTOP4";

    internal LinearTopicModel(string featureName, TopicFeatureOptions options, string[] labels, float[] weights, float[] bias, float temperature, IReadOnlyCollection<string>? knownSources = null, float[]? idf = null, float? contentTemperature = null, TopicNeighbourIndex? neighbours = null)
    {
        if (featureName != TopicFeatureExtractor.Name)
        {
            throw new MarsadException(ErrorCodes.BadModel, $"the model was trained with the unknown feature function '{featureName}'");
        }

        if (neighbours is not null && neighbours.Buckets != options.Buckets)
        {
            throw new MarsadException(ErrorCodes.BadModel, "the model's nearest-neighbour index does not match its hash size");
        }

        if (options.Has(TopicFeatureFamilies.Idf) != (idf is not null) || (idf is not null && idf.Length != options.Buckets) || weights.Length != options.Buckets * labels.Length)
        {
            throw new MarsadException(ErrorCodes.BadModel, "the model's weights or inverse document frequencies do not match its options");
        }

        KnownSources = (knownSources ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Options = options;
        Labels = labels;
        Bias = bias;
        Temperature = temperature;
        ContentTemperature = contentTemperature ?? temperature;
        Neighbours = neighbours;

        // One row per bucket: the classes' weights, then the bucket's IDF, padded to a multiple of 8 floats
        // (32 bytes) and aligned to 32 bytes, so that a feature costs one cache line, not two or three.
        Stride = (labels.Length + 1 + 7) / 8 * 8;
        _rows = GC.AllocateArray<float>((options.Buckets * Stride) + 16, pinned: true);
        _rowOffset = (int)((32 - (System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(_rows, 0) % 32)) % 32) / sizeof(float);
        for (var b = 0; b < options.Buckets; b++)
        {
            var row = _rowOffset + (b * Stride);
            weights.AsSpan(b * labels.Length, labels.Length).CopyTo(_rows.AsSpan(row));
            _rows[row + labels.Length] = idf is null ? 1f : (float)(Half)idf[b]; // as stored in the file
        }

        Extractor = new TopicFeatureExtractor(options, idf is null ? null : new IdfTable(_rows, _rowOffset + labels.Length, Stride));
    }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The outlets seen in training: outlet features are used only for these (others would hit untrained buckets).</summary>
    public IReadOnlySet<string> KnownSources { get; }

    /// <summary>The softmax temperature (scores = softmax(logits / T)).</summary>
    public float Temperature { get; }

    /// <summary>The softmax temperature for articles read without their outlet (fitted on dev the same way).</summary>
    public float ContentTemperature { get; }

    internal TopicFeatureOptions Options { get; }

    /// <summary>The training articles' nearest-neighbour vote mixed into the scores, when the model was trained with one.</summary>
    internal TopicNeighbourIndex? Neighbours { get; }

    /// <summary>The nearest-neighbour settings (k, β, features, the mix's temperatures), or null for the linear model alone.</summary>
    public TopicNeighbourSettings? NeighbourSettings => Neighbours?.Settings;

    /// <summary>Floats per bucket row in <see cref="_rows"/>: the weights of every class, the IDF, padding.</summary>
    internal int Stride { get; }

    private readonly float[] _rows;
    private readonly int _rowOffset;

    internal float[] Bias { get; }

    internal TopicFeatureExtractor Extractor { get; }

    /// <summary>The same model with other nearest-neighbour settings (for measuring k, β and the query's features on dev).</summary>
    public LinearTopicModel WithNeighbourSettings(TopicNeighbourSettings settings) =>
        new(TopicFeatureExtractor.Name, Options, [.. Labels], ExportWeights(), Bias, Temperature, KnownSources, Extractor.Idf is null ? null : ExportIdf(), ContentTemperature, Neighbours?.With(settings));

    private float[] ExportWeights()
    {
        var weights = new float[Options.Buckets * Labels.Count];
        for (var b = 0; b < Options.Buckets; b++)
        {
            _rows.AsSpan(_rowOffset + (b * Stride), Labels.Count).CopyTo(weights.AsSpan(b * Labels.Count));
        }

        return weights;
    }

    private float[] ExportIdf()
    {
        var idf = new float[Options.Buckets];
        for (var b = 0; b < idf.Length; b++)
        {
            idf[b] = _rows[_rowOffset + (b * Stride) + Labels.Count];
        }

        return idf;
    }

    /// <summary>
    /// Writes the calibrated probability of every label (in <see cref="Labels"/> order) into
    /// <paramref name="probabilities"/>. The article must carry the text layer's tokens.
    /// </summary>
    public void Predict(AnalyzedArticle doc, Span<double> probabilities, bool useSource = true)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (probabilities.Length != Labels.Count)
        {
            throw new ArgumentException($"expected {Labels.Count} slots", nameof(probabilities));
        }

        var source = useSource ? KnownSource(doc.Article.Source) : null;
        var features = TopicFeatureExtractor.ThreadBuffer;
        Extractor.Collect(doc, source, features);
        for (var c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] = Bias[c];
        }

        AddRowLogits(features.ContentIndexes, features.ContentValues, probabilities);
        AddRowLogits(features.SourceIndexes, features.SourceValues, probabilities);
        var temperature = source is null ? ContentTemperature : Temperature;
        if (Neighbours is { } neighbours)
        {
            // The words only: the fixed-value indicators at the end of the content part are not indexed.
            var words = features.ContentCount - features.FixedCount;
            neighbours.Mix(features.ContentIndexes[..words], features.ContentValues[..words], probabilities, temperature, withSource: source is not null);
        }
        else
        {
            Softmax(probabilities, temperature);
        }
    }

    /// <summary>Calibrated probabilities of every label for an analysed article (text layer run).</summary>
    public double[] Predict(AnalyzedArticle doc, bool useSource = true)
    {
        var p = new double[Labels.Count];
        Predict(doc, p, useSource);
        return p;
    }

    /// <summary>Calibrated probabilities for a title and text (runs the text layer first; for tests and tools).</summary>
    public double[] Predict(string? title, string text, string? source = null) =>
        Predict(TopicDocuments.Prepare(new TopicRecord("-", source, string.Empty, title, text)));

    internal string? KnownSource(string? source) =>
        Options.Has(TopicFeatureFamilies.Source) && source is not null && KnownSources.Contains(source.Trim()) ? source : null;

    private void AddRowLogits(ReadOnlySpan<int> indexes, ReadOnlySpan<float> values, Span<double> scores)
    {
        var classes = scores.Length;
        for (var i = 0; i < indexes.Length; i++)
        {
            var row = _rows.AsSpan(_rowOffset + (indexes[i] * Stride), classes);
            var v = values[i];
            for (var c = 0; c < row.Length; c++)
            {
                scores[c] += row[c] * v;
            }
        }
    }

    /// <summary>Adds x · W to the scores, for weights laid out bucket-major ([bucket * classes + class]), as in training.</summary>
    internal static void AddLogits(ReadOnlySpan<int> indexes, ReadOnlySpan<float> values, float[] weights, Span<double> scores)
    {
        var classes = scores.Length;
        for (var i = 0; i < indexes.Length; i++)
        {
            var row = weights.AsSpan(indexes[i] * classes, classes);
            var v = values[i];
            for (var c = 0; c < row.Length; c++)
            {
                scores[c] += row[c] * v;
            }
        }
    }

    internal static void Softmax(Span<double> scores, double temperature)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp((scores[c] - max) / temperature);
            sum += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }

    /// <summary>Writes the model gzip-compressed, weights as half-precision floats.</summary>
    public void Save(string path) => Save(path, articleMajorIndex: false);

    /// <summary>Writes the model; <paramref name="articleMajorIndex"/> writes the older MRSDTOP3 layout (for tests of its reader).</summary>
    internal void Save(string path, bool articleMajorIndex) => FileReplacement.Write(path, file => Write(file, articleMajorIndex));

    private void Write(Stream file, bool articleMajorIndex)
    {
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var w = new BinaryWriter(gzip, Encoding.UTF8))
        {
            WriteLinearPart(w, articleMajorIndex);
            if (articleMajorIndex)
            {
                Neighbours?.WriteArticleMajor(w);
            }
        }

        if (!articleMajorIndex && Neighbours is { } neighbours)
        {
            // A second gzip member, stored (not compressed): deflate saved only 14 % of the shipped index and inflating
            // it was most of the index's load time. A gzip reader reads the two members as one stream.
            using var stored = new GZipStream(file, CompressionLevel.NoCompression);
            using var w = new BinaryWriter(stored, Encoding.UTF8);
            neighbours.Write(w);
        }
    }

    private void WriteLinearPart(BinaryWriter w, bool articleMajorIndex)
    {
        w.Write(Neighbours is null ? Magic : articleMajorIndex ? MagicWithArticleMajorNeighbours : MagicWithNeighbours);
        w.Write(TopicFeatureExtractor.Name);
        w.Write(Options.HashBits);
        w.Write((int)Options.Families);
        w.Write(Labels.Count);
        foreach (var label in Labels)
        {
            w.Write(label);
        }

        w.Write(Temperature);
        foreach (var b in Bias)
        {
            w.Write(b);
        }

        for (var b = 0; b < Options.Buckets; b++)
        {
            var row = _rowOffset + (b * Stride);
            for (var c = 0; c < Labels.Count; c++)
            {
                w.Write((Half)_rows[row + c]);
            }
        }

        if (Extractor.Idf is { } idf)
        {
            for (var b = 0; b < Options.Buckets; b++)
            {
                w.Write((Half)idf[b]);
            }
        }

        w.Write(KnownSources.Count);
        foreach (var source in KnownSources.Order(StringComparer.Ordinal))
        {
            w.Write(source);
        }

        w.Write(ContentTemperature);
    }

    public static LinearTopicModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new MarsadException(ErrorCodes.BadModel, "the topic model file is missing", path);
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var r = new BinaryReader(new BufferedStream(gzip, 1 << 16), Encoding.UTF8);
            var magic = r.ReadString();
            if (magic is not (Magic or MagicWithArticleMajorNeighbours or MagicWithNeighbours))
            {
                throw new MarsadException(ErrorCodes.BadModel, "not a Marsad topic model of this version (retrain with `marsad train topics`)", path);
            }

            var featureName = r.ReadString();
            var hashBits = r.ReadInt32();
            if (hashBits is < 8 or > 26)
            {
                throw new MarsadException(ErrorCodes.BadModel, $"implausible hash size 2^{hashBits}", path);
            }

            var options = new TopicFeatureOptions(hashBits, (TopicFeatureFamilies)r.ReadInt32());
            var labels = new string[r.ReadInt32()];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = r.ReadString();
            }

            var temperature = r.ReadSingle();
            var bias = new float[labels.Length];
            for (var i = 0; i < bias.Length; i++)
            {
                bias[i] = r.ReadSingle();
            }

            var weights = new float[options.Buckets * labels.Length];
            HalfArrays.Read(r, weights);

            float[]? idf = null;
            if (options.Has(TopicFeatureFamilies.Idf))
            {
                idf = new float[options.Buckets];
                HalfArrays.Read(r, idf);
            }

            var sources = new string[r.ReadInt32()];
            for (var i = 0; i < sources.Length; i++)
            {
                sources[i] = r.ReadString();
            }

            var contentTemperature = r.ReadSingle();
            var neighbours = magic switch
            {
                MagicWithNeighbours => TopicNeighbourIndex.Read(r, options.Buckets, labels.Length),
                MagicWithArticleMajorNeighbours => TopicNeighbourIndex.ReadArticleMajor(r, options.Buckets, labels.Length),
                _ => null,
            };
            if (r.BaseStream.ReadByte() != -1)
            {
                throw new InvalidDataException("bytes after the end of the model");
            }

            return new LinearTopicModel(featureName, options, labels, weights, bias, temperature, sources, idf, contentTemperature, neighbours);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or FormatException)
        {
            throw new MarsadException(ErrorCodes.BadModel, $"the topic model cannot be read: {e.Message}", path);
        }
    }
}
