using Marsad.Entities.Features;

namespace Marsad.Entities.Training;

/// <summary>
/// Trains a <see cref="NerModel"/> with the averaged structured perceptron (Collins 2002) and
/// BIO-constrained Viterbi decoding. Sentences are shuffled every epoch (seeded); after each epoch
/// the averaged weights are scored on the dev set and the best epoch's weights are kept. Features
/// seen fewer than <see cref="MinFeatureCount"/> times in training are dropped. With
/// <see cref="LogLossRate"/> the same features are trained as a linear-chain CRF instead (SGD on the
/// log-likelihood, averaged like the perceptron): the shipped model since session 4.
/// </summary>
public sealed class NerTrainer
{
    private const int T = 9;

    public int MaxEpochs { get; init; } = 15;

    /// <summary>Stop when dev F1 has not improved for this many epochs.</summary>
    public int Patience { get; init; } = 4;

    public int MinFeatureCount { get; init; } = 1;

    public int Seed { get; init; } = 7;

    /// <summary>How many shuffling seeds (Seed, Seed + 1, ...) to train; their best weights are averaged.</summary>
    public int Seeds { get; init; } = 1;

    /// <summary>
    /// Probability of hiding a token's lexical features during a training pass (word dropout), so that
    /// the weights of clusters, affixes, context and gazetteers also learn to recognise names.
    /// </summary>
    public double WordDropout { get; init; } = 0.0;

    /// <summary>Dev scores per epoch of the last run.</summary>
    public List<double> DevF1ByEpoch { get; } = [];

    public int BestEpoch { get; private set; }

    /// <summary>Neighbours on each side whose word vectors are dense features (see <see cref="NerDenseFeatures"/>).</summary>
    public int DenseWindow { get; init; } = 1;

    /// <summary>The factor on word vector components; 0 switches the dense features off.</summary>
    public float DenseScale { get; init; } = 1f;

    /// <summary>Whether word dropout also hides the token's own vector (else only its word features).</summary>
    public bool DenseDropout { get; init; }

    // Dense weights live after the sparse ones in the same arrays, so averaging covers both.
    private NerLexicon _lexicon = NerLexicon.Empty;
    private int _denseOffset;
    private int _denseLength;

    /// <summary>Whether to tune the O-tag penalty on dev (see <see cref="NerModel.OutsideBias"/>).</summary>
    public bool ChooseOutsideBias { get; init; } = true;

    /// <summary>
    /// When set, the O-tag penalty as a fraction of the typical emission spread, not chosen on dev
    /// (for a final model trained on train + dev with options chosen before).
    /// </summary>
    public float? OutsidePenalty { get; init; }

    /// <summary>
    /// Run exactly <see cref="MaxEpochs"/> epochs per seed and keep the last weights (dev is only
    /// reported): how a final model on train + dev is trained, so its epoch count can be chosen on dev.
    /// </summary>
    public bool FixedEpochs { get; init; }

    /// <summary>
    /// When set, CRF log-loss training instead of the perceptron: every sentence moves the weights by this
    /// rate times (gold features − expected features under the model, by <see cref="NerForwardBackward"/>).
    /// </summary>
    public float? LogLossRate { get; init; }

    /// <summary>The O-tag penalty chosen in the last run.</summary>
    public float OutsideBias { get; private set; }

