using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Statistics;

/// <summary>Launch-to-launch spread: the standard deviation of the log of each launch's floor (<see cref="Floors"/>).</summary>
public static class LaunchNoise
{
    /// <summary>
    /// The quantile of a launch's iterations that stands for it when launches are compared with a noise model. On a
    /// shared machine interference only ever adds time, for seconds to minutes at a time; a launch's median moves with
    /// it (12% from launch to launch of BenchmarkDotNet's default job here), its lower decile much less
    /// (docs/verdict.md, recorded exports). A low quantile rather than the minimum, which falls with the number of
    /// iterations and so with how noisy the launch was.
    /// </summary>
    public const double FloorQuantile = 0.1;

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

    /// <summary>The log of each launch's <see cref="FloorQuantile"/> quantile: the launch's value when a noise model compares few launches.</summary>
    public static double[] Floors(IEnumerable<Launch> launches)
    {
        ArgumentNullException.ThrowIfNull(launches);
        var floors = new List<double>();
        foreach (var launch in launches)
        {
            if (launch.Samples.Count > 0)
            {
                var sorted = launch.Samples.ToArray();
                Array.Sort(sorted);
                floors.Add(Math.Log(Descriptive.Quantile(sorted, FloorQuantile)));
            }
        }

        return floors.ToArray();
    }

    /// <summary>
    /// The spread of the launches' floors pooled over groups of launches (each group centred on its own mean) and shrunk towards
    /// <paramref name="prior"/>; null when no group has two launches.
    /// </summary>
    public static double? Estimate(IEnumerable<IReadOnlyList<Launch>> groups, double prior)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return FromCenters(groups.Select(Floors), prior);
    }

    /// <summary>As <see cref="Estimate"/>, from each group's launch values (<see cref="Floors"/>) already computed.</summary>
    internal static double? FromCenters(IEnumerable<double[]> groups, double prior)
    {
        var (ss, df) = SumOfSquares(groups);
        return df == 0 ? null : Math.Sqrt((ss + (PriorWeight * prior * prior)) / (df + PriorWeight));
    }

    /// <summary>The squared deviations of each group's centres from the group's mean, summed over groups, and their degrees of freedom.</summary>
    internal static (double SumOfSquares, int Degrees) SumOfSquares(IEnumerable<double[]> groups)
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

        return (ss, df);
    }
}
