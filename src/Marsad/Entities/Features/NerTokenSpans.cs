namespace Marsad.Entities.Features;

/// <summary>
/// A sentence to tag: tokens given as [start, end) ranges over a source string (no copies). The ranges are
/// <see cref="Count"/> entries of <see cref="Starts"/> and <see cref="Ends"/> from <see cref="Offset"/>, so the
/// sentences of a document can share one pair of document-wide arrays instead of a copy each.
/// </summary>
public readonly struct NerTokenSpans
{
    public NerTokenSpans(string source, int[] starts, int[] ends, int count)
        : this(source, starts, ends, 0, count)
    {
    }

    public NerTokenSpans(string source, int[] starts, int[] ends, int offset, int count)
    {
        Source = source;
        Starts = starts;
        Ends = ends;
        Offset = offset;
        Count = count;
    }

    public string Source { get; }

    /// <summary>Token starts; this sentence's are <see cref="Count"/> entries from <see cref="Offset"/> (use <see cref="StartOf"/>).</summary>
    public int[] Starts { get; }

    /// <summary>Token ends; this sentence's are <see cref="Count"/> entries from <see cref="Offset"/> (use <see cref="EndOf"/>).</summary>
    public int[] Ends { get; }

    /// <summary>Where this sentence's first token is in <see cref="Starts"/> and <see cref="Ends"/>.</summary>
    public int Offset { get; }

    public int Count { get; }

    public ReadOnlySpan<char> this[int i] => Source.AsSpan(Starts[Offset + i], Ends[Offset + i] - Starts[Offset + i]);

    /// <summary>The start offset in <see cref="Source"/> of token <paramref name="i"/> of the sentence.</summary>
    public int StartOf(int i) => Starts[Offset + i];

    /// <summary>The end offset (exclusive) in <see cref="Source"/> of token <paramref name="i"/> of the sentence.</summary>
    public int EndOf(int i) => Ends[Offset + i];

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