    /// <summary>
    /// Trains on <paramref name="train"/>, choosing the epoch on <paramref name="dev"/>. When dev is
    /// empty, runs exactly <see cref="MaxEpochs"/> epochs.
    /// </summary>
    public NerModel Train(NerFeatureExtractor extractor, IReadOnlyList<NerSentence> train, IReadOnlyList<NerSentence> dev, Action<string>? progress = null)
    {
        // 1. Features of every training sentence, as hashes, then as dense ids.
        var buffer = new NerFeatureBuffer();
        var hashed = new List<(ulong[] Features, int[] Offsets, int[] Lexical, float[] Vectors)>(train.Count);
        var counts = new Dictionary<ulong, int>();
        foreach (var sentence in train)
        {
            var item = Hash(extractor, sentence.Tokens, buffer);
            hashed.Add(item);
            foreach (var feature in item.Features)
            {
                counts[feature] = counts.GetValueOrDefault(feature) + 1;
            }
        }

        var ids = new Dictionary<ulong, int>();
        var keys = new List<ulong>();
        foreach (var (key, count) in counts.OrderBy(p => p.Key))
        {
            if (count >= MinFeatureCount)
            {
                ids[key] = keys.Count;
                keys.Add(key);
            }
        }

        var trainItems = hashed.Select((h, s) => ToIds(h, ids, train[s].Tags)).ToList();
        var devItems = dev.Select(s => ToIds(Hash(extractor, s.Tokens, buffer), ids, s.Tags)).ToList();
        progress?.Invoke($"{keys.Count} features ({counts.Count} before the count cut-off), {train.Count} training sentences");

        // 2. Perceptron with lazy averaging, once per seed; the runs' best weights are averaged
        //    (a small bagging over shuffling orders, which moves dev F1 by about a point alone).
        var f = keys.Count;
        _lexicon = extractor.Lexicon;
        var dense = (extractor.Groups & NerFeatureGroups.Embeddings) != 0 && _lexicon.VectorDimensions > 0 && DenseScale > 0;
        _denseOffset = f * T;
        _denseLength = dense ? NerDenseFeatures.WeightCount(DenseWindow, _lexicon.VectorDimensions) : 0;
        var predicted = new int[1024];
        var emissions = new float[1024 * T];
        DevF1ByEpoch.Clear();
        var best = Run(trainItems, devItems, f, Seed, progress, ref predicted, ref emissions);
        if (Seeds > 1)
        {
            progress?.Invoke($"seed {Seed}: best epoch {BestEpoch} (dev F1 {best.F1:F2})");
            var sumWeights = (float[])best.Weights.Clone();
            var sumTransitions = (float[])best.Transitions.Clone();
            for (var k = 1; k < Seeds; k++)
            {
                var run = Run(trainItems, devItems, f, Seed + k, progress, ref predicted, ref emissions);
                progress?.Invoke($"seed {Seed + k}: best epoch {BestEpoch} (dev F1 {run.F1:F2})");
                for (var x = 0; x < sumWeights.Length; x++)
                {
                    sumWeights[x] += run.Weights[x];
                }

                for (var x = 0; x < sumTransitions.Length; x++)
                {
                    sumTransitions[x] += run.Transitions[x];
                }
            }

            for (var x = 0; x < sumWeights.Length; x++)
            {
                sumWeights[x] /= Seeds;
            }

            for (var x = 0; x < sumTransitions.Length; x++)
            {
                sumTransitions[x] /= Seeds;
            }

            var f1 = devItems.Count == 0 ? 0 : Score(devItems, sumWeights, sumTransitions, ref predicted, ref emissions);
            progress?.Invoke($"average of {Seeds} seeds" + (devItems.Count == 0 ? string.Empty : $": dev F1 {f1:F2}"));
            best = (f1, sumWeights, sumTransitions);
        }

        // 3. The perceptron is cautious (precision well above recall): choose on dev a penalty on
        //    the O tag, in units of the typical weight size.
        var outsideBias = 0f;
        if (OutsidePenalty is { } penalty)
        {
            outsideBias = penalty * TypicalEmission(trainItems, best.Weights);
        }
        else if (devItems.Count > 0 && ChooseOutsideBias)
        {
            var scale = TypicalEmission(trainItems, best.Weights);
            var bestBiasF1 = best.F1;
            foreach (var fraction in new[] { 0.05f, 0.1f, 0.15f, 0.2f, 0.3f, 0.4f, 0.5f, 0.7f })
            {
                var f1 = Score(devItems, best.Weights, best.Transitions, ref predicted, ref emissions, fraction * scale);
                progress?.Invoke($"O penalty {fraction} x {scale:F1}: dev F1 {f1:F2}");
                if (f1 > bestBiasF1 + 0.05)
                {
                    (bestBiasF1, outsideBias) = (f1, fraction * scale);
                }
            }
        }

        OutsideBias = outsideBias;

        // 4. Keep only features with a non-zero weight.
        var keptKeys = new List<ulong>();
        var keptWeights = new List<float>();
        for (var id = 0; id < f; id++)
        {
            var row = best.Weights.AsSpan(id * T, T);
            var any = false;
            foreach (var x in row)
            {
                any |= Math.Abs(x) > 1e-4f;
            }

            if (any)
            {
                keptKeys.Add(keys[id]);
                keptWeights.AddRange(row);
            }
        }

        progress?.Invoke($"best epoch {BestEpoch} (dev F1 {best.F1:F2}); {keptKeys.Count} features kept");
        var denseFeatures = dense ? new NerDenseFeatures(DenseWindow, _lexicon.VectorDimensions, DenseScale, best.Weights[_denseOffset..]) : null;
        return new NerModel(extractor, [.. keptKeys], [.. keptWeights], best.Transitions, denseFeatures) { OutsideBias = outsideBias };
    }

