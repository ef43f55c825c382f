using System.Diagnostics;

namespace Marsad.Topics;

/// <summary>Settings of a topic-model training run (chosen on dev data).</summary>
public sealed record TopicTrainingOptions
{
    public int Epochs { get; init; } = 8;

    public float LearningRate { get; init; } = 0.5f;

    public int HashBits { get; init; } = 20;

    public bool StemBigrams { get; init; } = true;

    /// <summary>Headline stems as features of their own.</summary>
    public bool TitleStems { get; init; } = true;

    /// <summary>Normalised word forms (clitics kept) besides the stems.</summary>
    public bool Words { get; init; }

    /// <summary>Pairs of consecutive normalised word forms.</summary>
    public bool WordBigrams { get; init; }

    /// <summary>Stems of the first paragraph as features of their own.</summary>
    public bool LeadStems { get; init; }

    /// <summary>Weight content counts by inverse document frequency (learned on train, stored in the model).</summary>
    public bool Idf { get; init; }

    /// <summary>Indicator features of where the story happens (<see cref="TopicFeatureFamilies.Places"/>).</summary>
    public bool Places { get; init; }

    /// <summary>Read the standfirst as one more paragraph when it adds to the body's opening (<see cref="TopicStandfirst"/>).</summary>
    public bool Standfirst { get; init; }

    public int Seed { get; init; } = 13;

    /// <summary>Independent SGD runs (seeds Seed, Seed + 1, …) whose weights are averaged.</summary>
    public int Runs { get; init; } = 1;

    /// <summary>Add outlet features (outlet × stem), used when an article's outlet is known.</summary>
    public bool SourceFeatures { get; init; }

    /// <summary>The probability that a training example hides its outlet, so that the model also works without one.</summary>
    public double SourceDropout { get; init; } = 0.5;

    /// <summary>With <see cref="SourceFeatures"/>: also cross the outlet with every normalised word form.</summary>
    public bool SourceWords { get; init; }

    /// <summary>
    /// Extra SGD runs on naive-Bayes-scaled features (<see cref="NaiveBayesScaling"/>), mixed with the plain runs'
    /// model (0 = none). The mix is one linear model, so inference costs the same.
    /// </summary>
    public int NaiveBayesRuns { get; init; }

    /// <summary>Additive smoothing of the naive-Bayes feature masses (in units of L2-normalised feature value).</summary>
    public double NaiveBayesSmoothing { get; init; } = 0.1;

    /// <summary>The naive-Bayes runs' share of the mixed logits (each side first divided by its own dev temperature).</summary>
    public double NaiveBayesShare { get; init; } = 0.5;

    /// <summary>
    /// For a final model trained on train + dev (the dev file is then no held-out set): keep the last epoch instead of
    /// the best dev epoch, and take the mix factors and the temperatures from a run of the same settings on train only.
    /// </summary>
    public FixedCalibration? Fixed { get; init; }

    /// <summary>Neighbours in the nearest-neighbour vote mixed into the linear model (<see cref="TopicNeighbourIndex"/>; 0 = none).</summary>
    public int Neighbours { get; init; }

    /// <summary>The weight β of the neighbours' log-vote in the mix.</summary>
    public float NeighbourBeta { get; init; } = 0.3f;

    /// <summary>An article's largest features compared with the index (at serving time).</summary>
    public int NeighbourQueryFeatures { get; init; } = 50;

    /// <summary>Each training article's largest features kept in the index.</summary>
    public int NeighbourIndexFeatures { get; init; } = 200;

    /// <summary>
    /// The shipped model's linear recipe (models/MODELS.md, step 1) without its nearest-neighbour vote: stems, words and
    /// their IDF, outlet × stem and outlet × word features, 8 epochs at step 2, <paramref name="runs"/> plain and as many
    /// naive-Bayes-scaled runs. The measuring harnesses train their extra models with it.
    /// </summary>
    public static TopicTrainingOptions ShippedLinearRecipe(int runs) => new()
    {
        Epochs = 8, LearningRate = 2f, Words = true, Idf = true, SourceFeatures = true, SourceWords = true,
        Runs = runs, NaiveBayesRuns = runs,
    };
}

