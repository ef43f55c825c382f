namespace Marsad.Entities.Features;

/// <summary>A sentence to tag: tokens given as [start, end) ranges over a source string (no copies).</summary>
public readonly struct NerTokenSpans
{
    public NerTokenSpans(string source, int[] starts, int[] ends, int count)
    {
        Source = source;
        Starts = starts;
        Ends = ends;
        Count = count;
    }

    public string Source { get; }

    public int[] Starts { get; }

    public int[] Ends { get; }

    public int Count { get; }

    public ReadOnlySpan<char> this[int i] => Source.AsSpan(Starts[i], Ends[i] - Starts[i]);

    /// <summary>A sentence from separate token strings (training files, tests).</summary>
    public static NerTokenSpans FromTokens(IReadOnlyList<string> tokens)
    {
        var builder = new System.Text.StringBuilder();
        var starts = new int[tokens.Count];
        var ends = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            starts[i] = builder.Length;
            builder.Append(tokens[i]);
            ends[i] = builder.Length;
        }

        return new NerTokenSpans(builder.ToString(), starts, ends, tokens.Count);
    }
}