    private (double F1, float[] Weights, float[] Transitions) Run(List<Item> trainItems, List<Item> devItems, int f, int seed, Action<string>? progress, ref int[] predicted, ref float[] emissions)
    {
        // Perceptron with lazy averaging: averaged = w - acc / c.
        var w = new float[(f * T) + _denseLength];
        var acc = new float[(f * T) + _denseLength];
        var tw = new float[(T + 1) * T];
        var tacc = new float[(T + 1) * T];
        float c = 1;
        var order = Enumerable.Range(0, trainItems.Count).ToArray();
        var random = new Random(seed);
        var best = (F1: -1.0, Weights: Array.Empty<float>(), Transitions: Array.Empty<float>());
        var sinceBest = 0;
        for (var epoch = 1; epoch <= MaxEpochs; epoch++)
        {
            random.Shuffle(order);
            var mistakes = 0;
            foreach (var s in order)
            {
                var item = trainItems[s];
                var n = item.Gold.Length;
                EnsureCapacity(ref predicted, ref emissions, n);
                if (WordDropout > 0)
                {
                    var dropped = item.Dropped ??= new bool[n];
                    for (var i = 0; i < n; i++)
                    {
                        dropped[i] = random.NextDouble() < WordDropout;
                    }
                }

                Decode(item, w, tw, emissions, predicted);
                if (LogLossRate is { } rate)
                {
                    mistakes += LogLossUpdate(item, w, acc, tw, tacc, emissions, predicted, c, rate) ? 1 : 0;
                    item.Dropped = null;
                    c++;
                    continue;
                }

                var wrong = false;
                for (var i = 0; i < n; i++)
                {
                    var g = item.Gold[i];
                    var p = predicted[i];
                    var gp = i == 0 ? -1 : item.Gold[i - 1];
                    var pp = i == 0 ? -1 : predicted[i - 1];
                    if (g != p)
                    {
                        wrong = true;
                        foreach (var id in item.FeaturesOf(i))
                        {
                            w[(id * T) + g] += 1;
                            acc[(id * T) + g] += c;
                            w[(id * T) + p] -= 1;
                            acc[(id * T) + p] -= c;
                        }

                        if (_denseLength > 0)
                        {
                            NerDenseFeatures.Update(item.Vectors, _lexicon.VectorDimensions, n, i, DenseWindow, DenseScale, g, p, c, w.AsSpan(_denseOffset), acc.AsSpan(_denseOffset), DenseDropout && item.Dropped is { } hidden && hidden[i]);
                        }
                    }

                    if (g != p || gp != pp)
                    {
                        tw[((gp + 1) * T) + g] += 1;
                        tacc[((gp + 1) * T) + g] += c;
                        tw[((pp + 1) * T) + p] -= 1;
                        tacc[((pp + 1) * T) + p] -= c;
                    }
                }

                item.Dropped = null;
                mistakes += wrong ? 1 : 0;
                c++;
            }

            var averaged = Average(w, acc, c);
            var averagedTransitions = Average(tw, tacc, c);
            var f1 = devItems.Count == 0 ? epoch : Score(devItems, averaged, averagedTransitions, ref predicted, ref emissions);
            DevF1ByEpoch.Add(f1);
            progress?.Invoke($"seed {seed} epoch {epoch}: {mistakes} sentences wrong in training" + (devItems.Count == 0 ? string.Empty : $", dev F1 {f1:F2}"));
            if (f1 > best.F1 || FixedEpochs)
            {
                best = (f1, averaged, averagedTransitions);
                BestEpoch = epoch;
                sinceBest = 0;
            }
            else if (++sinceBest >= Patience)
            {
                break;
            }
        }

        return best;
    }

