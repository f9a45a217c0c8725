namespace AfirGen.PerfGate.Statistics;

/// <summary>The Hodges–Lehmann shift estimator (median of pairwise differences) with its distribution-free confidence interval.</summary>
public static class HodgesLehmann
{
    // Past this many values a side, both samples are thinned to evenly spaced order statistics:
    // the estimate barely moves and the interval only gets wider, so the verdict stays conservative.
    private const int MaxPerSide = 1000;

    /// <summary>Estimates the shift of <paramref name="y"/> relative to <paramref name="x"/> with a two-sided interval at <paramref name="confidence"/>.</summary>
    public static ShiftEstimate Shift(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        var xs = Thin(x);
        var ys = Thin(y);
        int n = xs.Length, m = ys.Length;
        var diffs = new double[n * m];
        var k = 0;
        foreach (var yv in ys)
        {
            foreach (var xv in xs)
            {
                diffs[k++] = yv - xv;
            }
        }

        Array.Sort(diffs);
        var estimate = Descriptive.Quantile(diffs, 0.5);
        var rank = LowerRank(n, m, 1 - confidence);
        if (rank < 1)
        {
            return new ShiftEstimate(estimate, double.NegativeInfinity, double.PositiveInfinity, confidence);
        }

        return new ShiftEstimate(estimate, diffs[rank - 1], diffs[diffs.Length - rank], confidence);
    }

    /// <summary>The 1-based rank k of the lower bound: the largest k with P(U ≤ k − 1) ≤ α/2; 0 when no such k exists.</summary>
    internal static int LowerRank(int n, int m, double alpha)
    {
        if ((long)n * m <= 400)
        {
            var cdf = MannWhitney.ExactCdf(n, m);
            var k = 0;
            while (k < cdf.Length && cdf[k] <= alpha / 2)
            {
                k++;
            }

            return k;
        }

        var sd = Math.Sqrt(n * m * (n + m + 1) / 12.0);
        var z = Normal.Quantile(1 - (alpha / 2));
        return Math.Max(0, (int)Math.Floor((n * m / 2.0) - (z * sd)));
    }

    private static double[] Thin(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length <= MaxPerSide)
        {
            return sorted;
        }

        var thinned = new double[MaxPerSide];
        for (var i = 0; i < MaxPerSide; i++)
        {
            thinned[i] = Descriptive.Quantile(sorted, (i + 0.5) / MaxPerSide);
        }

        return thinned;
    }
}