/// <summary>Mix factors (plain, naive-Bayes) and temperatures (with outlet, without) taken from an earlier run on train only.</summary>
/// <summary>
/// Mix factors (plain, naive-Bayes) and temperatures (with outlet, without) taken from an earlier run on train only; with
/// a nearest-neighbour vote, also the temperatures of the mix with the vote.
/// </summary>
public sealed record FixedCalibration(float PlainFactor, float NaiveBayesFactor, float Temperature, float ContentTemperature, float? NeighbourTemperature = null, float? NeighbourContentTemperature = null);

/// <summary>
/// Trains <see cref="LinearTopicModel"/> by stochastic gradient descent on the softmax loss with
/// weight averaging (the average of all iterates generalises like an L2-regularised model), keeps
/// the epoch with the best dev accuracy, then fits the softmax temperature on dev by minimising the
/// negative log-likelihood.
/// </summary>
public static class TopicTrainer
{
    public static LinearTopicModel Train(IReadOnlyList<TopicRecord> train, IReadOnlyList<TopicRecord> dev, TopicTrainingOptions options, Action<string>? log = null)
    {
        log ??= _ => { };
        var featureOptions = new TopicFeatureOptions(options.HashBits, Families(options));
        var extractor = new TopicFeatureExtractor(featureOptions with { Families = featureOptions.Families & ~TopicFeatureFamilies.Idf });
        var labels = train.Select(r => r.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var (xs, sources) = Featurize(train, extractor);
        var ys = train.Select(r => labelIndex[r.Label]).ToArray();
        var (devXs, devSources) = Featurize(dev, extractor);
        float[]? idf = null;
        if (options.Idf)
        {
            // Same result as featurising with the weights (Drain scales raw counts, then normalises).
            idf = InverseDocumentFrequencies(xs, featureOptions.Buckets);
            Reweight(xs, idf);
            Reweight(devXs, idf);
        }

        var devYs = dev.Select(r => labelIndex.TryGetValue(r.Label, out var y) ? y : -1).ToArray();
        log($"features: {train.Count} train + {dev.Count} dev articles in {clock.Elapsed.TotalSeconds:F1}s, {labels.Length} labels");
        if (options.Standfirst)
        {
            // Per outlet: the articles whose standfirst is read (the others' is empty or opens the body).
            static string Read(IReadOnlyList<TopicRecord> records) => string.Join(", ", records
                .Where(r => TopicStandfirst.ExtraText(r.Standfirst, r.Text) is not null)
                .GroupBy(r => r.Source ?? "-", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            log($"standfirst read as a paragraph: train {Read(train)}; dev {Read(dev)}");
        }

        var classes = labels.Length;
        var size = featureOptions.Buckets * classes;
        var (bestW, bestB) = AverageRuns(xs, sources, ys, devXs, devSources, devYs, classes, size, options, options.Runs, null, clock, log);
        if (options.NaiveBayesRuns > 0)
        {
            var scale = NaiveBayesScaling.Compute(xs, sources, ys, classes, featureOptions.Buckets, options.NaiveBayesSmoothing);
            var (nbW, nbB) = AverageRuns(xs, sources, ys, devXs, devSources, devYs, classes, size, options, options.NaiveBayesRuns, scale, clock, log);
            log($"plain runs: dev accuracy {Accuracy(devXs, devSources, devYs, bestW, bestB, classes):P2}; naive-Bayes-scaled runs: {Accuracy(devXs, devSources, devYs, nbW, nbB, classes):P2}");
            // Each model's logits are divided by its own dev temperature, then weighted by the share.
            var (t1, t2) = options.Fixed is null
                ? (FitTemperature(devXs, devSources, devYs, bestW, bestB, classes), FitTemperature(devXs, devSources, devYs, nbW, nbB, classes))
                : (double.NaN, double.NaN);
            var k1 = options.Fixed?.PlainFactor ?? (float)((1 - options.NaiveBayesShare) / t1);
            var k2 = options.Fixed?.NaiveBayesFactor ?? (float)(options.NaiveBayesShare / t2);
            log($"mix: plain × {k1:R}, naive-Bayes-scaled × {k2:R}");
            if (options.Fixed is null)
            {
                LogShares(devXs, devSources, devYs, bestW, bestB, nbW, nbB, 1 / t1, 1 / t2, classes, log);
            }

            (bestW, bestB) = Mix(bestW, bestB, k1, nbW, nbB, k2);
        }

        var bestAccuracy = Accuracy(devXs, devSources, devYs, bestW, bestB, classes);

        var temperature = options.Fixed?.Temperature ?? FitTemperature(devXs, devSources, devYs, bestW, bestB, classes);
        // Articles without a known outlet get less evidence: their scores need a temperature of their own.
        var contentTemperature = options.Fixed?.ContentTemperature ?? (options.SourceFeatures ? FitTemperature(devXs, null, devYs, bestW, bestB, classes) : temperature);
        log($"best dev accuracy {bestAccuracy:P2}; temperature {temperature:R} ({contentTemperature:R} without outlet)");
        var knownSources = train.Select(r => r.Source).OfType<string>().Select(x => x.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var neighbours = options.Neighbours > 0
            ? BuildNeighbours(xs, ys, devXs, devSources, devYs, TrainingCopies(train, dev), bestW, bestB, temperature, contentTemperature, featureOptions.Buckets, options, log)
            : null;
        return new LinearTopicModel(TopicFeatureExtractor.Name, featureOptions, labels, bestW, bestB, temperature, knownSources, idf, contentTemperature, neighbours);
    }

    /// <summary>
    /// Indexes the training articles for the nearest-neighbour vote and fits the temperatures of the mix on dev (or takes
    /// them from <see cref="TopicTrainingOptions.Fixed"/>); logs the dev accuracy of the mix at a few β for choosing it.
    /// </summary>
    private static TopicNeighbourIndex BuildNeighbours(
        SparseVector[] xs, int[] ys, SparseVector[] devXs, SparseVector[] devSources, int[] devYs, (int[] Positions, int Duplicated) devCopies, float[] w, float[] b,
        float temperature, float contentTemperature, int buckets, TopicTrainingOptions options, Action<string> log)
    {
        var settings = new TopicNeighbourSettings(options.Neighbours, options.NeighbourBeta, options.NeighbourQueryFeatures, options.NeighbourIndexFeatures, 1f, 1f);
        var index = TopicNeighbourIndex.Build(settings, buckets, xs, ys);
        log($"nearest-neighbour index: {index.Articles} articles, {index.Postings} postings");
        var classes = b.Length;
        // A dev article that is also a training article (train + dev) would find itself: it is left out of its own vote
        // (one copy only, see TrainingCopies).
        var votes = devXs.Select((x, n) =>
        {
            var v = new double[classes];
            var words = x.Indexes.Length - x.FixedTail;
            index.Vote(x.Indexes.AsSpan(0, words), x.Values.AsSpan(0, words), v, exclude: devCopies.Positions[n]);
            return v;
        }).ToArray();
        var copies = devCopies.Positions.Count(i => i >= 0);
        var leftOut = copies > 0
            ? $" (each of the {copies} dev articles also indexed left out of its own vote" +
              (devCopies.Duplicated > 0 ? $"; {devCopies.Duplicated} of them indexed more than once, only their last copy left out)" : ")")
            : "";
        double[][] Mixed(bool withSource, float beta) => devXs.Select((x, n) =>
        {
            var scores = Logits(x, w, b, classes);
            if (withSource)
            {
                AddLogits(devSources[n], w, scores);
            }

            TopicNeighbourIndex.MixInto(scores, votes[n], withSource ? temperature : contentTemperature, beta);
            return scores;
        }).ToArray();

        log($"dev accuracy of the vote alone{leftOut} {Accuracy(votes, devYs):P2}; of the mix by β (outlet known / hidden): " + string.Join(", ",
            new[] { 0f, 0.1f, 0.2f, 0.3f, 0.5f, 0.75f }.Select(beta => $"{beta} {Accuracy(Mixed(true, beta), devYs):P2} / {Accuracy(Mixed(false, beta), devYs):P2}")));
        var mixTemperature = options.Fixed?.NeighbourTemperature ?? FitTemperature(Mixed(true, options.NeighbourBeta), devYs);
        var mixContentTemperature = options.Fixed?.NeighbourContentTemperature ?? FitTemperature(Mixed(false, options.NeighbourBeta), devYs);
        log($"nearest-neighbour mix (k {options.Neighbours}, β {options.NeighbourBeta}): temperature {mixTemperature:R} ({mixContentTemperature:R} without outlet)");
        return index.With(settings with { Temperature = mixTemperature, ContentTemperature = mixContentTemperature });
    }

    /// <summary>
    /// Per dev record, the position of the same record among the training records, or -1. Only ONE copy is left out of
    /// the dev article's own vote: when the training records hold the same record several times (a duplicated article),
    /// this is the position of the LAST copy and the earlier copies still vote for the article (the vote then stays a
    /// little optimistic for those articles; the log line counts them). Excluding every copy would need a set test in
    /// <see cref="TopicNeighbourIndex"/>'s inner loop, which tagging runs too.
    /// </summary>
    private static (int[] Positions, int Duplicated) TrainingCopies(IReadOnlyList<TopicRecord> train, IReadOnlyList<TopicRecord> dev)
    {
        var positions = new Dictionary<TopicRecord, (int Last, int Count)>();
        for (var i = 0; i < train.Count; i++)
        {
            positions[train[i]] = (i, positions.GetValueOrDefault(train[i]).Count + 1);
        }

        var found = dev.Select(r => positions.TryGetValue(r, out var p) ? p : (Last: -1, Count: 0)).ToArray();
        return (found.Select(p => p.Last).ToArray(), found.Count(p => p.Count > 1));
    }

    /// <summary>
    /// Several SGD runs (seeds Seed, Seed + 1, …) whose weights are averaged: for a linear model that is the
    /// average of their logits (an ensemble at no inference cost).
    /// </summary>
    private static (float[] W, float[] B) AverageRuns(
        SparseVector[] xs, SparseVector[] sources, int[] ys, SparseVector[] devXs, SparseVector[] devSources, int[] devYs,
        int classes, int size, TopicTrainingOptions options, int runs, float[]? scale, Stopwatch clock, Action<string> log)
    {
        var sumW = new float[size];
        var sumB = new float[classes];
        for (var run = 0; run < runs; run++)
        {
            var (runW, runB, runAccuracy) = Fit(xs, sources, ys, devXs, devSources, devYs, classes, size, options, options.Seed + run, scale, clock, log);
            log($"{(scale is null ? "run" : "naive-Bayes-scaled run")} {run + 1}: best dev accuracy {runAccuracy:P2}");
            for (var i = 0; i < size; i++)
            {
                sumW[i] += runW[i] / runs;
            }

            for (var c = 0; c < classes; c++)
            {
                sumB[c] += runB[c] / runs;
            }
        }

        return (sumW, sumB);
    }

    /// <summary>
    /// For choosing the naive-Bayes share on dev: the dev accuracy of the mix at other shares (t1, t2 = 1 / each model's
    /// own temperature), printed so that one run shows the whole curve.
    /// </summary>
    private static void LogShares(
        SparseVector[] devXs, SparseVector[] devSources, int[] devYs, float[] w1, float[] b1, float[] w2, float[] b2,
        double inverseT1, double inverseT2, int classes, Action<string> log)
    {
        var curve = new List<string>();
        for (var share = 0.2; share <= 0.81; share += 0.1)
        {
            var (w, b) = Mix(w1, b1, (float)((1 - share) * inverseT1), w2, b2, (float)(share * inverseT2));
            curve.Add($"{share:F1} {Accuracy(devXs, devSources, devYs, w, b, classes):P2}");
        }

        log($"dev accuracy by naive-Bayes share: {string.Join(", ", curve)}");
    }

    /// <summary>
    /// Mixes two linear models' logits, W = k₁·W₁ + k₂·W₂, with k = share / (the model's own dev temperature) so
    /// that neither dominates by scale alone. The result is again one linear model.
    /// </summary>
    private static (float[] W, float[] B) Mix(float[] w1, float[] b1, float k1, float[] w2, float[] b2, float k2)
    {
        var classes = b1.Length;
        var w = new float[w1.Length];
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = (k1 * w1[i]) + (k2 * w2[i]);
        }

        var b = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            b[c] = (k1 * b1[c]) + (k2 * b2[c]);
        }

        return (w, b);
    }

    /// <summary>
    /// One averaged-SGD run; returns the averaged weights of the epoch with the best dev accuracy. With a
    /// naive-Bayes <paramref name="scale"/>, every feature's input to class c is multiplied by scale[bucket, c];
    /// the returned weights have the scale folded in (w ⊙ scale), so they read unscaled features.
    /// </summary>
    private static (float[] W, float[] B, double Accuracy) Fit(
        SparseVector[] xs, SparseVector[] sources, int[] ys, SparseVector[] devXs, SparseVector[] devSources, int[] devYs,
        int classes, int size, TopicTrainingOptions options, int seed, float[]? scale, Stopwatch clock, Action<string> log)
    {
        var w = new float[size];
        var u = new float[size]; // sum of step * time, for the averaging trick
        var b = new float[classes];
        var ub = new float[classes];
        var order = Enumerable.Range(0, xs.Length).ToArray();
        var random = new Random(seed);
        var step = 1f;
        float[]? bestW = null;
        float[]? bestB = null;
        var bestAccuracy = -1.0;
        var gradient = new float[classes];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var n in order)
            {
                var x = xs[n];
                var withSource = sources[n].Indexes.Length > 0 && random.NextDouble() >= options.SourceDropout;
                var scores = new double[classes];
                for (var c = 0; c < classes; c++)
                {
                    scores[c] = b[c];
                }

                AddScaledLogits(x, w, scale, scores);
                if (withSource)
                {
                    AddScaledLogits(sources[n], w, scale, scores);
                }

                LinearTopicModel.Softmax(scores, 1.0);
                for (var c = 0; c < classes; c++)
                {
                    gradient[c] = options.LearningRate * (float)(scores[c] - (c == ys[n] ? 1.0 : 0.0));
                }

                Update(x, gradient, scale, step, w, u);
                if (withSource)
                {
                    Update(sources[n], gradient, scale, step, w, u);
                }

                for (var c = 0; c < classes; c++)
                {
                    b[c] -= gradient[c];
                    ub[c] -= step * gradient[c];
                }

                step++;
            }

            var (avgW, avgB) = Average(w, u, b, ub, step);
            if (scale is not null)
            {
                for (var i = 0; i < avgW.Length; i++)
                {
                    avgW[i] *= scale[i];
                }
            }

            var accuracy = Accuracy(devXs, devSources, devYs, avgW, avgB, classes);
            var contentOnly = options.SourceFeatures ? $", without outlet {Accuracy(devXs, null, devYs, avgW, avgB, classes):P2}" : string.Empty;
            log($"epoch {epoch}: dev accuracy {accuracy:P2}{contentOnly} ({clock.Elapsed.TotalSeconds:F0}s)");
            if (accuracy > bestAccuracy || options.Fixed is not null)
            {
                bestAccuracy = accuracy;
                bestW = avgW;
                bestB = avgB;
            }
        }

        return (bestW!, bestB!, bestAccuracy);
    }