    private static (ulong[] Features, int[] Offsets, int[] Lexical, float[] Vectors) Hash(NerFeatureExtractor extractor, IReadOnlyList<string> tokens, NerFeatureBuffer buffer)
    {
        extractor.Extract(NerTokenSpans.FromTokens(tokens), buffer);
        var offsets = new int[tokens.Count + 1];
        var lexical = new int[tokens.Count];
        var features = new List<ulong>();
        for (var i = 0; i < tokens.Count; i++)
        {
            offsets[i] = features.Count;
            lexical[i] = buffer.LexicalCountOf(i);
            foreach (var feature in buffer.FeaturesOf(i))
            {
                features.Add(feature);
            }
        }

        offsets[tokens.Count] = features.Count;
        // Each token's word vector (the lexicon's or a composed one; zeros for none), for the dense features.
        var dim = extractor.Lexicon.VectorDimensions;
        var vectors = new float[tokens.Count * dim];
        for (var i = 0; i < tokens.Count && dim > 0; i++)
        {
            extractor.VectorOf(buffer, i).CopyTo(vectors.AsSpan(i * dim, dim));
        }

        return ([.. features], offsets, lexical, vectors);
    }

    private static Item ToIds((ulong[] Features, int[] Offsets, int[] Lexical, float[] Vectors) hashed, Dictionary<ulong, int> ids, IReadOnlyList<string> tags)
    {
        var n = tags.Count;
        var offsets = new int[n + 1];
        var lexical = new int[n];
        var list = new List<int>(hashed.Features.Length);
        for (var i = 0; i < n; i++)
        {
            offsets[i] = list.Count;
            for (var k = hashed.Offsets[i]; k < hashed.Offsets[i + 1]; k++)
            {
                if (ids.TryGetValue(hashed.Features[k], out var id))
                {
                    list.Add(id);
                    if (k < hashed.Offsets[i] + hashed.Lexical[i])
                    {
                        lexical[i]++;
                    }
                }
            }
        }

        offsets[n] = list.Count;
        var gold = NerTags.Repair(tags.Select(t => NerTags.Parse(t)!.Value).ToArray());
        return new Item([.. list], offsets, lexical, hashed.Vectors, gold, tags);
    }

    /// <summary>
    /// One stochastic gradient step on the CRF log-likelihood of a sentence: each tag's weights move by
    /// rate × (1 if gold − marginal); transitions by rate × (gold count − expected count). Returns whether
    /// the Viterbi path was wrong.
    /// </summary>
    private bool LogLossUpdate(Item item, float[] w, float[] acc, float[] tw, float[] tacc, float[] emissions, int[] predicted, float c, float rate)
    {
        var n = item.Gold.Length;
        var marginals = new double[n * T];
        var expected = new double[(T + 1) * T];
        NerForwardBackward.Marginals(emissions.AsSpan(0, n * T), tw, n, marginals, expected);
        Span<float> step = stackalloc float[T];
        var wrong = false;
        for (var i = 0; i < n; i++)
        {
            wrong |= predicted[i] != item.Gold[i];
            var any = false;
            for (var t = 0; t < T; t++)
            {
                step[t] = rate * ((item.Gold[i] == t ? 1f : 0f) - (float)marginals[(i * T) + t]);
                any |= Math.Abs(step[t]) > 1e-6f;
            }

            if (!any)
            {
                continue;
            }

            foreach (var id in item.FeaturesOf(i))
            {
                for (var t = 0; t < T; t++)
                {
                    w[(id * T) + t] += step[t];
                    acc[(id * T) + t] += step[t] * c;
                }
            }

            if (_denseLength > 0)
            {
                NerDenseFeatures.UpdateAllTags(item.Vectors, _lexicon.VectorDimensions, n, i, DenseWindow, DenseScale, step, c, w.AsSpan(_denseOffset), acc.AsSpan(_denseOffset), DenseDropout && item.Dropped is { } hidden && hidden[i]);
            }
        }

        for (var i = 0; i < n; i++)
        {
            expected[((i == 0 ? 0 : item.Gold[i - 1] + 1) * T) + item.Gold[i]] -= 1;
        }

        for (var x = 0; x < expected.Length; x++)
        {
            var d = -rate * (float)expected[x];
            tw[x] += d;
            tacc[x] += d * c;
        }

        return wrong;
    }

