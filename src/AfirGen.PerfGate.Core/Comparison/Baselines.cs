using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Comparison;

/// <summary>Prepares results to be kept as a baseline.</summary>
public static class Baselines
{
    /// <summary>Stores each benchmark's measured launch-to-launch spread with it (when it has two launches or more), so that later single-launch comparisons have an honest noise model.</summary>
    public static ResultSet WithLaunchNoise(ResultSet results, ComparisonSettings settings)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(settings);
        return results with
        {
            Benchmarks = results.Benchmarks
                .Select(b => LaunchNoise.Estimate([b.Launches], b.LaunchNoise ?? settings.LaunchNoise) is { } n ? b with { LaunchNoise = n } : b)
                .ToArray(),
        };
    }
}
