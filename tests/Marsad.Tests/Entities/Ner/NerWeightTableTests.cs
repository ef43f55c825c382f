using Marsad.Entities.Features;

namespace Marsad.Tests.Entities.Ner;

/// <summary>The weight table returns exactly the sums one weight at a time would give, and gives its rows back in order.</summary>
public sealed class NerWeightTableTests
{
    private const int T = NerWeightTable.Tags;

    [Fact]
    public void SumIsBitForBitTheSumOfOneFeatureAtATime()
    {
        var random = new Random(7);
        var (keys, weights) = RandomRows(random, 5000);
        var table = new NerWeightTable(keys, weights);
        var rows = keys.Select((key, row) => (key, row)).ToDictionary(p => p.key, p => p.row);

        // Token-sized lists and one longer than a look-ahead batch; half the features are not in the table.
        foreach (var length in new[] { 0, 1, 9, 60, 300 })
        {
            var features = Enumerable.Range(0, length)
                .Select(_ => random.Next(2) == 0 ? keys[random.Next(keys.Length)] : (ulong)random.NextInt64())
                .ToArray();
            var expected = new float[T];
            foreach (var feature in features)
            {
                if (rows.TryGetValue(feature, out var row))
                {
                    for (var t = 0; t < T; t++)
                    {
                        expected[t] += weights[(row * T) + t];
                    }
                }
            }

            var actual = new float[T];
            actual.AsSpan().Fill(123f); // overwritten, not added to
            table.Sum(features, actual);
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public void TheZeroHashIsAFeatureLikeAnyOther()
    {
        var table = new NerWeightTable([5, 0], [.. Enumerable.Repeat(1f, T), .. Enumerable.Repeat(2f, T)]);
        var scores = new float[T];
        table.Sum([0, 0, 5, 6], scores);
        Assert.All(scores, s => Assert.Equal(5f, s));
        table.Sum([6], scores);
        Assert.All(scores, s => Assert.Equal(0f, s));
    }

    [Fact]
    public void RowsComeBackInTheirOrder()
    {
        var (keys, weights) = RandomRows(new Random(3), 1000);
        keys[17] = 0;
        var (backKeys, backWeights) = new NerWeightTable(keys, weights).ToArrays();
        Assert.Equal(keys, backKeys);
        Assert.Equal(weights, backWeights);
    }

    [Theory]
    [InlineData(4ul)]
    [InlineData(0ul)] // the zero hash (which marks empty slots) is stored apart, and is checked too
    public void DuplicateKeysAreRejected(ulong key) =>
        Assert.Throws<ArgumentException>(() => new NerWeightTable([key, 7, key], new float[3 * T]));

    [Fact]
    public void AModelFileOfMoreThanOneReadChunkLoadsRowByRow()
    {
        // 10,000 rows: the reader fills the table 4,096 rows at a time, so the second and third chunks are read too.
        var (keys, weights) = RandomRows(new Random(11), 10_000);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var weight in weights)
            {
                writer.Write((Half)weight);
            }
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var (backKeys, backWeights) = NerWeightTable.Read(reader, keys).ToArrays();
        Assert.Equal(keys, backKeys);
        Assert.Equal(weights.Select(w => (float)(Half)w), backWeights);
    }

    private static (ulong[] Keys, float[] Weights) RandomRows(Random random, int count)
    {
        var keys = new HashSet<ulong>();
        while (keys.Count < count)
        {
            keys.Add((ulong)random.NextInt64(1, long.MaxValue));
        }

        var weights = Enumerable.Range(0, count * T).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        return ([.. keys], weights);
    }
}
