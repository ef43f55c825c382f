using Marsad.Entities.Features;

namespace Marsad.Tests.Entities.Ner;

/// <summary>The feature extractor takes known words' strings from the lexicon instead of allocating them.</summary>
public sealed class NerLexiconStringTests
{
    [Fact]
    public void KnownWordComesBackAsTheLexiconsOwnString()
    {
        string[] words = ["القاهره", "دمشق"];
        var lexicon = new NerLexicon(words, [50, 40], [], []);
        var probe = "في دمشق".AsSpan(3);
        Assert.Same(words[1], lexicon.StringOf(probe));
    }

    [Fact]
    public void UnknownWordIsANewStringWithTheSameCharacters()
    {
        var lexicon = new NerLexicon(["القاهره"], [50], [], []);
        Assert.Equal("بيروت", lexicon.StringOf("بيروت".AsSpan()));
    }
}
