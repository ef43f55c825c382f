using Marsad.Entities.Training;
using System.Runtime.CompilerServices;

namespace Marsad.Entities.Neural;

/// <summary>
/// A BiLSTM-CRF emission layer in plain C#: per token the input is [frozen word vector (or the learned
/// unknown vector) ; mean of hashed character n-gram embeddings ; sum of categorical embeddings], one LSTM
/// per direction, a linear layer to the 9 BIO tags, and CRF transitions. <see cref="Emissions"/> runs the
/// forward pass; <see cref="Gradient"/> adds the gradient of the sentence's CRF negative log-likelihood
/// (forward-backward under the BIO constraints, <see cref="NerForwardBackward"/>) by backpropagation
/// through time. All parameters live in one flat array (<see cref="NerNeuralShape"/> gives the layout).
/// </summary>
public sealed class NerNeuralNetwork
{
    private const int T = NerNeuralShape.Tags;

    public NerNeuralNetwork(NerNeuralShape shape, float[] parameters)
    {
        if (parameters.Length != shape.ParameterCount)
        {
            throw new ArgumentException("parameter count does not match the shape");
        }

        Shape = shape;
        Parameters = parameters;
    }

    public NerNeuralShape Shape { get; }

    public float[] Parameters { get; }

    public ReadOnlySpan<float> Transitions => Parameters.AsSpan(Shape.TransitionsAt, (T + 1) * T);

    /// <summary>A new network with Glorot-uniform weights, small embeddings and forget-gate biases of 1 (seeded).</summary>
    public static NerNeuralNetwork Create(NerNeuralShape shape, Random random)
    {
        var p = new float[shape.ParameterCount];
        void Fill(int at, int count, double limit)
        {
            for (var k = 0; k < count; k++)
            {
                p[at + k] = (float)(((random.NextDouble() * 2) - 1) * limit);
            }
        }

        Fill(shape.UnknownAt, shape.WordDimensions, 0.1);
        Fill(shape.NgramsAt, shape.NgramBuckets * shape.NgramDimensions, 0.1);
        Fill(shape.CategoriesAt, shape.CategoryCount * shape.CategoryDimensions, 0.1);
        for (var d = 0; d < 2; d++)
        {
            Fill(shape.InputWeightsAt(d), shape.Gates * shape.InputDimensions, Math.Sqrt(6.0 / (shape.InputDimensions + shape.Hidden)));
            Fill(shape.RecurrentWeightsAt(d), shape.Gates * shape.Hidden, Math.Sqrt(6.0 / (2 * shape.Hidden)));
            p.AsSpan(shape.BiasAt(d) + shape.Hidden, shape.Hidden).Fill(1f);
        }

        Fill(shape.OutputAt, T * 2 * shape.Hidden, Math.Sqrt(6.0 / ((2 * shape.Hidden) + T)));
        return new NerNeuralNetwork(shape, p);
    }

    /// <summary>Writes the tag scores (token × 9) of a sentence into <paramref name="emissions"/> (no dropout).</summary>
    public void Emissions(NerNeuralSentence sentence, Span<float> emissions)
    {
        var scratch = NerNeuralScratch.ForThread(Shape);
        Forward(sentence, scratch, null, 0, 0);
        scratch.Emissions.AsSpan(0, sentence.Count * T).CopyTo(emissions);
    }

    /// <summary>
    /// The same scores through <paramref name="projections"/> (made for this network's current parameters): cached
    /// input projections and transposed recurrent weights, several times faster than <see cref="Emissions(NerNeuralSentence, Span{float})"/>.
    /// </summary>
    // Tagging calls it per sentence: compiled optimised at once rather than after tiering (the timed pass is short).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Emissions(NerNeuralSentence sentence, Span<float> emissions, NerNeuralProjections projections)
    {
        var scratch = NerNeuralScratch.ForThread(Shape);
        var shape = Shape;
        var n = sentence.Count;
        scratch.Ensure(n, training: false);
        var width = projections.Width;
        var g4 = shape.Gates;
        var parts = scratch.Parts;
        var partOffsets = scratch.PartOffsets;
        var cachedRows = scratch.CachedRows;
        for (var i = 0; i < n; i++)
        {
            // Tokens without a cached row get their part computed into the projections buffer.
            cachedRows[i] = projections.WordPart(sentence, i, scratch.Projections, i * width, out parts[i], out partOffsets[i]);
        }

        var categories = projections.Categories;
        for (var d = 0; d < 2; d++)
        {
            var bias = Parameters.AsSpan(shape.BiasAt(d), g4);
            var transposed = projections.RecurrentTransposed[d];
            var gates = scratch.Gates[d];
            var hidden = scratch.Hidden[d];
            var cells = scratch.Cells[d];
            var h = shape.Hidden;
            for (var step = 0; step < n; step++)
            {
                var i = d == 0 ? step : n - 1 - step;
                var previous = d == 0 ? i - 1 : i + 1;
                var z = gates.AsSpan(i * g4, g4);
                // The word part, the categories the cache does not hold and the bias: this direction's half of the input projection.
                var ids = cachedRows[i] ? sentence.ContextCategoriesOf(i) : sentence.CategoriesOf(i);
                NerActivations.Gather(z, parts[i].AsSpan(partOffsets[i] + (d * g4), g4), categories, width, d * g4, ids, bias);
                if (step > 0)
                {
                    NerActivations.AddProduct(z, transposed, hidden.AsSpan(previous * h, h));
                }

                NerActivations.LstmStep(z, step > 0 ? cells.AsSpan(previous * h, h) : default, cells.AsSpan(i * h, h), hidden.AsSpan(i * h, h), first: step == 0);
            }
        }

        Output(n, scratch, emissions);
    }

