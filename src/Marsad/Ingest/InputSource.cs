namespace Marsad.Ingest;

/// <summary>Raw input: a name for messages (a path, "-" for stdin, or a URL) and its bytes.</summary>
public sealed record InputSource(string Name, byte[] Bytes)
{
    /// <summary>The largest input Marsad reads: 50 MB. Larger files are rejected, not truncated.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;
}

/// <summary>The page formats Marsad reads.</summary>
public enum InputFormat
{
    Auto,
    Html,
    Text,
    Jsonl,
    Rss,
}

/// <summary>What reading one input produced: one article, or one error for one record. A reader yields many.</summary>
public readonly record struct ReadOutcome(Model.Article? Article, Errors.MarsadException? Error)
{
    public static ReadOutcome Ok(Model.Article article) => new(article, null);

    /// <summary>A record read with a warning (code MRS111: a field not understood): the article is kept, the user is told.</summary>
    public static ReadOutcome Ok(Model.Article article, Errors.MarsadException? warning) => new(article, null) { Warning = warning };

    /// <summary>What was not understood in a kept article (its date), or null.</summary>
    public Errors.MarsadException? Warning { get; init; }

    public static ReadOutcome Fail(Errors.MarsadException error) => new(null, error);
}

/// <summary>Options common to every reader.</summary>
public sealed record ReadOptions
{
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>A publication date to use when the page has none (the CLI's --date). A page's own date wins.</summary>
    public DateTimeOffset? DefaultDate { get; init; }

    /// <summary>When true, --date overrides the page's own date.</summary>
    public bool OverrideDate { get; init; }
}
