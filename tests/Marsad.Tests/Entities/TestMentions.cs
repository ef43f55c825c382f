using Marsad.Entities.Kb;
using Marsad.Model;

namespace Marsad.Tests.Entities;

/// <summary>Builds hand-made mention lists: every word-bounded occurrence of each surface, longest surfaces first, no overlaps.</summary>
internal static class TestMentions
{
    public static List<Mention> Of(string text, params (string Surface, string Type)[] names)
    {
        var mentions = new List<Mention>();
        var taken = new bool[text.Length];
        foreach (var (surface, type) in names.OrderByDescending(n => n.Surface.Length))
        {
            for (var at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.Ordinal))
            {
                var end = at + surface.Length;
                var bounded = (at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]));
                if (bounded && !taken.AsSpan(at, surface.Length).Contains(true))
                {
                    taken.AsSpan(at, surface.Length).Fill(true);
                    mentions.Add(new Mention(at, end, type, surface));
                }
            }
        }

        return [.. mentions.OrderBy(m => m.Start)];
    }

    /// <summary>A small KB for the rule tests, independent of the shipped files.</summary>
    public static KnowledgeBase SmallKb { get; } = new(
    [
        new KbEntry("LOC", "كوريا الشمالية") { WikidataId = "Q423", EnglishName = "North Korea", Variants = ["كوريا الديمقراطية", "جمهورية كوريا الشعبية الديمقراطية"], Rank = KbRanks.Curated },
        new KbEntry("LOC", "روسيا") { WikidataId = "Q159", EnglishName = "Russia", Rank = KbRanks.Country },
        new KbEntry("LOC", "الولايات المتحدة") { WikidataId = "Q30", EnglishName = "United States", Variants = ["أمريكا", "أميركا"], Rank = KbRanks.Country },
        new KbEntry("LOC", "لبنان") { WikidataId = "Q822", EnglishName = "Lebanon", Rank = KbRanks.Country },
        new KbEntry("PER", "فلاديمير بوتين") { WikidataId = "Q7747", EnglishName = "Vladimir Putin", Rank = KbRanks.Curated },
        new KbEntry("LOC", "واشنطن") { WikidataId = "Q61", EnglishName = "Washington, D.C.", Rank = KbRanks.Curated },
    ],
    ["الرئيس", "السيد", "الدكتور"]);
}
