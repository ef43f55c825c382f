namespace Marsad.Ingest.Evaluation;

/// <summary>How a page's gold main text is to be compared.</summary>
public enum GoldTextKind
{
    /// <summary>The page has no gold text.</summary>
    None,

    /// <summary>The gold is the whole main text.</summary>
    Full,

    /// <summary>The gold is only the start of the main text (goose3 stores a cut prefix): compare with as many extracted tokens.</summary>
    Prefix,
}

/// <summary>
/// One saved HTML page and what is known about it: gold main text (whole or a prefix), gold
/// publication date, gold title, and snippets that must or must not appear in the extraction.
/// </summary>
public sealed record GoldPage
{
    /// <summary>The page's path relative to the pages folder (for reports).</summary>
    public required string Name { get; init; }

    public required string HtmlPath { get; init; }

    public string? Text { get; init; }

    public GoldTextKind TextKind { get; init; }

    public DateOnly? Date { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<string> MustContain { get; init; } = [];

    public IReadOnlyList<string> MustNotContain { get; init; } = [];

    /// <summary>Which gold files the facts came from.</summary>
    public IReadOnlyList<string> GoldSources { get; init; } = [];
}
