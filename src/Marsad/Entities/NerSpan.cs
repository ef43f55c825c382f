namespace Marsad.Entities;

/// <summary>An entity span over token positions [Start, End) with its type (PER, LOC, ORG, MISC).</summary>
public readonly record struct NerSpan(int Start, int End, string Type)
{
    /// <summary>
    /// The entity spans of a tag sequence, read as conlleval and seqeval (default mode) read them:
    /// a span starts at B-X, or at I-X when the previous tag is O or of another type; it ends
    /// before O, before B-, or before a tag of another type.
    /// </summary>
    public static List<NerSpan> FromTags(IReadOnlyList<string> tags)
    {
        var spans = new List<NerSpan>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            var (prefix, tagType) = Split(tag);
            var continues = prefix == 'I' && type is not null && tagType == type;
            if (type is not null && !continues)
            {
                spans.Add(new NerSpan(start, i, type));
                type = null;
            }

            if (prefix is 'B' or 'I' && !continues)
            {
                start = i;
                type = tagType;
            }
        }

        return spans;
    }

    private static (char Prefix, string? Type) Split(string tag)
    {
        if (tag.Length >= 3 && tag[1] == '-' && tag[0] is 'B' or 'I')
        {
            return (tag[0], tag[2..]);
        }

        return ('O', null);
    }
}
