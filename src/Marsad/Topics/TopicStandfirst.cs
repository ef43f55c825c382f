namespace Marsad.Topics;

/// <summary>Where a topic model reads an article's standfirst (<see cref="TopicStandfirst"/>); stored in the model file.</summary>
public enum StandfirstPlacement
{
    /// <summary>Not read (every model before session 7).</summary>
    None,

    /// <summary>As one more paragraph before the body.</summary>
    Paragraph,

    /// <summary>After the headline, in the headline's block: its stems also count as headline stems.</summary>
    Headline,
}

/// <summary>
/// When an article's standfirst (the RSS description, ANT's <c>abstract</c>) tells the topic model something the body
/// does not already open with. BBC Arabic and part of CNN Arabic write a separate standfirst; the other ANT outlets'
/// is a truncation of the first sentence, which would only count the lead's words twice.
/// </summary>
public static class TopicStandfirst
{
    /// <summary>How far into the body (in characters, plus the standfirst's own length) a copied standfirst is looked for.</summary>
    private const int OpeningLength = 400;

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

    /// <summary>The placement a model's feature families ask for.</summary>
    internal static StandfirstPlacement PlacementOf(TopicFeatureOptions options) =>
        options.Has(TopicFeatureFamilies.StandfirstHeadline) ? StandfirstPlacement.Headline
        : options.Has(TopicFeatureFamilies.Standfirst) ? StandfirstPlacement.Paragraph
        : StandfirstPlacement.None;

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
