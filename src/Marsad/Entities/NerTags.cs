namespace Marsad.Entities;

/// <summary>
/// The BIO tag set of the tagger: O plus B-/I- for PER, LOC, ORG and MISC, as small integers.
/// Valid sequences: an I-X follows a B-X or an I-X; nothing else may precede it (not even the start).
/// </summary>
public static class NerTags
{
    public const int O = 0;

    /// <summary>Entity types in tag order.</summary>
    public static readonly IReadOnlyList<string> Types = ["PER", "LOC", "ORG", "MISC"];

    /// <summary>Tag names by index: O, B-PER, I-PER, B-LOC, I-LOC, B-ORG, I-ORG, B-MISC, I-MISC.</summary>
    public static readonly IReadOnlyList<string> Names = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    public static int Count => Names.Count;

    public static bool IsBegin(int tag) => tag != O && tag % 2 == 1;

    public static bool IsInside(int tag) => tag != O && tag % 2 == 0;

    /// <summary>The index of the type in <see cref="Types"/>, or -1 for O.</summary>
    public static int TypeOf(int tag) => tag == O ? -1 : (tag - 1) / 2;

    public static int Begin(int type) => 1 + (2 * type);

    public static int Inside(int type) => 2 + (2 * type);

    /// <summary>True when <paramref name="tag"/> may follow <paramref name="previous"/> (-1 = sentence start) under BIO.</summary>
    public static bool Allowed(int previous, int tag) =>
        !IsInside(tag) || (previous >= 0 && previous != O && TypeOf(previous) == TypeOf(tag));

    /// <summary>Parses a tag name (B-PER, I-LOC, O; PERS is read as PER); null when unknown.</summary>
    public static int? Parse(string name)
    {
        if (name == "O")
        {
            return O;
        }

        if (name.Length < 3 || name[1] != '-' || (name[0] != 'B' && name[0] != 'I'))
        {
            return null;
        }

        var type = name[2..] switch
        {
            "PER" or "PERS" => 0,
            "LOC" => 1,
            "ORG" => 2,
            "MISC" => 3,
            _ => -1,
        };
        return type < 0 ? null : name[0] == 'B' ? Begin(type) : Inside(type);
    }

    /// <summary>Repairs a sequence to valid BIO the way the scorer reads it: an I-X that starts an entity becomes B-X.</summary>
    public static int[] Repair(IReadOnlyList<int> tags)
    {
        var repaired = new int[tags.Count];
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            repaired[i] = IsInside(tag) && !Allowed(i == 0 ? -1 : repaired[i - 1], tag) ? Begin(TypeOf(tag)) : tag;
        }

        return repaired;
    }
}
