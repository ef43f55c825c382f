namespace Marsad.Entities.Training;

/// <summary>
/// k-means on unit-length vectors with cosine similarity (spherical k-means, Dhillon and Modha 2001),
/// used to turn word embeddings into discrete word clusters. Seeded and single-threaded.
/// </summary>
public static class SphericalKMeans
{
    /// <summary>Assigns each of the <paramref name="rows"/> vectors (row-major in <paramref name="vectors"/>) to one of <paramref name="k"/> clusters.</summary>
    public static int[] Cluster(float[] vectors, int rows, int dim, int k, int iterations, int seed)
    {
        var unit = (float[])vectors.Clone();
        for (var r = 0; r < rows; r++)
        {
            Normalize(unit.AsSpan(r * dim, dim));
        }

        k = Math.Min(k, rows);
        var random = new Random(seed);
        var centroids = new float[k * dim];
        var chosen = new HashSet<int>();
        for (var c = 0; c < k; c++)
        {
            int r;
            do
            {
                r = random.Next(rows);
            }
            while (!chosen.Add(r));
            unit.AsSpan(r * dim, dim).CopyTo(centroids.AsSpan(c * dim, dim));
        }

        var assignment = new int[rows];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var changed = 0;
            for (var r = 0; r < rows; r++)
            {
                var row = unit.AsSpan(r * dim, dim);
                var best = 0;
                var bestScore = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var score = VectorMath.Dot(row, centroids.AsSpan(c * dim, dim));
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }

                if (assignment[r] != best || iteration == 0)
                {
                    changed++;
                }

                assignment[r] = best;
            }

            Array.Clear(centroids);
            var sizes = new int[k];
            for (var r = 0; r < rows; r++)
            {
                VectorMath.AddScaled(centroids.AsSpan(assignment[r] * dim, dim), unit.AsSpan(r * dim, dim), 1f);
                sizes[assignment[r]]++;
            }

            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0)
                {
                    // An empty cluster takes a random word so that every cluster id stays in use.
                    unit.AsSpan(random.Next(rows) * dim, dim).CopyTo(centroids.AsSpan(c * dim, dim));
                }

                Normalize(centroids.AsSpan(c * dim, dim));
            }

            if (changed < rows / 1000)
            {
                break;
            }
        }

        return assignment;
    }

    private static void Normalize(Span<float> v)
    {
        var norm = MathF.Sqrt(VectorMath.Dot(v, v));
        if (norm > 0)
        {
            foreach (ref var x in v)
            {
                x /= norm;
            }
        }
    }
}
