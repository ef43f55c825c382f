using Marsad.Model;

namespace Marsad.Json;

/// <summary>
/// The public JSON contract of one analysed article (CLI --json, HTTP API, export). Versioned by
/// <see cref="ContractVersion"/>; see docs/json-contract.md. Field names are camelCase.
/// </summary>
public sealed record AnalysisDocument
{
    public const string ContractVersion = "1.0";

    public string Version { get; init; } = ContractVersion;

    public required ArticleDto Article { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<TextBlock> Blocks { get; init; }

    public string? Anchor { get; init; }

    public IReadOnlyList<SentenceSpan> Sentences { get; init; } = [];

    public IReadOnlyList<TokenAnnotation> Tokens { get; init; } = [];

    public IReadOnlyList<Mention> Mentions { get; init; } = [];

    public IReadOnlyList<Entity> Entities { get; init; } = [];

    public IReadOnlyList<TimeExpression> Times { get; init; } = [];

    public IReadOnlyList<Quote> Quotes { get; init; } = [];

    public IReadOnlyList<Attribution> Attributions { get; init; } = [];

    public IReadOnlyList<TopicScore> Topics { get; init; } = [];

    public IReadOnlyList<Keyphrase> Keyphrases { get; init; } = [];

    public IReadOnlyList<int> Summary { get; init; } = [];

    /// <summary>Builds the contract from an analysed article. Tokens are included only when asked, as they dominate the size.</summary>
    public static AnalysisDocument From(AnalyzedArticle doc, bool includeTokens = true) => new()
    {
        Article = ArticleDto.From(doc.Article),
        Text = doc.Text,
        Blocks = doc.Blocks,
        Anchor = doc.Anchor?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Sentences = doc.Sentences,
        Tokens = includeTokens ? doc.Tokens : [],
        Mentions = doc.Mentions,
        Entities = doc.Entities,
        Times = doc.TimeExpressions,
        Quotes = doc.Quotes,
        Attributions = doc.Attributions,
        Topics = doc.Topics,
        Keyphrases = doc.Keyphrases,
        Summary = doc.Summary,
    };
}

/// <summary>The article block of the contract: the clean fields, with the dropped blocks listed.</summary>
public sealed record ArticleDto
{
    public required string Id { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public string? Section { get; init; }
    public string? Headline { get; init; }
    public IReadOnlyList<string> Captions { get; init; } = [];
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    public string? PublishedAt { get; init; }
    public string? Byline { get; init; }
    public required string Format { get; init; }
    public string? Origin { get; init; }
    public IReadOnlyList<DroppedBlock> Dropped { get; init; } = [];

    public static ArticleDto From(Article a) => new()
    {
        Id = a.Id,
        Source = a.Source,
        Url = a.Url,
        Section = a.Section,
        Headline = a.Headline,
        Captions = a.Captions,
        Paragraphs = a.Paragraphs,
        PublishedAt = a.PublishedAt?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        Byline = a.Byline,
        Format = a.Format,
        Origin = a.Origin,
        Dropped = a.Dropped,
    };
}