    /// <summary>One SGD step for one feature vector (w −= g·x, and the averaging sum u), features scaled per class when asked.</summary>
    private static void Update(SparseVector x, float[] gradient, float[]? scale, float step, float[] w, float[] u)
    {
        var classes = gradient.Length;
        for (var i = 0; i < x.Indexes.Length; i++)
        {
            var row = x.Indexes[i] * classes;
            var v = x.Values[i];
            for (var c = 0; c < classes; c++)
            {
                var g = gradient[c] * v * (scale is null ? 1f : scale[row + c]);
                w[row + c] -= g;
                u[row + c] -= step * g;
            }
        }
    }

    /// <summary>Adds x · (W ⊙ scale) to the scores (or x · W without a scale).</summary>
    private static void AddScaledLogits(SparseVector x, float[] w, float[]? scale, double[] scores)
    {
        if (scale is null)
        {
            AddLogits(x, w, scores);
            return;
        }

        var classes = scores.Length;
        for (var i = 0; i < x.Indexes.Length; i++)
        {
            var row = x.Indexes[i] * classes;
            var v = x.Values[i];
            for (var c = 0; c < classes; c++)
            {
                scores[c] += w[row + c] * scale[row + c] * v;
            }
        }
    }

    /// <summary>ln((N + 1) / (df + 1)) + 1 per bucket, over the training articles' content features.</summary>
    private static float[] InverseDocumentFrequencies(SparseVector[] xs, int buckets)
    {
        var df = new int[buckets];
        foreach (var x in xs)
        {
            for (var i = 0; i < x.Indexes.Length - x.FixedTail; i++)
            {
                df[x.Indexes[i]]++;
            }
        }

        var idf = new float[buckets];
        for (var i = 0; i < buckets; i++)
        {
            idf[i] = (float)(Math.Log((xs.Length + 1.0) / (df[i] + 1.0)) + 1.0);
        }

        return idf;
    }