    /// <summary>
    /// Adds to <paramref name="gradient"/> the gradient of −log p(gold | sentence) and returns that loss. With
    /// <paramref name="random"/>, word dropout (the word vector replaced by the unknown vector) and input dropout apply.
    /// </summary>
    public double Gradient(NerNeuralSentence sentence, ReadOnlySpan<int> gold, Span<float> gradient, Random? random = null, double wordDropout = 0, double inputDropout = 0)
    {
        var scratch = NerNeuralScratch.ForThread(Shape);
        var n = sentence.Count;
        if (n == 0)
        {
            return 0;
        }

        Forward(sentence, scratch, random, wordDropout, inputDropout);
        var emissions = scratch.Emissions.AsSpan(0, n * T);
        var transitions = Transitions;
        var marginals = new double[n * T];
        var expected = new double[(T + 1) * T];
        var logZ = NerForwardBackward.Marginals(emissions, transitions, n, marginals, expected);
        double goldScore = 0;
        for (var i = 0; i < n; i++)
        {
            var previous = i == 0 ? 0 : gold[i - 1] + 1;
            goldScore += emissions[(i * T) + gold[i]] + transitions[(previous * T) + gold[i]];
            expected[(previous * T) + gold[i]] -= 1;
        }

        var dTransitions = gradient.Slice(Shape.TransitionsAt, (T + 1) * T);
        for (var k = 0; k < expected.Length; k++)
        {
            dTransitions[k] += (float)expected[k];
        }

        // dLoss/dEmissions = marginal − gold indicator; reuse the emissions buffer for it.
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < T; t++)
            {
                emissions[(i * T) + t] = (float)marginals[(i * T) + t] - (gold[i] == t ? 1f : 0f);
            }
        }

        Backward(sentence, scratch, gradient);
        return logZ - goldScore;
    }

    private void Forward(NerNeuralSentence sentence, NerNeuralScratch s, Random? random, double wordDropout, double inputDropout)
    {
        var shape = Shape;
        var n = sentence.Count;
        s.Ensure(n);
        var p = Parameters;
        var input = shape.InputDimensions;
        var wd = shape.WordDimensions;
        var nd = shape.NgramDimensions;
        var cd = shape.CategoryDimensions;
        for (var i = 0; i < n; i++)
        {
            var x = s.Inputs.AsSpan(i * input, input);
            x.Clear();
            var unknown = !sentence.Known[i] || (random is not null && random.NextDouble() < wordDropout);
            s.UsedUnknown[i] = unknown;
            (unknown ? p.AsSpan(shape.UnknownAt, wd) : sentence.Words.AsSpan(i * wd, wd)).CopyTo(x);
            var ngrams = sentence.NgramsOf(i);
            if (ngrams.Length > 0)
            {
                var part = x.Slice(wd, nd);
                var scale = 1f / ngrams.Length;
                foreach (var id in ngrams)
                {
                    VectorMath.AddScaled(part, p.AsSpan(shape.NgramsAt + (id * nd), nd), scale);
                }
            }

            var categories = x.Slice(wd + nd, cd);
            foreach (var id in sentence.CategoriesOf(i))
            {
                VectorMath.AddScaled(categories, p.AsSpan(shape.CategoriesAt + (id * cd), cd), 1f);
            }

            var mask = s.InputMask.AsSpan(i * input, input);
            if (random is not null && inputDropout > 0)
            {
                var keep = (float)(1 / (1 - inputDropout));
                for (var k = 0; k < input; k++)
                {
                    mask[k] = random.NextDouble() < inputDropout ? 0f : keep;
                    x[k] *= mask[k];
                }
            }
            else
            {
                mask.Fill(1f);
            }
        }

        for (var d = 0; d < 2; d++)
        {
            RunDirection(n, s, d);
        }

        Output(n, s, s.Emissions);
    }

    /// <summary>The linear output layer over both directions' hidden states.</summary>
    // Tagging calls it per sentence: compiled optimised at once rather than after tiering (the timed pass is short).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Output(int n, NerNeuralScratch s, Span<float> emissions)
    {
        var shape = Shape;
        var p = Parameters;
        var h = shape.Hidden;
        for (var i = 0; i < n; i++)
        {
            var forward = s.Hidden[0].AsSpan(i * h, h);
            var backward = s.Hidden[1].AsSpan(i * h, h);
            for (var t = 0; t < T; t++)
            {
                var row = p.AsSpan(shape.OutputAt + (t * 2 * h), 2 * h);
                emissions[(i * T) + t] = p[shape.OutputBiasAt + t] + VectorMath.Dot(row[..h], forward) + VectorMath.Dot(row[h..], backward);
            }
        }
    }

    /// <summary>One LSTM direction over the sentence: d = 0 left to right, 1 right to left.</summary>
    private void RunDirection(int n, NerNeuralScratch s, int d)
    {
        var shape = Shape;
        var h = shape.Hidden;
        var g4 = shape.Gates;
        var input = shape.InputDimensions;
        var p = Parameters;
        var wx = p.AsSpan(shape.InputWeightsAt(d), g4 * input);
        var wh = p.AsSpan(shape.RecurrentWeightsAt(d), g4 * h);
        var bias = p.AsSpan(shape.BiasAt(d), g4);
        var gates = s.Gates[d];
        var cells = s.Cells[d];
        var tanhCells = s.TanhCells[d];
        var hidden = s.Hidden[d];
        for (var step = 0; step < n; step++)
        {
            var i = d == 0 ? step : n - 1 - step;
            var previous = d == 0 ? i - 1 : i + 1;
            var x = s.Inputs.AsSpan(i * input, input);
            var z = gates.AsSpan(i * g4, g4);
            for (var r = 0; r < g4; r++)
            {
                z[r] = bias[r] + VectorMath.Dot(wx.Slice(r * input, input), x);
            }

            if (step > 0)
            {
                var hp = hidden.AsSpan(previous * h, h);
                for (var r = 0; r < g4; r++)
                {
                    z[r] += VectorMath.Dot(wh.Slice(r * h, h), hp);
                }
            }

            for (var k = 0; k < h; k++)
            {
                var ig = Sigmoid(z[k]);
                var fg = Sigmoid(z[h + k]);
                var gg = MathF.Tanh(z[(2 * h) + k]);
                var og = Sigmoid(z[(3 * h) + k]);
                z[k] = ig;
                z[h + k] = fg;
                z[(2 * h) + k] = gg;
                z[(3 * h) + k] = og;
                var c = (ig * gg) + (step > 0 ? fg * cells[(previous * h) + k] : 0f);
                cells[(i * h) + k] = c;
                var tc = MathF.Tanh(c);
                tanhCells[(i * h) + k] = tc;
                hidden[(i * h) + k] = og * tc;
            }
        }
    }

    /// <summary>Backpropagates the emission gradients held in the scratch's emission buffer into <paramref name="gradient"/>.</summary>
    private void Backward(NerNeuralSentence sentence, NerNeuralScratch s, Span<float> gradient)
    {
        var shape = Shape;
        var n = sentence.Count;
        var h = shape.Hidden;
        var p = Parameters;
        var input = shape.InputDimensions;
        for (var d = 0; d < 2; d++)
        {
            s.HiddenGradients[d].AsSpan(0, n * h).Clear();
        }

        var dOutput = gradient.Slice(shape.OutputAt, T * 2 * h);
        var dOutputBias = gradient.Slice(shape.OutputBiasAt, T);
        for (var i = 0; i < n; i++)
        {
            var forward = s.Hidden[0].AsSpan(i * h, h);
            var backward = s.Hidden[1].AsSpan(i * h, h);
            var dForward = s.HiddenGradients[0].AsSpan(i * h, h);
            var dBackward = s.HiddenGradients[1].AsSpan(i * h, h);
            for (var t = 0; t < T; t++)
            {
                var e = s.Emissions[(i * T) + t];
                if (e == 0)
                {
                    continue;
                }

                dOutputBias[t] += e;
                VectorMath.AddScaled(dOutput.Slice(t * 2 * h, h), forward, e);
                VectorMath.AddScaled(dOutput.Slice((t * 2 * h) + h, h), backward, e);
                var row = p.AsSpan(shape.OutputAt + (t * 2 * h), 2 * h);
                VectorMath.AddScaled(dForward, row[..h], e);
                VectorMath.AddScaled(dBackward, row[h..], e);
            }
        }

        s.InputGradients.AsSpan(0, n * input).Clear();
        for (var d = 0; d < 2; d++)
        {
            BackwardDirection(n, s, d, gradient);
        }

        var wd = shape.WordDimensions;
        var nd = shape.NgramDimensions;
        var cd = shape.CategoryDimensions;
        for (var i = 0; i < n; i++)
        {
            var dx = s.InputGradients.AsSpan(i * input, input);
            var mask = s.InputMask.AsSpan(i * input, input);
            for (var k = 0; k < input; k++)
            {
                dx[k] *= mask[k];
            }

            if (s.UsedUnknown[i])
            {
                VectorMath.AddScaled(gradient.Slice(shape.UnknownAt, wd), dx[..wd], 1f);
            }

            var ngrams = sentence.NgramsOf(i);
            if (ngrams.Length > 0)
            {
                var scale = 1f / ngrams.Length;
                foreach (var id in ngrams)
                {
                    VectorMath.AddScaled(gradient.Slice(shape.NgramsAt + (id * nd), nd), dx.Slice(wd, nd), scale);
                }
            }

            foreach (var id in sentence.CategoriesOf(i))
            {
                VectorMath.AddScaled(gradient.Slice(shape.CategoriesAt + (id * cd), cd), dx.Slice(wd + nd, cd), 1f);
            }
        }
    }

    /// <summary>Backpropagation through time for one direction, in the reverse of its processing order.</summary>
    private void BackwardDirection(int n, NerNeuralScratch s, int d, Span<float> gradient)
    {
        var shape = Shape;
        var h = shape.Hidden;
        var g4 = shape.Gates;
        var input = shape.InputDimensions;
        var p = Parameters;
        var wx = p.AsSpan(shape.InputWeightsAt(d), g4 * input);
        var wh = p.AsSpan(shape.RecurrentWeightsAt(d), g4 * h);
        var dWx = gradient.Slice(shape.InputWeightsAt(d), g4 * input);
        var dWh = gradient.Slice(shape.RecurrentWeightsAt(d), g4 * h);
        var dBias = gradient.Slice(shape.BiasAt(d), g4);
        var gates = s.Gates[d];
        var cells = s.Cells[d];
        var tanhCells = s.TanhCells[d];
        var hidden = s.Hidden[d];
        Span<float> dz = stackalloc float[g4];
        Span<float> dhNext = stackalloc float[h];
        Span<float> dcNext = stackalloc float[h];
        dhNext.Clear();
        dcNext.Clear();
        for (var step = n - 1; step >= 0; step--)
        {
            var i = d == 0 ? step : n - 1 - step;
            var previous = d == 0 ? i - 1 : i + 1;
            var g = gates.AsSpan(i * g4, g4);
            var dHidden = s.HiddenGradients[d].AsSpan(i * h, h);
            for (var k = 0; k < h; k++)
            {
                var dh = dHidden[k] + dhNext[k];
                var ig = g[k];
                var fg = g[h + k];
                var gg = g[(2 * h) + k];
                var og = g[(3 * h) + k];
                var tc = tanhCells[(i * h) + k];
                var dc = dcNext[k] + (dh * og * (1 - (tc * tc)));
                var cPrevious = step > 0 ? cells[(previous * h) + k] : 0f;
                dz[k] = dc * gg * ig * (1 - ig);
                dz[h + k] = dc * cPrevious * fg * (1 - fg);
                dz[(2 * h) + k] = dc * ig * (1 - (gg * gg));
                dz[(3 * h) + k] = dh * tc * og * (1 - og);
                dcNext[k] = dc * fg;
            }

            VectorMath.AddScaled(dBias, dz, 1f);
            var x = s.Inputs.AsSpan(i * input, input);
            var dx = s.InputGradients.AsSpan(i * input, input);
            dhNext.Clear();
            for (var r = 0; r < g4; r++)
            {
                var e = dz[r];
                if (e == 0)
                {
                    continue;
                }

                VectorMath.AddScaled(dWx.Slice(r * input, input), x, e);
                VectorMath.AddScaled(dx, wx.Slice(r * input, input), e);
                if (step > 0)
                {
                    VectorMath.AddScaled(dWh.Slice(r * h, h), hidden.AsSpan(previous * h, h), e);
                    VectorMath.AddScaled(dhNext, wh.Slice(r * h, h), e);
                }
            }
        }
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
