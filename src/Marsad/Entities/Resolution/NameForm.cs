namespace Marsad.Entities.Resolution;

/// <summary>
/// A name prepared for matching: its display surface (as written, without proclitics or titles), its
/// tokens in phonetic form (initials such as "ك." dropped), and <see cref="Key"/>, the tokens joined by
/// one space — the form the knowledge base and the merger compare.
/// </summary>
public sealed class NameForm
{
    private NameForm(string surface, string[] tokens)
    {
        Surface = surface;
        Tokens = tokens;
        Key = string.Join(' ', tokens);
    }

    /// <summary>The name as written in the text, without proclitics or titles.</summary>
    public string Surface { get; }

    /// <summary>Phonetic tokens (see <see cref="NameNormalizer.Phonetic"/>), initials dropped.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The tokens joined by one space; empty when the name has no letters.</summary>
    public string Key { get; }

    /// <summary>The key without spaces, to match names written as one word or two (بيونغ يانغ/بيونغيانغ).</summary>
    public string CompactKey => Tokens.Count <= 1 ? Key : string.Concat(Tokens);

    public bool IsEmpty => Tokens.Count == 0;

    public static NameForm Parse(string surface)
    {
        var tokens = new List<string>(4);
        var start = -1;
        for (var i = 0; i <= surface.Length; i++)
        {
            var inWord = i < surface.Length && NameNormalizer.IsNameChar(surface[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var phonetic = NameNormalizer.Phonetic(surface.AsSpan(start, i - start));

                // A lone letter is an initial (سيرجي ك. شويغو): it does not help matching and is often omitted.
                if (phonetic.Length > 1 || (phonetic.Length == 1 && char.IsDigit(phonetic[0])))
                {
                    tokens.Add(phonetic);
                }

                start = -1;
            }
        }

        return new NameForm(surface.Trim(), [.. tokens]);
    }

    /// <summary>The words of a name: maximal runs of letters, digits and Arabic marks.</summary>
    public static IEnumerable<string> SplitWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && NameNormalizer.IsNameChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    public override string ToString() => Surface;
}