    /// <summary>
    /// Weights features extracted without IDF as the annotator's extractor does with it (each word value × its bucket's
    /// IDF as stored, then L2-normalised again); the fixed-value tail is left as it is.
    /// </summary>
    internal static void Reweight(SparseVector[] xs, float[] idf)
    {
        foreach (var x in xs)
        {
            // The fixed-value indicators at the end are neither weighted nor normalised (as in BucketCounter.Drain).
            var words = x.Values.Length - x.FixedTail;
            var norm = 0f;
            for (var i = 0; i < words; i++)
            {
                x.Values[i] *= (float)(Half)idf[x.Indexes[i]]; // as stored in the model file
                norm += x.Values[i] * x.Values[i];
            }

            var inv = norm > 0 ? 1f / MathF.Sqrt(norm) : 0f;
            for (var i = 0; i < words; i++)
            {
                x.Values[i] *= inv;
            }
        }
    }

    private static TopicFeatureFamilies Families(TopicTrainingOptions options)
    {
        var families = TopicFeatureFamilies.Stems;
        families |= options.StemBigrams ? TopicFeatureFamilies.StemBigrams : TopicFeatureFamilies.None;
        families |= options.TitleStems ? TopicFeatureFamilies.TitleStems : TopicFeatureFamilies.None;
        families |= options.Words ? TopicFeatureFamilies.Words : TopicFeatureFamilies.None;
        families |= options.SourceFeatures ? TopicFeatureFamilies.Source : TopicFeatureFamilies.None;
        families |= options.SourceFeatures && options.SourceWords ? TopicFeatureFamilies.SourceWords : TopicFeatureFamilies.None;
        families |= options.WordBigrams ? TopicFeatureFamilies.WordBigrams : TopicFeatureFamilies.None;
        families |= options.LeadStems ? TopicFeatureFamilies.LeadStems : TopicFeatureFamilies.None;
        families |= options.Idf ? TopicFeatureFamilies.Idf : TopicFeatureFamilies.None;
        families |= options.Places ? TopicFeatureFamilies.Places : TopicFeatureFamilies.None;
        families |= options.Standfirst ? TopicFeatureFamilies.Standfirst : TopicFeatureFamilies.None;
        return families;
    }

