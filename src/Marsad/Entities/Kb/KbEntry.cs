namespace Marsad.Entities.Kb;

/// <summary>
/// One entity the knowledge base knows: type (PER, LOC, ORG, MISC), canonical Arabic name, Arabic
/// variants, English name and Wikidata id when known, and a rank that decides between homonyms
/// (curated table above countries above capitals above other places, then by population).
/// </summary>
public sealed record KbEntry(string Type, string CanonicalName)
{
    /// <summary>Finer kind: person, organisation, country, capital, city, adm1, ocean... (free text from the source).</summary>
    public string? Subtype { get; init; }

    public string? EnglishName { get; init; }

    /// <summary>The Wikidata id (Q…), or null when the sources do not give one.</summary>
    public string? WikidataId { get; init; }

    /// <summary>Other Arabic names and spellings (aliases, official names).</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>Higher wins between entries sharing a name; see <see cref="KbRanks"/>.</summary>
    public int Rank { get; init; }

    /// <summary>Where the entry comes from: curated, dr5hn, mledoze, gate.</summary>
    public string Source { get; init; } = "";

    /// <summary>Curated entries and countries are prominent enough to be found untagged in a text (mention completion).</summary>
    public bool IsProminent => Rank >= KbRanks.Country;
}

/// <summary>The ranks of the knowledge base's sources.</summary>
public static class KbRanks
{
    public const int Curated = 1000;
    public const int Country = 900;
    public const int Capital = 300;
    public const int Place = 100;
    public const int Gazetteer = 50;

    /// <summary>A place's rank grows with its population: 10 per order of magnitude.</summary>
    public static int ForPlace(int baseRank, long population) =>
        baseRank + (population > 0 ? (int)(10 * Math.Log10(population)) : 0);
}
