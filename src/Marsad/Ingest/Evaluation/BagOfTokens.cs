using System.Text;

namespace Marsad.Ingest.Evaluation;

/// <summary>
/// Body-token overlap, the score of main-text extraction. A token is a maximal run of characters
/// that are neither white space, punctuation nor symbols (so "أرض- أرض" and "(CNN)" split like the
/// words a reader sees). Tokens are normalised lightly: harakat (U+064B–U+065F), superscript alef
/// (U+0670) and tatweel (U+0640) removed; أ إ آ ٱ → ا; ى → ي; ة → ه; Latin lower-cased. Precision,
/// recall and F1 compare the two texts as bags (multisets) of tokens: a token found twice in the
/// gold counts twice.
/// </summary>
public static class BagOfTokens
{
    /// <summary>The normalised tokens of a text, in order.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsControl(c))
            {
                Flush(current, tokens);
                continue;
            }

            if (c is (>= '\u064B' and <= '\u065F') or '\u0670' or '\u0640' or '\u200C' or '\u200D' or '\u200F' or '\u200E')
            {
                continue;
            }

            current.Append(c switch
            {
                '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627', // hamza/madda/wasla alef forms → ARABIC LETTER ALEF
                '\u0649' => '\u064A', // ARABIC LETTER ALEF MAKSURA → ARABIC LETTER YEH
                '\u0629' => '\u0647', // ARABIC LETTER TEH MARBUTA → ARABIC LETTER HEH
                _ => char.ToLowerInvariant(c),
            });
        }

        Flush(current, tokens);
        return tokens;
    }

    /// <summary>Bag-of-tokens precision, recall and F1 of an extraction against the gold.</summary>
    public static TokenOverlap Score(IReadOnlyList<string> extracted, IReadOnlyList<string> gold)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in gold)
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        var common = 0;
        foreach (var token in extracted)
        {
            if (counts.TryGetValue(token, out var n) && n > 0)
            {
                counts[token] = n - 1;
                common++;
            }
        }

        var precision = extracted.Count == 0 ? 0 : (double)common / extracted.Count;
        var recall = gold.Count == 0 ? 0 : (double)common / gold.Count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new TokenOverlap(precision, recall, f1, extracted.Count, gold.Count);
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }
}

/// <summary>Bag-of-tokens precision, recall and F1, with the token counts they came from.</summary>
public sealed record TokenOverlap(double Precision, double Recall, double F1, int ExtractedTokens, int GoldTokens);