    /// <summary>
    /// Content and outlet features of every record, through the text layer exactly as the annotator sees an
    /// article (see <see cref="TopicDocuments"/>); the analysed documents are dropped once featurised.
    /// </summary>
    private static (SparseVector[] Content, SparseVector[] Source) Featurize(IReadOnlyList<TopicRecord> records, TopicFeatureExtractor extractor)
    {
        var content = new SparseVector[records.Count];
        var source = new SparseVector[records.Count];
        var standfirst = extractor.Options.Has(TopicFeatureFamilies.Standfirst);
        Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var buffer = TopicFeatureExtractor.ThreadBuffer;
            extractor.Collect(TopicDocuments.Prepare(records[i], standfirst), records[i].Source, buffer);
            content[i] = buffer.Content();
            source[i] = buffer.Source();
        });
        return (content, source);
    }

    private static (float[] W, float[] B) Average(float[] w, float[] u, float[] b, float[] ub, float step)
    {
        var avgW = new float[w.Length];
        for (var i = 0; i < w.Length; i++)
        {
            avgW[i] = w[i] - (u[i] / step);
        }

        var avgB = new float[b.Length];
        for (var i = 0; i < b.Length; i++)
        {
            avgB[i] = b[i] - (ub[i] / step);
        }

        return (avgW, avgB);
    }

    private static double Accuracy(SparseVector[] xs, SparseVector[]? sources, int[] ys, float[] w, float[] b, int classes)
    {
        var correct = 0;
        for (var n = 0; n < xs.Length; n++)
        {
            var scores = Logits(xs[n], w, b, classes);
            if (sources is not null)
            {
                AddLogits(sources[n], w, scores);
            }

            if (ArgMax(scores) == ys[n])
            {
                correct++;
            }
        }

        return xs.Length == 0 ? 0 : (double)correct / xs.Length;
    }

    /// <summary>The temperature minimising the dev negative log-likelihood, on a log grid from 0.05 to 20.</summary>
    private static float FitTemperature(SparseVector[] xs, SparseVector[]? sources, int[] ys, float[] w, float[] b, int classes)
    {
        var logits = xs.Select((x, n) =>
        {
            var scores = Logits(x, w, b, classes);
            if (sources is not null)
            {
                AddLogits(sources[n], w, scores);
            }

            return scores;
        }).ToArray();
        return FitTemperature(logits, ys);
    }

    private static float FitTemperature(double[][] logits, int[] ys)
    {
        var best = 1.0;
        var bestLoss = double.PositiveInfinity;
        for (var t = 0.05; t <= 20; t *= 1.05)
        {
            var loss = 0.0;
            for (var n = 0; n < logits.Length; n++)
            {
                if (ys[n] < 0)
                {
                    continue;
                }

                var p = (double[])logits[n].Clone();
                LinearTopicModel.Softmax(p, t);
                loss -= Math.Log(Math.Max(p[ys[n]], 1e-12));
            }

            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = t;
            }
        }

        return (float)best;
    }

    /// <summary>The share of articles whose best-scored label is the gold one (the trainer's logs and the harnesses).</summary>
    internal static double Accuracy(double[][] scores, int[] ys) => ys.Length == 0 ? 0 : (double)scores.Where((s, n) => ArgMax(s) == ys[n]).Count() / ys.Length;

    /// <summary>Macro-F1 of the best-scored labels, as <see cref="ClassificationReport"/> computes it for `eval topics`.</summary>
    internal static double MacroF1(double[][] scores, int[] ys, IReadOnlyList<string> labels) =>
        ClassificationReport.From(scores.Select((s, i) => (labels[ys[i]], labels[ArgMax(s)])).ToList()).MacroF1;

    private static double[] Logits(SparseVector x, float[] weights, float[] bias, int classes)
    {
        var scores = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            scores[c] = bias[c];
        }

        AddLogits(x, weights, scores);
        return scores;
    }

    private static void AddLogits(SparseVector x, float[] weights, double[] scores) =>
        LinearTopicModel.AddLogits(x.Indexes, x.Values, weights, scores);

    internal static int ArgMax(ReadOnlySpan<double> scores)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }
}
