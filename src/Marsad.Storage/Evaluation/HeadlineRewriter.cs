using System.Text;

namespace Marsad.Storage.Evaluation;

/// <summary>The ways a known-item query rewrites a headline.</summary>
public enum Rewrite
{
    /// <summary>A proclitic added to words (روسيا → وروسيا, لروسيا).</summary>
    CliticsAdded,

    /// <summary>The article or a conjunction removed from words (والشمالية → شمالية).</summary>
    CliticsRemoved,

    /// <summary>Alef hamza forms, alef maksura and teh marbuta swapped with their plain or alternative forms.</summary>
    LetterVariants,

    /// <summary>Short vowels (harakat) added.</summary>
    Diacritics,

    /// <summary>One word dropped.</summary>
    WordDropped,

    /// <summary>All of the above at once.</summary>
    Mixed,
}

/// <summary>
/// Rewrites a headline the way a reader types it: clitics added or removed, spelling variants,
/// diacritics, a word dropped. Deterministic for a seed, so evaluation runs are reproducible.
/// </summary>
public sealed class HeadlineRewriter(int seed)
{
    private static readonly string[] AddedClitics = ["\u0648" /* و */, "\u0628" /* ب */, "\u0644" /* ل */, "\u0648\u0627\u0644" /* وال */];
    private static readonly char[] Harakat = ['\u064E' /* FATHA */, '\u0650' /* KASRA */, '\u064F' /* DAMMA */, '\u0652' /* SUKUN */];

    private readonly Random _random = new(seed);

    public string Apply(string headline, Rewrite rewrite)
    {
        var words = headline.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        switch (rewrite)
        {
            case Rewrite.CliticsAdded:
                AddClitics(words);
                break;
            case Rewrite.CliticsRemoved:
                RemoveClitics(words);
                break;
            case Rewrite.LetterVariants:
                SwapLetters(words);
                break;
            case Rewrite.Diacritics:
                AddDiacritics(words);
                break;
            case Rewrite.WordDropped:
                DropWord(words);
                break;
            default:
                AddClitics(words);
                RemoveClitics(words);
                SwapLetters(words);
                AddDiacritics(words);
                DropWord(words);
                break;
        }

        return string.Join(' ', words);
    }

    private static bool IsArabicWord(string w) => w.Length >= 3 && w.All(c => c is >= '\u0621' and <= '\u064A');

    private void AddClitics(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (IsArabicWord(words[i]) && !words[i].StartsWith("\u0627\u0644", StringComparison.Ordinal) && _random.NextDouble() < 0.5)
            {
                var clitic = AddedClitics[_random.Next(AddedClitics.Length)];
                words[i] = clitic + words[i];
            }
        }
    }

    private void RemoveClitics(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (!IsArabicWord(w))
            {
                continue;
            }

            if (w.StartsWith("\u0648\u0627\u0644", StringComparison.Ordinal) && w.Length > 5)
            {
                words[i] = w[3..];
            }
            else if (w.StartsWith("\u0627\u0644", StringComparison.Ordinal) && w.Length > 4 && _random.NextDouble() < 0.7)
            {
                words[i] = w[2..];
            }
            else if (w[0] == '\u0648' && w.Length > 4 && _random.NextDouble() < 0.7)
            {
                words[i] = w[1..];
            }
        }
    }

    private void SwapLetters(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var sb = new StringBuilder(words[i]);
            for (var k = 0; k < sb.Length; k++)
            {
                var last = k == sb.Length - 1;
                sb[k] = sb[k] switch
                {
                    '\u0623' or '\u0625' or '\u0622' => '\u0627', // hamza forms → bare alef
                    '\u0627' when k == 0 && _random.NextDouble() < 0.5 => '\u0623', // bare alef → alef with hamza
                    '\u0629' when last => '\u0647', // teh marbuta → heh
                    '\u0647' when last && sb.Length > 3 => '\u0629', // heh → teh marbuta
                    '\u0649' when last => '\u064A', // alef maksura → yeh
                    '\u064A' when last && sb.Length > 3 => '\u0649', // yeh → alef maksura
                    _ => sb[k],
                };
            }

            words[i] = sb.ToString();
        }
    }

    private void AddDiacritics(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsArabicWord(words[i]))
            {
                continue;
            }

            var sb = new StringBuilder();
            foreach (var c in words[i])
            {
                sb.Append(c);
                if (_random.NextDouble() < 0.5)
                {
                    sb.Append(Harakat[_random.Next(Harakat.Length)]);
                }
            }

            words[i] = sb.ToString();
        }
    }

    private void DropWord(List<string> words)
    {
        if (words.Count >= 3)
        {
            words.RemoveAt(_random.Next(words.Count));
        }
    }
}
