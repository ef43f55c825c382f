namespace Marsad.Entities.Training;

/// <summary>
/// Forward-backward over the BIO tag lattice (the transitions <see cref="NerTags.Allowed"/> permits) for
/// CRF-style log-loss training: per-token tag marginals and the expected transition counts under the
/// model's distribution over valid tag paths. Log space, double precision.
/// </summary>
public static class NerForwardBackward
{
    private const int T = 9;

    /// <summary>
    /// Writes the tag marginals (n × tags) to <paramref name="marginals"/> and adds the expected count of
    /// every transition ((1 + tags) × tags, row 0 the sentence start) to <paramref name="expectedTransitions"/>.
    /// Returns the log partition function (log of the summed score of every valid path).
    /// </summary>
    public static double Marginals(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, int n, Span<double> marginals, Span<double> expectedTransitions)
    {
        var alpha = new double[n * T];
        var beta = new double[n * T];
        for (var t = 0; t < T; t++)
        {
            alpha[t] = NerTags.Allowed(-1, t) ? emissions[t] + transitions[t] : double.NegativeInfinity;
        }

        Span<double> terms = stackalloc double[T];
        for (var i = 1; i < n; i++)
        {
            for (var t = 0; t < T; t++)
            {
                for (var p = 0; p < T; p++)
                {
                    terms[p] = NerTags.Allowed(p, t) ? alpha[((i - 1) * T) + p] + transitions[((p + 1) * T) + t] : double.NegativeInfinity;
                }

                alpha[(i * T) + t] = LogSum(terms) + emissions[(i * T) + t];
            }
        }

        for (var t = 0; t < T; t++)
        {
            beta[((n - 1) * T) + t] = 0;
        }

        for (var i = n - 2; i >= 0; i--)
        {
            for (var p = 0; p < T; p++)
            {
                for (var t = 0; t < T; t++)
                {
                    terms[t] = NerTags.Allowed(p, t) ? transitions[((p + 1) * T) + t] + emissions[((i + 1) * T) + t] + beta[((i + 1) * T) + t] : double.NegativeInfinity;
                }

                beta[(i * T) + p] = LogSum(terms);
            }
        }

        var logZ = LogSum(alpha.AsSpan((n - 1) * T, T));
        for (var i = 0; i < n; i++)
        {
            for (var t = 0; t < T; t++)
            {
                marginals[(i * T) + t] = Math.Exp(alpha[(i * T) + t] + beta[(i * T) + t] - logZ);
            }
        }

        for (var t = 0; t < T; t++)
        {
            expectedTransitions[t] += marginals[t];
        }

        for (var i = 1; i < n; i++)
        {
            for (var p = 0; p < T; p++)
            {
                for (var t = 0; t < T; t++)
                {
                    if (NerTags.Allowed(p, t))
                    {
                        expectedTransitions[((p + 1) * T) + t] += Math.Exp(alpha[((i - 1) * T) + p] + transitions[((p + 1) * T) + t] + emissions[(i * T) + t] + beta[(i * T) + t] - logZ);
                    }
                }
            }
        }

        return logZ;
    }

    private static double LogSum(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (var v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }
}
