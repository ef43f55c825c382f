using Marsad.Keyphrases;

namespace Marsad.Tests.Keyphrases;

public sealed class KeyIndexTests
{
    [Fact]
    public void Finds_what_was_added_and_grows_past_its_capacity()
    {
        var index = new KeyIndex(4);
        for (var i = 0; i < 1000; i++)
        {
            index.GetOrAdd(PhraseWords.Hash($"w{i}"), out var exists) = i;
            Assert.False(exists);
        }

        Assert.Equal(1000, index.Count);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(index.TryGetValue(PhraseWords.Hash($"w{i}"), out var value));
            Assert.Equal(i, value);
        }

        Assert.False(index.TryGetValue(PhraseWords.Hash("absent"), out _));
        index.GetOrAdd(PhraseWords.Hash("w7"), out var again);
        Assert.True(again);
    }

    [Fact]
    public void Clear_forgets_every_entry()
    {
        var index = new KeyIndex(16);
        index.GetOrAdd(42, out _) = 1;
        index.Clear();
        Assert.Equal(0, index.Count);
        Assert.False(index.TryGetValue(42, out _));
        index.GetOrAdd(42, out var exists) = 2;
        Assert.False(exists);
        Assert.True(index.TryGetValue(42, out var value));
        Assert.Equal(2, value);
    }
}
