namespace Marsad.Text;

/// <summary>The role of a clitic segment within a word.</summary>
public enum SegmentRole
{
    Proclitic,
    Stem,
    Enclitic,
}
