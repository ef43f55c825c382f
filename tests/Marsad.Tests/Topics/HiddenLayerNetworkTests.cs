using Marsad.Topics;

namespace Marsad.Tests.Topics;

public sealed class HiddenLayerNetworkTests
{
    // XOR over two sparse features a (bucket 1) and b (bucket 2), with a feature c (bucket 0) present in every example:
    // {c} → 0, {c, a} → 1, {c, b} → 1, {c, a, b} → 0. No linear model separates it; one hidden layer does.
    private static readonly (int[] Indexes, float[] Values, int Label)[] Xor =
    [
        ([0], [1f], 0),
        ([0, 1], [1f, 1f], 1),
        ([0, 2], [1f, 1f], 1),
        ([0, 1, 2], [1f, 1f, 1f], 0),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Learns_xor_over_sparse_features(bool adaptive)
    {
        var (rowOf, rows) = HiddenLayerNetwork.RowMap(Xor.Select(e => new SparseVector(e.Indexes, e.Values)), buckets: 8, minCount: 1);
        var network = new HiddenLayerNetwork(rowOf, rows, hidden: 16, classes: 2, seed: 13, initScale: 0.5f) { Adaptive = adaptive };
        var random = new Random(13);
        var hidden = new float[16];
        var gradient = new float[16];
        var logits = new double[2];
        for (var step = 0; step < 4000; step++)
        {
            var e = Xor[step % Xor.Length];
            network.Step(e.Indexes, e.Values, e.Label, 0.1f, dropout: 0, random, hidden, gradient, logits);
        }

        foreach (var (indexes, values, label) in Xor)
        {
            network.Logits(indexes, values, logits, hidden);
            Assert.Equal(label, TopicTrainerArgMax(logits));
        }
    }

    [Fact]
    public void Buckets_below_the_count_have_no_row_and_are_ignored()
    {
        var vectors = new[] { new SparseVector([0, 1], [1f, 1f]), new SparseVector([0, 2], [1f, 1f]) };
        var (rowOf, rows) = HiddenLayerNetwork.RowMap(vectors, buckets: 4, minCount: 2);
        Assert.Equal(1, rows);
        Assert.Equal([0, -1, -1, -1], rowOf);
        var network = new HiddenLayerNetwork(rowOf, rows, hidden: 16, classes: 3, seed: 1, initScale: 0.5f);
        var hidden = new float[16];
        var with = new double[3];
        var without = new double[3];
        network.Logits([0, 1], [1f, 1f], with, hidden);
        network.Logits([0], [1f], without, hidden);
        Assert.Equal(without, with);
    }

    private static int TopicTrainerArgMax(double[] scores) => TopicTrainer.ArgMax(scores);
}
