namespace Marsad.Text;

/// <summary>A token: its span [Start, End) in UTF-16 offsets of the original text, and its kind.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public int Length => End - Start;

    /// <summary>The token's surface in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text[Start..End];

    /// <summary>True for words (Arabic or Latin) and hashtags: the tokens that carry clitics and stems.</summary>
    public bool IsWord => Kind is TokenKind.ArabicWord or TokenKind.LatinWord;
}
