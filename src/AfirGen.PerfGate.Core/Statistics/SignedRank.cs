namespace AfirGen.PerfGate.Statistics;

/// <summary>
/// One-sample location for paired differences: the Hodges–Lehmann estimate (median of Walsh averages) with the
/// Wilcoxon signed-rank interval and p-value (normal approximation, for 20 pairs or more).
/// </summary>
public static class SignedRank
{
    /// <summary>The shift of the differences from zero with a two-sided interval at <paramref name="confidence"/>, and the two-sided p-value of "no shift".</summary>
    public static (ShiftEstimate Shift, double PValue) Estimate(IReadOnlyList<double> differences, double confidence)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var n = differences.Count;
        if (n == 0)
        {
            throw new ArgumentException("No differences.", nameof(differences));
        }

        var walsh = new double[n * (n + 1) / 2];
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                walsh[k++] = (differences[i] + differences[j]) / 2;
            }
        }

        Array.Sort(walsh);
        var estimate = Descriptive.Quantile(walsh, 0.5);
        var sd = Math.Sqrt(n * (n + 1.0) * ((2.0 * n) + 1) / 24);
        var z = Normal.Quantile(1 - ((1 - confidence) / 2));
        var rank = (int)Math.Floor((walsh.Length / 2.0) - (z * sd));
        var shift = rank < 1
            ? new ShiftEstimate(estimate, double.NegativeInfinity, double.PositiveInfinity, confidence)
            : new ShiftEstimate(estimate, walsh[rank - 1], walsh[walsh.Length - rank], confidence);
        return (shift, PValue(differences));
    }

    /// <summary>Two-sided p-value of the Wilcoxon signed-rank test, zeros dropped, ties at mid-rank, normal approximation with continuity correction.</summary>
    public static double PValue(IReadOnlyList<double> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var nonZero = differences.Where(d => d != 0).OrderBy(Math.Abs).ToArray();
        var n = nonZero.Length;
        if (n == 0)
        {
            return 1;
        }

        double wPlus = 0, tieTerm = 0;
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && Math.Abs(nonZero[end + 1]) == Math.Abs(nonZero[start]))
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                if (nonZero[i] > 0)
                {
                    wPlus += rank;
                }
            }

            double t = end - start + 1;
            tieTerm += (t * t * t) - t;
            start = end + 1;
        }

        var mean = n * (n + 1) / 4.0;
        var variance = (n * (n + 1.0) * ((2.0 * n) + 1) / 24) - (tieTerm / 48);
        if (variance <= 0)
        {
            return 1;
        }

        var z = (Math.Abs(wPlus - mean) - 0.5) / Math.Sqrt(variance);
        return z <= 0 ? 1 : Math.Min(1, 2 * Normal.UpperTail(z));
    }
}
