using Marsad.Entities.Features;

namespace Marsad.Tests.Entities.Ner;

/// <summary>Normalisation, tokenisation and frequency-driven proclitic stripping.</summary>
public sealed class NerFeatureTests
{
    private static readonly NerLexicon Lexicon = new(
        ["روسيا", "لبنان", "الاتحاد", "القطار", "وليد", "ليد", "بنان"],
        [900, 800, 700, 300, 200, 3, 2],
        [],
        []);

    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إيران", "ايران")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("القاهرة", "القاهره")]
    [InlineData("مُحَمَّد", "محمد")]
    [InlineData("جـــديد", "جديد")]
    [InlineData("٢٠٢٣", "2023")]
    [InlineData("NATO", "nato")]
    public void NormalizationRules(string word, string expected) => Assert.Equal(expected, NerWordForms.Normalize(word));

    [Theory]
    [InlineData("لروسيا", "روسيا")]
    [InlineData("وروسيا", "روسيا")]
    [InlineData("للبنان", "لبنان")]
    [InlineData("للاتحاد", "الاتحاد")]
    [InlineData("بالقطار", "القطار")]
    [InlineData("وليد", "وليد")]
    [InlineData("لبنان", "لبنان")]
    [InlineData("والمجهول", "المجهول")]
    [InlineData("ولمجهول", "ولمجهول")]
    public void StandaloneFormStripsProcliticsOnlyWhenTheRestIsTheBetterWord(string word, string expected)
    {
        var buffer = new char[word.Length + 1];
        var n = Lexicon.Standalone(word, buffer);
        Assert.Equal(expected, new string(buffer, 0, n));
    }

    [Theory]
    [InlineData("وزارة", true, false)]
    [InlineData("الحزب", true, false)]
    [InlineData("وزير", false, true)]
    [InlineData("كتاب", false, false)]
    public void TriggerWordsAreMatchedOnTheBareNormalisedStem(string word, bool organisationHead, bool personTitle)
    {
        var normalized = NerWordForms.Normalize(word);
        var bare = normalized.StartsWith("\u0627\u0644", StringComparison.Ordinal) ? normalized[2..] : normalized;
        Assert.Equal(organisationHead, NerTriggerWords.IsOrganisationHead(bare));
        Assert.Equal(personTitle, NerTriggerWords.IsPersonTitle(bare));
    }

    [Fact]
    public void TriggerFeaturesDependOnTheWordsToTheLeft()
    {
        var withTrigger = NerTokenSpans.FromTokens(["وزارة", "الخارجية", "امس"]);
        var without = NerTokenSpans.FromTokens(["كتاب", "الخارجية", "امس"]);
        var triggers = new NerFeatureExtractor(Lexicon, NerGazetteer.Empty, NerFeatureGroups.Triggers);
        var a = new NerFeatureBuffer();
        var b = new NerFeatureBuffer();
        triggers.Extract(withTrigger, a);
        triggers.Extract(without, b);
        Assert.NotEqual(a.FeaturesOf(1).ToArray(), b.FeaturesOf(1).ToArray());
        Assert.Equal(a.FeaturesOf(2).Length, b.FeaturesOf(2).Length + 1);
    }

    [Fact]
    public void TokenizerSeparatesPunctuationAndKeepsCliticsAndNumbers()
    {
        Assert.Equal(
            ["قال", "\"", "نيويورك", "تايمز", "\"", "،", "إن", "1,000.5", "دولار", "."],
            NerTokenizer.Words("قال \"نيويورك تايمز\"، إن 1,000.5 دولار."));
    }

    [Fact]
    public void TokenizerOnEmptyInputGivesNothing() => Assert.Empty(NerTokenizer.Words(string.Empty));

    [Fact]
    public void GazetteerMarksTheLongestMatch()
    {
        var gazetteer = new NerGazetteer(["country", "city"], new Dictionary<string, ushort>
        {
            ["الولايات"] = 2,
            ["الولايات المتحده"] = 1,
        });
        string[] forms = ["في", "الولايات", "المتحده", "امس"];
        var bits = new ushort[4];
        var begins = new bool[4];
        gazetteer.Match(forms, bits, begins);
        Assert.Equal(new ushort[] { 0, 1, 1, 0 }, bits);
        Assert.Equal([false, true, false, false], begins);
    }

    [Fact]
    public void GazetteerMatchesGrowThroughWordsThatAreNoPhraseThemselves()
    {
        // "الامم المتحده" is no phrase, only the start of one; "كوريا" is a phrase and the start of a longer one.
        var gazetteer = new NerGazetteer(["organisation", "country"], new Dictionary<string, ushort>
        {
            ["الامم المتحده للطفوله"] = 1,
            ["كوريا"] = 2,
            ["كوريا الجنوبيه"] = 2,
        });
        string[] forms = ["الامم", "المتحده", "للطفوله", "في", "كوريا", "الشماليه", "الامم", "المتحده"];
        var bits = new ushort[forms.Length];
        var begins = new bool[forms.Length];
        gazetteer.Match(forms, bits, begins);
        Assert.Equal(new ushort[] { 1, 1, 1, 0, 2, 0, 0, 0 }, bits);
        Assert.Equal([true, false, false, false, true, false, false, false], begins);
    }

    [Fact]
    public void FeatureExtractionIsDeterministicAndGroupsCanBeSwitchedOff()
    {
        var sentence = NerTokenSpans.FromTokens(["زار", "بوتين", "لروسيا"]);
        var all = new NerFeatureExtractor(Lexicon, NerGazetteer.Empty, NerFeatureGroups.All);
        var fewer = new NerFeatureExtractor(Lexicon, NerGazetteer.Empty, NerFeatureGroups.All & ~NerFeatureGroups.Context);
        var a = new NerFeatureBuffer();
        var b = new NerFeatureBuffer();
        all.Extract(sentence, a);
        var first = a.FeaturesOf(1).ToArray();
        all.Extract(sentence, a);
        Assert.Equal(first, a.FeaturesOf(1).ToArray());
        fewer.Extract(sentence, b);
        Assert.True(b.FeaturesOf(1).Length < first.Length);
        Assert.Subset(first.ToHashSet(), b.FeaturesOf(1).ToArray().ToHashSet());
    }
}
