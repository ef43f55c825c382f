using Marsad.Entities;
using Marsad.Entities.Features;

namespace Marsad.Tests.Entities.Ner;

/// <summary>Document consistency's vote against untagged repeats, and country adjectives (كوري ← كوريا).</summary>
public sealed class NerConsistencyAndAdjectiveTests
{
    private static readonly int BeginLoc = NerTags.Begin(1);

    [Fact]
    public void UntaggedRepeatOfATaggedNameGetsItsType()
    {
        string[][] forms = [["زار", "نيسان", "امس"], ["قالت", "نيسان", "ان"]];
        int[][] tags = [[NerTags.O, BeginLoc, NerTags.O], [NerTags.O, NerTags.O, NerTags.O]];
        NerDocumentConsistency.Apply(forms, tags);
        Assert.Equal(BeginLoc, tags[1][1]);
    }

    [Fact]
    public void NameLeftUntaggedMoreOftenThanTaggedIsNotSpread()
    {
        string[][] forms = [["زار", "مصر", "امس"], ["الوفد", "مصر"], ["في", "مصر"]];
        int[][] tags = [[NerTags.O, BeginLoc, NerTags.O], [NerTags.O, NerTags.O], [NerTags.O, NerTags.O]];
        NerDocumentConsistency.Apply(forms, tags);
        Assert.Equal(NerTags.O, tags[1][1]);
        Assert.Equal(NerTags.O, tags[2][1]);
    }

    [Theory]
    [InlineData("كوري", true)]
    [InlineData("كوريه", true)]
    [InlineData("لبناني", true)]
    [InlineData("يمني", true)]
    [InlineData("سعودي", true)]
    [InlineData("فرنسي", true)]
    [InlineData("كوريا", false)]
    [InlineData("علي", false)]
    [InlineData("ي", false)]
    public void CountryAdjectivesAreFoundThroughTheirCountry(string bare, bool expected)
    {
        var gazetteer = new NerGazetteer(["city", "country"], new Dictionary<string, ushort>
        {
            ["كوريا الشماليه"] = 2,
            ["لبنان"] = 2,
            ["اليمن"] = 2,
            ["السعوديه"] = 2,
            ["فرنسا"] = 2,
            ["كوري"] = 1, // Kure, a city: not a country
        });
        Assert.Equal(2, NerCountryAdjectives.CountryBit(gazetteer));
        Assert.Equal(expected, new NerCountryAdjectives(gazetteer).IsCountryAdjective(bare));
    }
}
