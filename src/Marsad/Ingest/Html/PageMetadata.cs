namespace Marsad.Ingest.Html;

/// <summary>What a page says about its article outside the body: from JSON-LD, meta tags, &lt;time&gt;, breadcrumbs and the URL.</summary>
public sealed record PageMetadata
{
    public string? Headline { get; init; }

    public string? Url { get; init; }

    public string? Source { get; init; }

    public string? Section { get; init; }

    public string? Byline { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Where the publication date came from (json-ld, meta, time, text, url), for diagnostics.</summary>
    public string? DateSource { get; init; }
}
