using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Simulation;

/// <summary>
/// The methods perfgate's change-point detector is measured against, written for the simulation only:
/// github-action-benchmark's ratio rule and an E-Divisive search with a t-test, at Apache Otava's defaults.
/// </summary>
internal static class ReferenceDetectors
{
    /// <summary>github-action-benchmark: an alert when a run is <paramref name="ratio"/> times the previous one (either way, to give it every chance).</summary>
    public static IReadOnlyList<int> Ratio(IReadOnlyList<double> values, double ratio)
    {
        var alerts = new List<int>();
        for (var i = 1; i < values.Count; i++)
        {
            var r = values[i] / values[i - 1];
            if (r >= ratio || r <= 1 / ratio)
            {
                alerts.Add(i);
            }
        }

        return alerts;
    }

    /// <summary>
    /// E-Divisive candidates in windows of <paramref name="window"/> points, each split kept when Student's t-test
    /// between its neighbouring segments gives p &lt; <paramref name="pValue"/>; the weakest is dropped and the rest
    /// retested until every one is significant (Otava: windows of 50, p-value 0.001).
    /// </summary>
    public static IReadOnlyList<int> EDivisive(IReadOnlyList<double> values, int window = 50, double pValue = 0.001)
    {
        var candidates = new SortedSet<int>();
        for (var from = 0; from < values.Count; from += window / 2)
        {
            var to = Math.Min(values.Count, from + window);
            Split(values, from, to, pValue, candidates);
            if (to == values.Count)
            {
                break;
            }
        }

        var points = new List<int>();
        foreach (var c in candidates)
        {
            if (points.Count == 0 || c - points[^1] > 3)
            {
                points.Add(c);
            }
        }

        while (points.Count > 0)
        {
            var worst = -1;
            var worstP = 0.0;
            for (var i = 0; i < points.Count; i++)
            {
                var a = i == 0 ? 0 : points[i - 1];
                var d = i + 1 < points.Count ? points[i + 1] : values.Count;
                var p = TTest(values, a, points[i], d);
                if (p >= pValue && p > worstP)
                {
                    (worst, worstP) = (i, p);
                }
            }

            if (worst < 0)
            {
                break;
            }

            points.RemoveAt(worst);
        }

        return points;
    }

    private static void Split(IReadOnlyList<double> x, int from, int to, double pValue, SortedSet<int> found)
    {
        const int min = 3;
        if (to - from < 2 * min)
        {
            return;
        }

        // The energy statistic of every split, updated point by point: between-group distances against within-group ones.
        var best = -1;
        var bestQ = double.NegativeInfinity;
        for (var t = from + min; t <= to - min; t++)
        {
            double between = 0, left = 0, right = 0;
            for (var i = from; i < t; i++)
            {
                for (var j = t; j < to; j++)
                {
                    between += Math.Abs(x[i] - x[j]);
                }

                for (var j = i + 1; j < t; j++)
                {
                    left += Math.Abs(x[i] - x[j]);
                }
            }

            for (var i = t; i < to; i++)
            {
                for (var j = i + 1; j < to; j++)
                {
                    right += Math.Abs(x[i] - x[j]);
                }
            }

            double n = t - from, m = to - t;
            var e = (2 * between / (n * m)) - (2 * left / (n * (n - 1))) - (2 * right / (m * (m - 1)));
            var q = n * m / (n + m) * e;
            if (q > bestQ)
            {
                (best, bestQ) = (t, q);
            }
        }

        if (best < 0 || TTest(x, from, best, to) >= pValue)
        {
            return;
        }

        found.Add(best);
        Split(x, from, best, pValue, found);
        Split(x, best, to, pValue, found);
    }

    private static double TTest(IReadOnlyList<double> x, int a, int c, int d)
    {
        var (n, m) = (c - a, d - c);
        if (n < 2 || m < 2)
        {
            return 1;
        }

        double Mean(int from, int to)
        {
            var s = 0.0;
            for (var i = from; i < to; i++)
            {
                s += x[i];
            }

            return s / (to - from);
        }

        var (ma, mb) = (Mean(a, c), Mean(c, d));
        var ss = 0.0;
        for (var i = a; i < c; i++)
        {
            ss += (x[i] - ma) * (x[i] - ma);
        }

        for (var i = c; i < d; i++)
        {
            ss += (x[i] - mb) * (x[i] - mb);
        }

        var pooled = ss / (n + m - 2);
        var se = Math.Sqrt(pooled * ((1.0 / n) + (1.0 / m)));
        return se <= 0 ? (ma == mb ? 1 : 0) : StudentT.TwoSidedPValue((mb - ma) / se, n + m - 2);
    }
}
