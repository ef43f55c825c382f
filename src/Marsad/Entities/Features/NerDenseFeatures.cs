using System.Numerics;
using System.Runtime.CompilerServices;

namespace Marsad.Entities.Features;

/// <summary>
/// Real-valued NER features: the unit-length word vectors (<see cref="NerLexicon.VectorOf"/>) of the
/// token and its neighbours within <see cref="Window"/>, each dimension times <see cref="Scale"/>, with
/// one weight per (relative position, tag, dimension). Where clusters say "this word is in group 417",
/// the vector lets an unseen name score by how close it lies to the names seen in training.
/// Weights are laid out [position][tag][dimension] so that a tag's score is one dot product.
/// </summary>
public sealed class NerDenseFeatures
{
    private const int T = 9;

    public NerDenseFeatures(int window, int dimensions, float scale, float[] weights)
    {
        if (window < 0 || dimensions <= 0 || weights.Length != WeightCount(window, dimensions))
        {
            throw new ArgumentException("dense weights do not match the window and dimensions");
        }

        Window = window;
        Dimensions = dimensions;
        Scale = scale;
        Weights = weights;
    }

    /// <summary>Neighbours on each side whose vectors are features (0: the token's own only).</summary>
    public int Window { get; }

    public int Dimensions { get; }

    /// <summary>The factor applied to every vector component (the perceptron's step size for these features).</summary>
    public float Scale { get; }

    /// <summary>The weights, [position][tag][dimension].</summary>
    public float[] Weights { get; }

    /// <summary>The number of weights for a window and a vector length.</summary>
    public static int WeightCount(int window, int dimensions) => ((2 * window) + 1) * T * dimensions;

    /// <summary>
    /// Every lexicon word's scores, [row][position][tag]: a word's vector is fixed, so its dot products with
    /// the weights can be computed once at load and tagging reads them like a sparse feature's row.
    /// </summary>
    // Runs once per load over ≈ 200 M multiply-adds: compiled optimised at once instead of starting in tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float[] Project(NerLexicon lexicon)
    {
        var positions = (2 * Window) + 1;
        var table = new float[lexicon.VectorCount * positions * T];
        Span<float> row = stackalloc float[T];
        for (var r = 0; r < lexicon.VectorCount; r++)
        {
            var v = lexicon.VectorOf(r);
            for (var p = 0; p < positions; p++)
            {
                var block = Weights.AsSpan(p * T * Dimensions, T * Dimensions);
                for (var t = 0; t < T; t++)
                {
                    table[(((r * positions) + p) * T) + t] = Scale * VectorMath.Dot(v, block.Slice(t * Dimensions, Dimensions));
                }
            }
        }

        return table;
    }

    /// <summary>Adds the dense scores of every token to <paramref name="emissions"/> (n × tags) from a <see cref="Project"/> table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddEmissions(float[] projections, ReadOnlySpan<int> rows, int n, Span<float> emissions)
    {
        var positions = (2 * Window) + 1;
        var known = projections.Length / (positions * T);
        for (var j = 0; j < n; j++)
        {
            var r = rows[j];
            if ((uint)r >= (uint)known)
            {
                continue;
            }

            for (var o = -Window; o <= Window; o++)
            {
                var i = j - o;
                if (i < 0 || i >= n)
                {
                    continue;
                }

                var source = projections.AsSpan((((r * positions) + o + Window) * T), T);
                var target = emissions.Slice(i * T, T);
                for (var t = 0; t < T; t++)
                {
                    target[t] += source[t];
                }
            }
        }
    }

    /// <summary>
    /// Adds the dense scores of the tokens whose vector was composed from n-grams (<see cref="NerSubwordVectors"/>):
    /// they have no row in a <see cref="Project"/> table, so their dot products are computed here.
    /// </summary>
    public void AddComposedEmissions(ReadOnlySpan<bool> composed, ReadOnlySpan<float> vectors, int n, Span<float> emissions)
    {
        for (var j = 0; j < n; j++)
        {
            if (composed[j])
            {
                AddToken(vectors.Slice(j * Dimensions, Dimensions), j, n, Window, Scale, Weights, emissions);
            }
        }
    }

