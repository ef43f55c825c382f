namespace Marsad.Topics;

/// <summary>
/// Naive-Bayes feature scaling for logistic regression (NB-LR, after Wang and Manning's NB-SVM, 2012): each
/// feature's input to class c is multiplied by |log(p(f | c) / p(f | not c))|, the naive-Bayes evidence it
/// carries for or against c, so that SGD moves the weights of discriminative features faster and leaves rare,
/// uninformative ones near zero. After training the scale is folded into the weights (w ⊙ r), so the shipped
/// model is an ordinary linear model with no inference cost.
/// </summary>
internal static class NaiveBayesScaling
{
    /// <summary>
    /// The scale of every bucket and class (bucket-major, as the weights), from the summed feature values of the
    /// training articles of each class (content and outlet features alike, so that folding is exact for both),
    /// additively smoothed by <paramref name="smoothing"/> and normalised to a mean of 1 over the buckets seen.
    /// </summary>
    public static float[] Compute(SparseVector[] content, SparseVector[] source, int[] labels, int classes, int buckets, double smoothing)
    {
        var mass = new double[buckets * classes];
        var classTotal = new double[classes];
        for (var n = 0; n < content.Length; n++)
        {
            Add(content[n], labels[n]);
            Add(source[n], labels[n]);
        }

        var total = classTotal.Sum();
        var scale = new float[buckets * classes];
        var sum = 0.0;
        var seen = 0;
        for (var b = 0; b < buckets; b++)
        {
            var row = b * classes;
            var all = 0.0;
            for (var c = 0; c < classes; c++)
            {
                all += mass[row + c];
            }

            for (var c = 0; c < classes; c++)
            {
                var inClass = (mass[row + c] + smoothing) / (classTotal[c] + (smoothing * buckets));
                var outside = (all - mass[row + c] + smoothing) / (total - classTotal[c] + (smoothing * buckets));
                scale[row + c] = (float)Math.Abs(Math.Log(inClass / outside));
                if (all > 0)
                {
                    sum += scale[row + c];
                    seen++;
                }
            }
        }

        var normaliser = seen > 0 && sum > 0 ? (float)(seen / sum) : 1f;
        for (var i = 0; i < scale.Length; i++)
        {
            scale[i] *= normaliser;
        }

        return scale;

        void Add(SparseVector x, int label)
        {
            for (var i = 0; i < x.Indexes.Length; i++)
            {
                mass[(x.Indexes[i] * classes) + label] += x.Values[i];
                classTotal[label] += x.Values[i];
            }
        }
    }
}
