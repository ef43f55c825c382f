namespace Marsad.Topics;

/// <summary>
/// Marsad's user-facing topic labels and the mapping from each training corpus's categories
/// (documented in docs/evaluation.md). ANT v2.1 (multi-source) has 6 sections, ANT v1.1 (Jawhara FM) 9.
/// </summary>
public static class TopicLabels
{
    public const string International = "International";
    public const string MiddleEast = "MiddleEast";
    public const string Local = "Local";
    public const string Politics = "Politics";
    public const string Economy = "Economy";
    public const string Sports = "Sports";
    public const string Culture = "Culture";
    public const string Technology = "Technology";
    public const string Society = "Society";
    public const string Health = "Health";
    public const string Miscellaneous = "Miscellaneous";

    private static readonly Dictionary<string, string> CorpusCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        // ANT v2.1 and v1.1 share these names.
        ["internationalNews"] = International,
        ["middleEast"] = MiddleEast,
        ["economy"] = Economy,
        ["sport"] = Sports,
        ["culture"] = Culture,
        ["technology"] = Technology,

        // ANT v1.1 (Jawhara FM, Tunisia) only.
        ["localNews"] = Local,
        ["politic"] = Politics,
        ["society"] = Society,
        ["diverse"] = Miscellaneous,

        // Already user-facing labels (gold sets written by the team).
        [International] = International,
        [Local] = Local,
        [Politics] = Politics,
        [Sports] = Sports,
        [Society] = Society,
        [Health] = Health,
        [Miscellaneous] = Miscellaneous,
    };

    /// <summary>The user-facing label of a corpus category, or null when the category is unknown.</summary>
    public static string? FromCorpus(string? category) =>
        category is not null && CorpusCategories.TryGetValue(category.Trim(), out var label) ? label : null;
}
