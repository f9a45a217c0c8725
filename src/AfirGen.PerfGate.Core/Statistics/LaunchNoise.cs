using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Statistics;

/// <summary>Launch-to-launch spread: the standard deviation of the log of each launch's median.</summary>
public static class LaunchNoise
{
    // A spread measured from two or three launches is itself noisy; shrinking it towards the prior
    // (worth this many launches) keeps one lucky pair of launches from making a test overconfident.
    internal const int PriorWeight = 3;

    /// <summary>The log of each launch's median: the launch's value when launches are the unit of evidence.</summary>
    public static double[] Centers(IEnumerable<Launch> launches)
    {
        ArgumentNullException.ThrowIfNull(launches);
        var centers = new List<double>();
        foreach (var launch in launches)
        {
            if (launch.Samples.Count > 0)
            {
                centers.Add(Math.Log(Descriptive.Median(Samples.Span(launch.Samples))));
            }
        }

        return centers.ToArray();
    }

    /// <summary>
    /// The spread pooled over groups of launches (each group centred on its own mean) and shrunk towards
    /// <paramref name="prior"/>; null when no group has two launches.
    /// </summary>
    public static double? Estimate(IEnumerable<IReadOnlyList<Launch>> groups, double prior)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return FromCenters(groups.Select(Centers), prior);
    }

    /// <summary>As <see cref="Estimate"/>, from each group's launch centres (<see cref="Centers"/>) already computed.</summary>
    internal static double? FromCenters(IEnumerable<double[]> groups, double prior)
    {
        var ss = 0.0;
        var df = 0;
        foreach (var c in groups)
        {
            if (c.Length < 2)
            {
                continue;
            }

            var mean = c.Average();
            ss += c.Sum(v => (v - mean) * (v - mean));
            df += c.Length - 1;
        }

        return df == 0 ? null : Math.Sqrt((ss + (PriorWeight * prior * prior)) / (df + PriorWeight));
    }
}
