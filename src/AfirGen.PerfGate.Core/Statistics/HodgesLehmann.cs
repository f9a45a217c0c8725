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
        return Estimate(Samples.Span(xs), Samples.Span(ys));
    }

    /// <summary>The shift estimate of <paramref name="ys"/> relative to <paramref name="xs"/>, each of at most <see cref="MaxPerSide"/> values.</summary>
    private static double Estimate(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        int n = xs.Length, m = ys.Length, count = n * m;
        // Called once per benchmark on every comparison: a pooled buffer keeps a large suite from churning the GC.
        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent(count + n + m + SampleSize);
        try
        {
            // Both samples sorted: every row of the table of differences y[j] − x[i] is then ordered, which lets
            // the differences below or above any value be counted row by row in n + m steps.
            var sx = buffer.AsSpan(count, n);
            var sy = buffer.AsSpan(count + n, m);
            xs.CopyTo(sx);
            ys.CopyTo(sy);
            sx.Sort();
            sy.Sort();
            var upper = count / 2;
            var single = count % 2 == 1;
            if (count <= DirectCount || !double.IsFinite(sx[0]) || !double.IsFinite(sx[^1]) || !double.IsFinite(sy[0]) || !double.IsFinite(sy[^1]))
            {
                var all = buffer.AsSpan(0, count);
                var k = 0;
                foreach (var y in sy)
                {
                    foreach (var x in sx)
                    {
                        all[k++] = y - x;
                    }
                }

                return Selection.Middle(all, upper, single);
            }

            return Bracketed(sx, sy, buffer.AsSpan(count + n + m, SampleSize), buffer.AsSpan(0, count), upper, single);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        }
    }

    // Up to this many differences the median is selected among all of them; past it, a sample brackets it first.
    private const int DirectCount = 256;

    // Differences sampled to bracket the median, and how many sample ranks the bracket reaches either side of the
    // expected one (about 1.5 standard deviations of that rank: the bracket misses one time in seven and is widened).
    private const int SampleSize = 64;
    private const int Margin = 6;

    /// <summary>
    /// The middle of all differences without selecting among all of them: a spread-out sample of differences gives
    /// two values that should hold the middle between them; counting (row by row, in order) proves that they do,
    /// and only the differences between them — about a fifth — are gathered and selected. Exactly the value a
    /// selection among all differences gives.
    /// </summary>
    private static double Bracketed(ReadOnlySpan<double> sx, ReadOnlySpan<double> sy, Span<double> sample, Span<double> scratch, int upper, bool single)
    {
        int n = sx.Length, m = sy.Length, count = n * m;
        for (var s = 0; s < sample.Length; s++)
        {
            // Rows spread evenly, columns scattered by a fixed multiplier: a spread-out sample, the same on every run.
            sample[s] = sy[(int)((long)s * m / sample.Length)] - sx[(int)(((long)s * 40503 + 17) % n)];
        }

        sample.Sort();
        var lower = single ? upper : upper - 1;
        var centre = (int)((long)upper * sample.Length / count);
        for (int lo = centre - Margin, hi = centre + Margin; ; lo -= Margin, hi += Margin)
        {
            var low = lo < 0 ? double.NegativeInfinity : sample[lo];
            var high = hi >= sample.Length ? double.PositiveInfinity : sample[hi];
            var below = Count(sx, sy, low, inclusive: false);
            var atMost = Count(sx, sy, high, inclusive: true);
            if (below <= lower && atMost > upper)
            {
                var window = scratch[..(atMost - below)];
                Gather(sx, sy, low, high, window);
                return Selection.Middle(window, upper - below, single);
            }
        }
    }

    /// <summary>How many differences are below <paramref name="bound"/> (or at most it, when <paramref name="inclusive"/>).</summary>
    private static int Count(ReadOnlySpan<double> sx, ReadOnlySpan<double> sy, double bound, bool inclusive)
    {
        // In row j the differences fall as x rises, so those under the bound are a tail starting at index t;
        // as y rises t only moves right, so one pass over both samples counts them all.
        int total = 0, t = 0, n = sx.Length;
        foreach (var y in sy)
        {
            while (t < n && !(inclusive ? y - sx[t] <= bound : y - sx[t] < bound))
            {
                t++;
            }

            total += n - t;
        }

        return total;
    }

    /// <summary>Writes every difference d with <paramref name="low"/> ≤ d ≤ <paramref name="high"/> into <paramref name="into"/>, which it fills exactly.</summary>
    private static void Gather(ReadOnlySpan<double> sx, ReadOnlySpan<double> sy, double low, double high, Span<double> into)
    {
        int a = 0, b = 0, k = 0, n = sx.Length;
        foreach (var y in sy)
        {
            while (a < n && !(y - sx[a] <= high))
            {
                a++;
            }

            while (b < n && !(y - sx[b] < low))
            {
                b++;
            }

            for (var i = a; i < b; i++)
            {
                into[k++] = y - sx[i];
            }
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
