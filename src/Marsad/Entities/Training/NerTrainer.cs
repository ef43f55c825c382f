using Marsad.Entities.Features;

namespace Marsad.Entities.Training;

/// <summary>
/// Trains a <see cref="NerModel"/> with the averaged structured perceptron (Collins 2002) and
/// BIO-constrained Viterbi decoding. Sentences are shuffled every epoch (seeded); after each epoch
/// the averaged weights are scored on the dev set and the best epoch's weights are kept. Features
/// seen fewer than <see cref="MinFeatureCount"/> times in training are dropped.
/// </summary>
public sealed class NerTrainer
{
    private const int T = 9;

    public int MaxEpochs { get; init; } = 15;

    /// <summary>Stop when dev F1 has not improved for this many epochs.</summary>
    public int Patience { get; init; } = 4;

    public int MinFeatureCount { get; init; } = 1;

    public int Seed { get; init; } = 7;

    /// <summary>Dev scores per epoch of the last run.</summary>
    public List<double> DevF1ByEpoch { get; } = [];

    public int BestEpoch { get; private set; }

    /// <summary>
    /// Trains on <paramref name="train"/>, choosing the epoch on <paramref name="dev"/>. When dev is
    /// empty, runs exactly <see cref="MaxEpochs"/> epochs.
    /// </summary>
    public NerModel Train(NerFeatureExtractor extractor, IReadOnlyList<NerSentence> train, IReadOnlyList<NerSentence> dev, Action<string>? progress = null)
    {
        // 1. Features of every training sentence, as hashes, then as dense ids.
        var buffer = new NerFeatureBuffer();
        var hashed = new List<(ulong[] Features, int[] Offsets)>(train.Count);
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

        // 2. Perceptron with lazy averaging: averaged = w - acc / c.
        var f = keys.Count;
        var w = new float[f * T];
        var acc = new float[f * T];
        var tw = new float[(T + 1) * T];
        var tacc = new float[(T + 1) * T];
        float c = 1;
        var order = Enumerable.Range(0, trainItems.Count).ToArray();
        var random = new Random(Seed);
        var best = (F1: -1.0, Weights: Array.Empty<float>(), Transitions: Array.Empty<float>());
        var predicted = new int[1024];
        var emissions = new float[1024 * T];
        DevF1ByEpoch.Clear();
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
                Decode(item, w, tw, emissions, predicted);
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
                    }

                    if (g != p || gp != pp)
                    {
                        tw[((gp + 1) * T) + g] += 1;
                        tacc[((gp + 1) * T) + g] += c;
                        tw[((pp + 1) * T) + p] -= 1;
                        tacc[((pp + 1) * T) + p] -= c;
                    }
                }

                mistakes += wrong ? 1 : 0;
                c++;
            }

            var averaged = Average(w, acc, c);
            var averagedTransitions = Average(tw, tacc, c);
            var f1 = devItems.Count == 0 ? epoch : Score(devItems, averaged, averagedTransitions, ref predicted, ref emissions);
            DevF1ByEpoch.Add(f1);
            progress?.Invoke($"epoch {epoch}: {mistakes} sentences wrong in training, dev F1 {f1:F2}");
            if (f1 > best.F1)
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

        // 3. Keep only features with a non-zero weight.
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
        return new NerModel(extractor, [.. keptKeys], [.. keptWeights], best.Transitions);
    }

    private static (ulong[] Features, int[] Offsets) Hash(NerFeatureExtractor extractor, IReadOnlyList<string> tokens, NerFeatureBuffer buffer)
    {
        extractor.Extract(NerTokenSpans.FromTokens(tokens), buffer);
        var offsets = new int[tokens.Count + 1];
        var features = new List<ulong>();
        for (var i = 0; i < tokens.Count; i++)
        {
            offsets[i] = features.Count;
            foreach (var feature in buffer.FeaturesOf(i))
            {
                features.Add(feature);
            }
        }

        offsets[tokens.Count] = features.Count;
        return ([.. features], offsets);
    }

    private static Item ToIds((ulong[] Features, int[] Offsets) hashed, Dictionary<ulong, int> ids, IReadOnlyList<string> tags)
    {
        var n = tags.Count;
        var offsets = new int[n + 1];
        var list = new List<int>(hashed.Features.Length);
        for (var i = 0; i < n; i++)
        {
            offsets[i] = list.Count;
            for (var k = hashed.Offsets[i]; k < hashed.Offsets[i + 1]; k++)
            {
                if (ids.TryGetValue(hashed.Features[k], out var id))
                {
                    list.Add(id);
                }
            }
        }

        offsets[n] = list.Count;
        var gold = NerTags.Repair(tags.Select(t => NerTags.Parse(t)!.Value).ToArray());
        return new Item([.. list], offsets, gold, tags);
    }

    private static void Decode(Item item, float[] weights, float[] transitions, float[] emissions, int[] output)
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

        NerViterbi.Decode(emissions.AsSpan(0, n * T), transitions, n, output.AsSpan(0, n));
    }

    private static double Score(List<Item> items, float[] weights, float[] transitions, ref int[] predicted, ref float[] emissions)
    {
        var scorer = new NerScorer();
        foreach (var item in items)
        {
            EnsureCapacity(ref predicted, ref emissions, item.Gold.Length);
            Decode(item, weights, transitions, emissions, predicted);
            scorer.Add(item.GoldNames, predicted.Take(item.Gold.Length).Select(t => NerTags.Names[t]).ToArray());
        }

        return scorer.Result().Overall.F1;
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

    private sealed record Item(int[] Features, int[] Offsets, int[] Gold, IReadOnlyList<string> GoldNames)
    {
        public ReadOnlySpan<int> FeaturesOf(int i) => Features.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);
    }
}
