namespace Marsad.Ingest;

/// <summary>
/// Turns one decoded input into articles. Readers never throw for bad input: every problem becomes
/// a <see cref="ReadOutcome"/> carrying a <see cref="Errors.MarsadException"/> for that record, and
/// the other records are still read.
/// </summary>
public interface IArticleReader
{
    InputFormat Format { get; }

    IEnumerable<ReadOutcome> Read(string name, string text, ReadOptions options);
}
