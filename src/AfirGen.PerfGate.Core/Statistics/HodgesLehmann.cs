namespace AfirGen.PerfGate.Statistics;

/// <summary>The Hodges–Lehmann shift estimator (median of pairwise differences) with its distribution-free confidence interval.</summary>
public static class HodgesLehmann
{
    // Past this many values a side, both samples are thinned to evenly spaced order statistics:
    // the estimate barely moves and the interval only gets wider, so the verdict stays conservative.
    private const int MaxPerSide = 1000;

    /// <summary>The shift estimate alone (median of pairwise differences), found by selection rather than a full sort.</summary>
    public static double Estimate(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (xs, ys) = Prepare(x, y);
        return Estimate(Values(xs), Values(ys));
    }

    /// <summary>The shift estimate of <paramref name="ys"/> relative to <paramref name="xs"/>, each of at most <see cref="MaxPerSide"/> values.</summary>
    private static double Estimate(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        int n = xs.Length, m = ys.Length, count = n * m;
        // Called once per benchmark on every comparison: a pooled buffer keeps a large suite from churning the GC.
        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent(count + n + m);
        try
        {
            // Both samples sorted first: each row of differences is then ordered, so the selection's comparisons
            // mostly go the way they went before, which the processor predicts (twice as fast on 45 by 45 values).
            var sx = buffer.AsSpan(count, n);
            var sy = buffer.AsSpan(count + n, m);
            xs.CopyTo(sx);
            ys.CopyTo(sy);
            sx.Sort();
            sy.Sort();
            var diffs = buffer.AsSpan(0, count);
            var k = 0;
            foreach (var yv in sy)
            {
                foreach (var xv in sx)
                {
                    diffs[k++] = yv - xv;
                }
            }

            return Selection.Median(diffs);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Estimates the shift of <paramref name="y"/> relative to <paramref name="x"/> with a two-sided interval at <paramref name="confidence"/>.</summary>
    public static ShiftEstimate Shift(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence)
    {
        var (xs, ys) = Prepare(x, y);
        int n = xs.Count, m = ys.Count;
        var diffs = Differences(xs, ys);
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

    private static (IReadOnlyList<double> X, IReadOnlyList<double> Y) Prepare(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        return (Thin(x), Thin(y));
    }

    private static ReadOnlySpan<double> Values(IReadOnlyList<double> values) => values is double[] array ? array : values.ToArray();

    private static double[] Differences(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var diffs = new double[xs.Count * ys.Count];
        var k = 0;
        foreach (var yv in ys)
        {
            foreach (var xv in xs)
            {
                diffs[k++] = yv - xv;
            }
        }

        return diffs;
    }

    private static IReadOnlyList<double> Thin(IReadOnlyList<double> values)
    {
        if (values.Count <= MaxPerSide)
        {
            return values;
        }

        var sorted = values.Order().ToArray();

        var thinned = new double[MaxPerSide];
        for (var i = 0; i < MaxPerSide; i++)
        {
            thinned[i] = Descriptive.Quantile(sorted, (i + 0.5) / MaxPerSide);
        }

        return thinned;
    }
}
