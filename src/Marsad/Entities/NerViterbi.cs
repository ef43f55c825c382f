using System.Runtime.CompilerServices;

namespace Marsad.Entities;

/// <summary>
/// First-order Viterbi decoding over the BIO tag set with the BIO constraint built in: a path never
/// puts I-X after O, after the sentence start, or after a tag of another type.
/// </summary>
public static class NerViterbi
{
    // Allowed[(previous + 1) * 9 + tag]: the BIO constraint as a table, row 0 being the sentence start.
    private static readonly bool[] Allowed = BuildAllowed();

    /// <summary>
    /// Decodes the best valid tag path. <paramref name="emissions"/> holds n × <see cref="NerTags.Count"/>
    /// scores; <paramref name="transitions"/> holds (1 + Count) × Count scores, row 0 being the start.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, int n, Span<int> tags)
    {
        const int T = 9;
        if (n == 0)
        {
            return;
        }

        var scores = n * T <= 4096 ? stackalloc float[n * T] : new float[n * T];
        var back = n * T <= 4096 ? stackalloc int[n * T] : new int[n * T];
        for (var t = 0; t < T; t++)
        {
            scores[t] = Allowed[t] ? emissions[t] + transitions[t] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var t = 0; t < T; t++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < T; p++)
                {
                    if (!Allowed[((p + 1) * T) + t])
                    {
                        continue;
                    }

                    var s = scores[((i - 1) * T) + p] + transitions[((p + 1) * T) + t];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                scores[(i * T) + t] = best + emissions[(i * T) + t];
                back[(i * T) + t] = arg;
            }
        }

        var last = 0;
        for (var t = 1; t < T; t++)
        {
            if (scores[((n - 1) * T) + t] > scores[((n - 1) * T) + last])
            {
                last = t;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            tags[i] = last;
            last = back[(i * T) + last];
        }
    }

    private static bool[] BuildAllowed()
    {
        var table = new bool[(NerTags.Count + 1) * NerTags.Count];
        for (var p = -1; p < NerTags.Count; p++)
        {
            for (var t = 0; t < NerTags.Count; t++)
            {
                table[((p + 1) * NerTags.Count) + t] = NerTags.Allowed(p, t);
            }
        }

        return table;
    }
}
