namespace Marsad.Text;

/// <summary>
/// One clitic segment of a word: [Start, End) relative to the word's first character, its role, and the
/// clitic's canonical form (e.g. "ال" for the article written "ل" in للولايات). <see cref="Form"/> is null
/// for the stem, whose form is its surface (normalise it as needed), except where the written stem lost letters:
/// مما = من+ما (stem "م", form "من"), and للاعبين = ل+ال+لاعبين (stem "اعبين", form "لاعبين").
/// </summary>
public readonly record struct WordSegment(int Start, int End, SegmentRole Role, string? Form)
{
    public int Length => End - Start;
}
