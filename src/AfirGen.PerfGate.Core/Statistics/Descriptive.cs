namespace AfirGen.PerfGate.Statistics;

/// <summary>Descriptive statistics of a sample: quantiles, mean, spread.</summary>
public static class Descriptive
{
    /// <summary>The q-quantile of an ascending-sorted sample by linear interpolation (Hyndman–Fan type 7, as R and NumPy default).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>The median of an unsorted sample.</summary>
    public static double Median(IEnumerable<double> values)
    {
        // A copy sorted in place: LINQ's stable Order() costs several times more, and this runs per launch.
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return Quantile(sorted, 0.5);
    }

    /// <summary>The arithmetic mean.</summary>
    public static double Mean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return values.Count == 0 ? double.NaN : sum / values.Count;
    }

    /// <summary>The sample standard deviation (n − 1 denominator); 0 for fewer than two values.</summary>
    public static double StdDev(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = Mean(values);
        var ss = 0.0;
        foreach (var v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        return Math.Sqrt(ss / (values.Count - 1));
    }

    /// <summary>The median absolute deviation scaled by 1.4826, a robust estimate of the standard deviation under normality.</summary>
    public static double ScaledMad(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return 0;
        }

        var median = Median(values);
        return 1.4826 * Median(values.Select(v => Math.Abs(v - median)));
    }
}
