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
        var copy = values.ToArray();
        return copy.Length == 0 ? double.NaN : Selection.Median(copy);
    }

    /// <summary>The median of an unsorted sample, without changing it: selection on a copy, linear time, runs per launch.</summary>
    internal static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            var copy = buffer.AsSpan(0, values.Length);
            values.CopyTo(copy);
            return Selection.Median(copy);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        }
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

        return ScaledMad(Samples.Span(values));
    }

    /// <summary>The median absolute deviation scaled by 1.4826, on one pooled copy of the sample.</summary>
    internal static double ScaledMad(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent(values.Length);
        try
        {
            var work = buffer.AsSpan(0, values.Length);
            values.CopyTo(work);
            var median = Selection.Median(work);
            for (var i = 0; i < values.Length; i++)
            {
                work[i] = Math.Abs(values[i] - median);
            }

            return 1.4826 * Selection.Median(work);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
