namespace Marsad.Text;

/// <summary>What a token is.</summary>
public enum TokenKind
{
    /// <summary>A word in Arabic script.</summary>
    ArabicWord,

    /// <summary>A word in Latin (or another non-Arabic) script.</summary>
    LatinWord,

    /// <summary>A number: 1,000.5 ٢٠٢٣ 10/13 24/7.</summary>
    Number,

    /// <summary>A number followed by a percent sign (15% ١٥٪).</summary>
    Percent,

    Url,
    Email,
    Hashtag,
    Mention,

    /// <summary>A quotation mark of any kind (" « » “ ” ‘ ’).</summary>
    Quote,

    Punctuation,

    /// <summary>Anything else that is not white space: symbols, emoji.</summary>
    Symbol,
}
