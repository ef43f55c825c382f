using System.IO.Compression;
using System.Text;
using Marsad.Errors;

namespace Marsad.Topics;

/// <summary>
/// A multinomial logistic-regression topic model over hashed features, with a softmax temperature
/// fitted on dev data so that its scores are calibrated probabilities. Immutable once built.
/// </summary>
public sealed class LinearTopicModel
{
    private const string Magic = "MRSDTOP1";

    internal LinearTopicModel(string analyzerName, TopicFeatureOptions options, string[] labels, float[] weights, float[] bias, float temperature, IReadOnlyCollection<string>? knownSources = null)
    {
        KnownSources = (knownSources ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        AnalyzerName = analyzerName;
        Options = options;
        Labels = labels;
        Weights = weights;
        Bias = bias;
        Temperature = temperature;
        Extractor = new TopicFeatureExtractor(options, analyzerName == FallbackTermAnalyzer.Instance.Name
            ? FallbackTermAnalyzer.Instance
            : throw new MarsadException(ErrorCodes.BadModel, $"the model was trained with the unknown analyser '{analyzerName}'"));
    }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The outlets seen in training: outlet features are used only for these (others would hit untrained buckets).</summary>
    public IReadOnlySet<string> KnownSources { get; }

    /// <summary>The softmax temperature (scores = softmax(logits / T)).</summary>
    public float Temperature { get; }

    internal string AnalyzerName { get; }

    internal TopicFeatureOptions Options { get; }

    /// <summary>Weights laid out bucket-major: [bucket * classes + class].</summary>
    internal float[] Weights { get; }

    internal float[] Bias { get; }

    internal TopicFeatureExtractor Extractor { get; }

    /// <summary>Calibrated probabilities of every label for an article's title and text.</summary>
    public double[] Predict(string? title, string text, string? source = null)
    {
        var logits = Logits(Extractor.Extract(title, text), Weights, Bias, Labels.Count);
        if (Options.SourceFeatures && source is not null && KnownSources.Contains(source.Trim()))
        {
            AddLogits(Extractor.ExtractSource(source, title, text), Weights, logits);
        }

        Softmax(logits, Temperature);
        return logits;
    }

    internal static void AddLogits(SparseVector x, float[] weights, double[] scores)
    {
        var classes = scores.Length;
        for (var i = 0; i < x.Indexes.Length; i++)
        {
            var row = x.Indexes[i] * classes;
            var v = x.Values[i];
            for (var c = 0; c < classes; c++)
            {
                scores[c] += weights[row + c] * v;
            }
        }
    }

    internal static double[] Logits(SparseVector x, float[] weights, float[] bias, int classes)
    {
        var scores = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            scores[c] = bias[c];
        }

        for (var i = 0; i < x.Indexes.Length; i++)
        {
            var row = x.Indexes[i] * classes;
            var v = x.Values[i];
            for (var c = 0; c < classes; c++)
            {
                scores[c] += weights[row + c] * v;
            }
        }

        return scores;
    }

    internal static void Softmax(double[] scores, double temperature)
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
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gzip, Encoding.UTF8);
        w.Write(Magic);
        w.Write(AnalyzerName);
        w.Write(Options.HashBits);
        w.Write(Options.StemUnigrams);
        w.Write(Options.StemBigrams);
        w.Write(Options.CharMin);
        w.Write(Options.CharMax);
        w.Write(Options.SourceFeatures);
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

        foreach (var weight in Weights)
        {
            w.Write((Half)weight);
        }

        w.Write(KnownSources.Count);
        foreach (var source in KnownSources.Order(StringComparer.Ordinal))
        {
            w.Write(source);
        }
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
            if (r.ReadString() != Magic)
            {
                throw new MarsadException(ErrorCodes.BadModel, "not a Marsad topic model", path);
            }

            var analyzer = r.ReadString();
            var options = new TopicFeatureOptions(r.ReadInt32(), r.ReadBoolean(), r.ReadBoolean(), r.ReadInt32(), r.ReadInt32(), r.ReadBoolean());
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
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)r.ReadHalf();
            }

            var sources = new string[r.ReadInt32()];
            for (var i = 0; i < sources.Length; i++)
            {
                sources[i] = r.ReadString();
            }

            return new LinearTopicModel(analyzer, options, labels, weights, bias, temperature, sources);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            throw new MarsadException(ErrorCodes.BadModel, $"the topic model cannot be read: {e.Message}", path);
        }
    }
}
