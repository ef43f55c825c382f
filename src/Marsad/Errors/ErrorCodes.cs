namespace Marsad.Errors;

/// <summary>
/// Stable error codes. Users search for them, scripts match on them: never renumber one.
/// MRS1xx input, MRS2xx configuration and models, MRS3xx storage, MRS4xx API.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The path does not exist.</summary>
    public const string NotFound = "MRS101";

    /// <summary>The input is empty (or only white space).</summary>
    public const string Empty = "MRS102";

    /// <summary>The input is binary (an image, an archive...), not a text page.</summary>
    public const string Binary = "MRS103";

    /// <summary>The bytes cannot be decoded in the declared or detected encoding.</summary>
    public const string Undecodable = "MRS104";

    /// <summary>The input is larger than the reader accepts.</summary>
    public const string TooLarge = "MRS105";

    /// <summary>A record (JSONL line, feed item) is malformed.</summary>
    public const string MalformedRecord = "MRS106";

    /// <summary>The page holds no article text after boilerplate removal.</summary>
    public const string NoContent = "MRS107";

    /// <summary>The input's format was named but does not match, or cannot be read.</summary>
    public const string BadFormat = "MRS108";

    /// <summary>The input could not be read (permissions, I/O).</summary>
    public const string Unreadable = "MRS109";

    /// <summary>The analysis of one record failed (an annotator threw); the other records go on.</summary>
    public const string AnalysisFailed = "MRS110";

    /// <summary>A warning, not an error: a field of a record (its date) was not understood; the article is kept without it.</summary>
    public const string FieldNotUnderstood = "MRS111";

    /// <summary>A command-line or API argument is invalid.</summary>
    public const string BadArgument = "MRS201";

    /// <summary>A pipeline was built with an annotator whose requirements are not met.</summary>
    public const string PipelineOrder = "MRS202";

    /// <summary>A model file is missing or invalid.</summary>
    public const string BadModel = "MRS203";

    /// <summary>A gold or evaluation file is malformed.</summary>
    public const string BadGold = "MRS204";

    /// <summary>The archive could not be opened or written.</summary>
    public const string Storage = "MRS301";

    /// <summary>No such record in the archive.</summary>
    public const string UnknownId = "MRS302";

    /// <summary>A request body is over the server's limit.</summary>
    public const string RequestTooLarge = "MRS401";
}
