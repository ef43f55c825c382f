namespace Marsad.Entities.Features;

/// <summary>
/// A sentence to tag: tokens given as [start, end) ranges over a source string (no copies). The ranges are
/// <see cref="Count"/> entries of the start and end arrays from <see cref="Offset"/>, so the sentences of a document
/// can share one pair of document-wide arrays instead of a copy each. The arrays stay private: an index into them
/// is only right with the offset added, which <see cref="StartOf"/>, <see cref="EndOf"/> and the indexer do.
/// </summary>
public readonly struct NerTokenSpans
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    public NerTokenSpans(string source, int[] starts, int[] ends, int count)
        : this(source, starts, ends, 0, count)
    {
    }

    public NerTokenSpans(string source, int[] starts, int[] ends, int offset, int count)
    {
        Source = source;
        _starts = starts;
        _ends = ends;
        Offset = offset;
        Count = count;
    }

    public string Source { get; }

    /// <summary>Where this sentence's first token is in the start and end arrays.</summary>
    public int Offset { get; }

    public int Count { get; }

    public ReadOnlySpan<char> this[int i] => Source.AsSpan(_starts[Offset + i], _ends[Offset + i] - _starts[Offset + i]);

    /// <summary>The start offset in <see cref="Source"/> of token <paramref name="i"/> of the sentence.</summary>
    public int StartOf(int i) => _starts[Offset + i];

    /// <summary>The end offset (exclusive) in <see cref="Source"/> of token <paramref name="i"/> of the sentence.</summary>
    public int EndOf(int i) => _ends[Offset + i];

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
