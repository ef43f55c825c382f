namespace Marsad.Topics;

/// <summary>
/// When an article's standfirst (the RSS description, ANT's <c>abstract</c>) tells the topic model something the body
/// does not already open with. BBC Arabic and part of CNN Arabic write a separate standfirst; the other ANT outlets'
/// is a truncation of the first sentence, which would only count the lead's words twice.
/// </summary>
public static class TopicStandfirst
{
    /// <summary>How far into the body (in characters, plus the standfirst's own length) a copied standfirst is looked for.</summary>
    private const int OpeningLength = 400;

    /// <summary>Whether a model reads the standfirst (trained with <see cref="TopicTrainingOptions.Standfirst"/>).</summary>
    internal static bool IsReadBy(TopicFeatureOptions options) => options.Has(TopicFeatureFamilies.Standfirst);

    /// <summary>
    /// The model, unless it reads the standfirst where articles are prepared without one (<paramref name="notReadBy"/>:
    /// "the pipeline does not read", "the measuring harnesses do not read"): such a model would be scored on other
    /// features than it was trained on.
    /// </summary>
    public static LinearTopicModel RefuseWithoutStandfirst(LinearTopicModel model, string path, string notReadBy)
    {
        ArgumentNullException.ThrowIfNull(model);
        return !IsReadBy(model.Options)
            ? model
            : throw new Errors.MarsadException(Errors.ErrorCodes.BadModel, $"a topic model trained with --standfirst needs the article's standfirst, which {notReadBy}", path);
    }

    /// <summary>
    /// The standfirst, trimmed, when it is not contained in the body's opening; null when it is empty or contained. The
    /// comparison reads letters and digits only (spacing and punctuation differ between feed and page) and drops the
    /// standfirst's last word (feeds cut the description mid-word).
    /// </summary>
    public static string? ExtraText(string? standfirst, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var trimmed = standfirst?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var lastSpace = trimmed.LastIndexOfAny([' ', '\n', '\t']);
        var key = LettersAndDigits(lastSpace > 0 ? trimmed.AsSpan(0, lastSpace) : trimmed);
        if (key.Length == 0)
        {
            return null;
        }

        var opening = LettersAndDigits(body.AsSpan(0, Math.Min(body.Length, OpeningLength + trimmed.Length)));
        return opening.Contains(key, StringComparison.Ordinal) ? null : trimmed;
    }

    private static string LettersAndDigits(ReadOnlySpan<char> text)
    {
        var chars = new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                chars[n++] = c;
            }
        }

        return new string(chars, 0, n);
    }
}