    /// <summary>
    /// Adds the dense scores with the given weights (training). <paramref name="vectors"/> holds each
    /// token's vector (n × dimensions, zeros for none). A token marked in <paramref name="hidden"/> does
    /// not see its own vector (word dropout), only its neighbours'.
    /// </summary>
    public static void AddEmissions(ReadOnlySpan<float> vectors, int dimensions, int n, int window, float scale, ReadOnlySpan<float> weights, Span<float> emissions, ReadOnlySpan<bool> hidden = default)
    {
        // Each token's vector meets each position's weights once: token j is at offset o of token j - o.
        for (var j = 0; j < n; j++)
        {
            AddToken(vectors.Slice(j * dimensions, dimensions), j, n, window, scale, weights, emissions, hidden);
        }
    }

    private static void AddToken(ReadOnlySpan<float> v, int j, int n, int window, float scale, ReadOnlySpan<float> weights, Span<float> emissions, ReadOnlySpan<bool> hidden = default)
    {
        var dim = v.Length;
        for (var o = -window; o <= window; o++)
        {
            var i = j - o;
            if (i < 0 || i >= n || (o == 0 && !hidden.IsEmpty && hidden[i]))
            {
                continue;
            }

            var block = weights.Slice((o + window) * T * dim, T * dim);
            var row = emissions.Slice(i * T, T);
            for (var t = 0; t < T; t++)
            {
                row[t] += scale * VectorMath.Dot(v, block.Slice(t * dim, dim));
            }
        }
    }

    /// <summary>
    /// The perceptron update of token <paramref name="i"/>: the vectors around it (<paramref name="vectors"/>,
    /// n × dimensions) move toward the gold tag and away from the predicted one; <paramref name="accumulated"/>
    /// gets the same step times the update counter <paramref name="c"/> (lazy averaging).
    /// </summary>
    public static void Update(ReadOnlySpan<float> vectors, int dimensions, int n, int i, int window, float scale, int gold, int predicted, float c, Span<float> weights, Span<float> accumulated, bool ownHidden = false)
    {
        var dim = dimensions;
        for (var o = -window; o <= window; o++)
        {
            var j = i + o;
            if (j < 0 || j >= n || (o == 0 && ownHidden))
            {
                continue;
            }

            var v = vectors.Slice(j * dim, dim);
            var block = (o + window) * T * dim;
            VectorMath.AddScaled(weights.Slice(block + (gold * dim), dim), v, scale);
            VectorMath.AddScaled(accumulated.Slice(block + (gold * dim), dim), v, scale * c);
            VectorMath.AddScaled(weights.Slice(block + (predicted * dim), dim), v, -scale);
            VectorMath.AddScaled(accumulated.Slice(block + (predicted * dim), dim), v, -scale * c);
        }
    }

    /// <summary>
    /// The log-loss (CRF) update of token <paramref name="i"/>: the vectors around it move, for every tag t, by
    /// <paramref name="scale"/> × <paramref name="steps"/>[t]; <paramref name="accumulated"/> gets the same step times
    /// <paramref name="c"/>.
    /// </summary>
    public static void UpdateAllTags(ReadOnlySpan<float> vectors, int dimensions, int n, int i, int window, float scale, ReadOnlySpan<float> steps, float c, Span<float> weights, Span<float> accumulated, bool ownHidden = false)
    {
        var dim = dimensions;
        for (var o = -window; o <= window; o++)
        {
            var j = i + o;
            if (j < 0 || j >= n || (o == 0 && ownHidden))
            {
                continue;
            }

            var v = vectors.Slice(j * dim, dim);
            var block = (o + window) * T * dim;
            for (var t = 0; t < T; t++)
            {
                VectorMath.AddScaled(weights.Slice(block + (t * dim), dim), v, scale * steps[t]);
                VectorMath.AddScaled(accumulated.Slice(block + (t * dim), dim), v, scale * steps[t] * c);
            }
        }
    }
}
