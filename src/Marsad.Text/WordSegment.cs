namespace Marsad.Text;

/// <summary>
/// One clitic segment of a word: [Start, End) relative to the word's first character, its role, and the
/// clitic's canonical form (e.g. "ال" for the article written "ل" in للولايات). <see cref="Form"/> is null
/// for the stem, whose form is its surface (normalise it as needed).
/// </summary>
public readonly record struct WordSegment(int Start, int End, SegmentRole Role, string? Form)
{
    public int Length => End - Start;
}