    private void Decode(Item item, float[] weights, float[] transitions, float[] emissions, int[] output, float outsideBias = 0)
    {
        var n = item.Gold.Length;
        Array.Clear(emissions, 0, n * T);
        for (var i = 0; i < n; i++)
        {
            foreach (var id in item.FeaturesOf(i))
            {
                for (var t = 0; t < T; t++)
                {
                    emissions[(i * T) + t] += weights[(id * T) + t];
                }
            }
        }

        if (_denseLength > 0)
        {
            NerDenseFeatures.AddEmissions(item.Vectors, _lexicon.VectorDimensions, n, DenseWindow, DenseScale, weights.AsSpan(_denseOffset, _denseLength), emissions.AsSpan(0, n * T), DenseDropout ? item.Dropped : default);
        }

        if (outsideBias != 0)
        {
            for (var i = 0; i < n; i++)
            {
                emissions[i * T] -= outsideBias;
            }
        }

        NerViterbi.Decode(emissions.AsSpan(0, n * T), transitions, n, output.AsSpan(0, n));
    }

    private double Score(List<Item> items, float[] weights, float[] transitions, ref int[] predicted, ref float[] emissions, float outsideBias = 0)
    {
        var scorer = new NerScorer();
        foreach (var item in items)
        {
            EnsureCapacity(ref predicted, ref emissions, item.Gold.Length);
            Decode(item, weights, transitions, emissions, predicted, outsideBias);
            scorer.Add(item.GoldNames, predicted.Take(item.Gold.Length).Select(t => NerTags.Names[t]).ToArray());
        }

        return scorer.Result().Overall.F1;
    }

    /// <summary>The mean absolute spread of a token's emission scores: the unit of the O penalty grid.</summary>
    private static float TypicalEmission(List<Item> items, float[] weights)
    {
        double total = 0;
        long count = 0;
        Span<float> row = stackalloc float[T];
        foreach (var item in items.Take(300))
        {
            for (var i = 0; i < item.Gold.Length; i++)
            {
                row.Clear();
                foreach (var id in item.FeaturesOf(i))
                {
                    for (var t = 0; t < T; t++)
                    {
                        row[t] += weights[(id * T) + t];
                    }
                }

                var max = float.MinValue;
                var min = float.MaxValue;
                foreach (var x in row)
                {
                    (max, min) = (Math.Max(max, x), Math.Min(min, x));
                }

                total += max - min;
                count++;
            }
        }

        return count == 0 ? 1f : (float)(total / count);
    }

    private static float[] Average(float[] w, float[] acc, float c)
    {
        var result = new float[w.Length];
        for (var i = 0; i < w.Length; i++)
        {
            result[i] = w[i] - (acc[i] / c);
        }

        return result;
    }

    private static void EnsureCapacity(ref int[] predicted, ref float[] emissions, int n)
    {
        if (predicted.Length < n)
        {
            predicted = new int[n * 2];
            emissions = new float[n * 2 * T];
        }
    }

    private sealed record Item(int[] Features, int[] Offsets, int[] Lexical, float[] Vectors, int[] Gold, IReadOnlyList<string> GoldNames)
    {
        /// <summary>When set, the lexical features of the marked tokens are hidden (word dropout).</summary>
        public bool[]? Dropped { get; set; }

        public ReadOnlySpan<int> FeaturesOf(int i)
        {
            var skip = Dropped is { } d && d[i] ? Lexical[i] : 0;
            return Features.AsSpan(Offsets[i] + skip, Offsets[i + 1] - Offsets[i] - skip);
        }
    }
}
