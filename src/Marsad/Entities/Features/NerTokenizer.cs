namespace Marsad.Entities.Features;

/// <summary>
/// Splits raw text into tokens the way ANERcorp is tokenised: white space separates words, clitics
/// stay attached (والصادرات), and each punctuation mark is a token of its own. Numbers keep their
/// inner separators (1,000.5, 10/13). Used for the unlabelled news text the word clusters are learned
/// from, and by the mention annotator when an article has no token layer.
/// </summary>
public static class NerTokenizer
{
    /// <summary>Calls <paramref name="onToken"/> with [start, end) of every token of <paramref name="text"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, Action<int, int> onToken)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\u200F' || c == '\u200E' || c == '\u200C')
            {
                i++;
                continue;
            }

            if (IsWordChar(c))
            {
                var start = i;
                i++;
                while (i < text.Length)
                {
                    if (IsWordChar(text[i]))
                    {
                        i++;
                    }
                    else if (IsNumberJoiner(text[i]) && i + 1 < text.Length && char.IsDigit(text[i + 1]) && char.IsDigit(text[i - 1]))
                    {
                        // 1,000.5 and 10/13 stay one token; a sentence-final period does not.
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                onToken(start, i);
                continue;
            }

            onToken(i, i + 1);
            i++;
        }
    }

    /// <summary>The tokens of <paramref name="text"/> as strings.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        Tokenize(text, (s, e) => words.Add(text[s..e]));
        return words;
    }

    /// <summary>True for characters that belong inside a word: letters, digits, marks (diacritics, tatweel).</summary>
    public static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c == '\u0640' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool IsNumberJoiner(char c) => c is '.' or ',' or '/' or '\u066B' or '\u066C'; // ARABIC DECIMAL/THOUSANDS SEPARATOR
}
