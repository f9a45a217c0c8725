namespace AfirGen.PerfGate.Statistics;

/// <summary>The Mann–Whitney U (Wilcoxon rank-sum) test of whether two samples come from the same distribution.</summary>
public static class MannWhitney
{
    // Above this many pairs the exact distribution costs more than it is worth and the normal approximation is within 1e-3.
    private const int ExactLimit = 400;

    /// <summary>U for the second sample: the number of pairs (x, y) with y &gt; x, ties counting one half.</summary>
    public static double U(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var ranks = MidRanks(x, y, 0, out _);
        var rankSumY = 0.0;
        for (var j = 0; j < y.Count; j++)
        {
            rankSumY += ranks[x.Count + j];
        }

        return rankSumY - (y.Count * (y.Count + 1) / 2.0);
    }

    /// <summary>
    /// Two-sided p-value: exact when there are no ties and few pairs, else normal with tie and continuity correction.
    /// Values no more than <paramref name="tolerance"/> apart count as tied.
    /// </summary>
    public static double TwoSidedPValue(IReadOnlyList<double> x, IReadOnlyList<double> y, double tolerance = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = x.Count, m = y.Count;
        if (n == 0 || m == 0)
        {
            return 1;
        }

        var ranks = MidRanks(x, y, tolerance, out var tieTerm);
        var rankSumY = 0.0;
        for (var j = 0; j < m; j++)
        {
            rankSumY += ranks[n + j];
        }

        var u = rankSumY - (m * (m + 1) / 2.0);
        var mean = n * m / 2.0;
        if (tieTerm == 0 && (long)n * m <= ExactLimit)
        {
            var cdf = ExactCdf(n, m);
            var k = (int)Math.Round(Math.Min(u, (n * m) - u));
            return Math.Min(1, 2 * cdf[k]);
        }

        var variance = n * m / 12.0 * ((n + m + 1) - (tieTerm / ((double)(n + m) * (n + m - 1))));
        if (variance <= 0)
        {
            return 1;
        }

        var z = (Math.Abs(u - mean) - 0.5) / Math.Sqrt(variance);
        return z <= 0 ? 1 : Math.Min(1, 2 * Normal.UpperTail(z));
    }

    /// <summary>P(U ≤ k) for k = 0..n·m under the null hypothesis with no ties, by the Mann–Whitney recursion.</summary>
    internal static double[] ExactCdf(int n, int m)
    {
        // counts[i][j][u]: arrangements of i x's and j y's with U = u; built column by column to keep memory at O(n·m²).
        var max = n * m;
        var prev = new double[n + 1][];
        for (var i = 0; i <= n; i++)
        {
            prev[i] = new double[max + 1];
            prev[i][0] = 1; // j = 0: U is 0 whatever i is.
        }

        for (var j = 1; j <= m; j++)
        {
            var cur = new double[n + 1][];
            cur[0] = new double[max + 1];
            cur[0][0] = 1;
            for (var i = 1; i <= n; i++)
            {
                cur[i] = new double[max + 1];
                // The largest value is a y (it beats all i x's) or an x (it adds nothing).
                for (var u = 0; u <= i * j; u++)
                {
                    var fromY = u >= i ? prev[i][u - i] : 0;
                    cur[i][u] = fromY + cur[i - 1][u];
                }
            }

            prev = cur;
        }

        var counts = prev[n];
        var total = counts.Sum();
        var cdf = new double[max + 1];
        var acc = 0.0;
        for (var u = 0; u <= max; u++)
        {
            acc += counts[u];
            cdf[u] = acc / total;
        }

        return cdf;
    }

    private static double[] MidRanks(IReadOnlyList<double> x, IReadOnlyList<double> y, double tolerance, out double tieTerm)
    {
        var n = x.Count + y.Count;
        var index = new int[n];
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            index[i] = i;
            values[i] = i < x.Count ? x[i] : y[i - x.Count];
        }

        Array.Sort(values.ToArray(), index);
        var ranks = new double[n];
        tieTerm = 0;
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && values[index[end + 1]] - values[index[start]] <= tolerance)
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[index[k]] = rank;
            }

            double t = end - start + 1;
            tieTerm += (t * t * t) - t;
            start = end + 1;
        }

        return ranks;
    }

}
