namespace Marsad.Model;

/// <summary>
/// A clean article as a reader produced it. Nothing is guessed silently: a field that was not
/// found in the input is null (or empty for lists).
/// </summary>
public sealed record Article
{
    /// <summary>Stable id: a hash of source + url when both are known, else of the normalised text.</summary>
    public required string Id { get; init; }

    /// <summary>The outlet or feed the article came from (a host name, a feed title, or a JSONL field).</summary>
    public string? Source { get; init; }

    public string? Url { get; init; }

    /// <summary>The section label as the outlet printed it (e.g. دولي).</summary>
    public string? Section { get; init; }

    public string? Headline { get; init; }

    public IReadOnlyList<string> Captions { get; init; } = [];

    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>Publication time from the page's metadata (or the user's --date). Null when unknown.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public string? Byline { get; init; }

    /// <summary>The reader that produced the article: text, html, jsonl or rss.</summary>
    public required string Format { get; init; }

    /// <summary>Where the article came from: a path, "-" for stdin, plus a record number for multi-article inputs.</summary>
    public string? Origin { get; init; }

    /// <summary>Blocks the reader dropped (teasers, widgets, share bars...), listed so that nothing is lost silently.</summary>
    public IReadOnlyList<DroppedBlock> Dropped { get; init; } = [];
}

/// <summary>A block of the input that the reader decided is not part of the article, and why.</summary>
public sealed record DroppedBlock(string Text, string Reason);
