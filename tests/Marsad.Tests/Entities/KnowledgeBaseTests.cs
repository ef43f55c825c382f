using Marsad.Entities;
using Marsad.Entities.Kb;
using Marsad.Entities.Resolution;
using Marsad.Pipeline;

namespace Marsad.Tests.Entities;

/// <summary>Lookups in the knowledge base shipped in models/kb (compiled sources plus the curated table).</summary>
public sealed class KnowledgeBaseTests
{
    private static readonly Lazy<KnowledgeBase> Shipped = new(() => EntityAnnotator.Load(MarsadModels.Locate()).Kb);

    private static KbEntry? Find(string name, string? type) => Shipped.Value.Find(NameForm.Parse(name), type);

    [Theory]
    [InlineData("روسيا", "Q159", "Russia")]
    [InlineData("كوريا الشمالية", "Q423", "North Korea")]
    [InlineData("كوريا الديمقراطية", "Q423", "North Korea")]
    [InlineData("جمهورية كوريا الشعبية الديمقراطية", "Q423", "North Korea")]
    [InlineData("الولايات المتحدة الأمريكية", "Q30", "United States")]
    [InlineData("أوكرانيا", "Q212", "Ukraine")]
    [InlineData("اوكرانيا", "Q212", "Ukraine")]
    [InlineData("الصين", "Q148", "China")]
    public void CountriesAndAliasesLink(string name, string wikidata, string english)
    {
        var entry = Find(name, "LOC");
        Assert.NotNull(entry);
        Assert.Equal(wikidata, entry.WikidataId);
        Assert.Equal(english, entry.EnglishName);
        Assert.Equal("LOC", entry.Type);
    }

    [Fact]
    public void CountryFoundForOrganisationMention() => Assert.Equal("Q159", Find("روسيا", "ORG")?.WikidataId);

    [Fact]
    public void CuratedPeopleLink()
    {
        Assert.Equal("Q7747", Find("فلاديمير بوتين", "PER")?.WikidataId);
        Assert.Equal("Q56226", Find("كيم جونج اون", "PER")?.WikidataId);
        Assert.Equal("Kim Jong Un", Find("كيم جونغ أون", "PER")?.EnglishName);
    }

    [Fact]
    public void PersonMentionNeverLinksToAPlace() => Assert.Null(Find("روسيا", "PER"));

    [Fact]
    public void CitiesFromDr5hnHaveArabicAndEnglishNames()
    {
        var baghdad = Find("بغداد", "LOC");
        Assert.NotNull(baghdad);
        Assert.Equal("Baghdad", baghdad.EnglishName);
        Assert.StartsWith("Q", baghdad.WikidataId);
    }

    [Fact]
    public void SpacingVariantsMatch() => Assert.Equal("Pyongyang", Find("بيونغيانغ", "LOC")?.EnglishName);

    [Fact]
    public void CuratedRowsMergeIntoCompiledEntryWithSameId()
    {
        var us = Shipped.Value.Entries.Where(e => e.WikidataId == "Q30").ToList();
        var entry = Assert.Single(us);
        Assert.Equal("الولايات المتحدة", entry.CanonicalName);
        Assert.Contains("أميركا", entry.Variants);
        Assert.Equal(KbRanks.Curated, entry.Rank);
    }

    [Fact]
    public void TitlesAreKnown()
    {
        Assert.True(Shipped.Value.IsTitle(NameNormalizer.Phonetic("الرئيس")));
        Assert.False(Shipped.Value.IsTitle(NameNormalizer.Phonetic("أمير")));
    }

    [Fact]
    public void UnknownNameFindsNothing() => Assert.Null(Find("زيبرخوتلاندا", null));

    [Fact]
    public void HigherRankWinsBetweenHomonyms()
    {
        var kb = new KnowledgeBase(
        [
            new KbEntry("LOC", "طرابلس") { WikidataId = "Q3579", EnglishName = "Tripoli", Rank = KbRanks.ForPlace(KbRanks.Capital, 1_100_000) },
            new KbEntry("LOC", "طرابلس") { WikidataId = "Q131354", EnglishName = "Tripoli, Lebanon", Rank = KbRanks.ForPlace(KbRanks.Place, 230_000) },
        ]);
        Assert.Equal("Tripoli", kb.Find(NameForm.Parse("طرابلس"), "LOC")?.EnglishName);
    }
}
