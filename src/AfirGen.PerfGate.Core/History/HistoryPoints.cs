using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.History;

/// <summary>The values a run adds to the history: time and allocations of each micro-benchmark, p95 and throughput of each scenario.</summary>
public static class HistoryPoints
{
    /// <summary>Every point <paramref name="results"/> holds; failed benchmarks add none.</summary>
    public static IReadOnlyList<HistoryPoint> From(ResultSet results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var points = new List<HistoryPoint>();
        foreach (var b in results.Benchmarks.Where(b => b.Status == BenchmarkStatus.Succeeded))
        {
            if (b.Category == Category.Micro)
            {
                if (Time(b) is { } time)
                {
                    points.Add(time);
                }

                if (b.Memory is { } memory)
                {
                    // Allocations are counted, not sampled: the run's own error is zero and the series' resolution decides.
                    points.Add(new HistoryPoint(b.Id, HistoryMetric.Allocated, memory.AllocatedBytesPerOperation, 0));
                }
            }
            else if (b.Latency is { Count: > 0 } latency && b.Scenario is { } scenario)
            {
                points.Add(new HistoryPoint(b.Id, HistoryMetric.P95, latency.P95, QuantileError(latency)));
                if (scenario.Throughput > 0)
                {
                    points.Add(new HistoryPoint(b.Id, HistoryMetric.Throughput, scenario.Throughput, 1 / Math.Sqrt(Math.Max(scenario.Requests, 1))));
                }
            }
        }

        return points;
    }

    // A run's value is the geometric mean of its launch medians; its error the launches' spread when there are several,
    // else the standard error of one launch's median (1.2533 σ/√n on the log scale).
    private static HistoryPoint? Time(BenchmarkResult b)
    {
        var centers = LaunchNoise.Centers(b.Launches);
        if (centers.Length == 0)
        {
            return null;
        }

        var value = Math.Exp(centers.Average());
        double error;
        if (centers.Length >= 2)
        {
            error = Descriptive.StdDev(centers) / Math.Sqrt(centers.Length);
        }
        else
        {
            var logs = b.Launches.First(l => l.Samples.Count > 0).Samples.Where(s => s > 0).Select(s => Math.Log(s)).ToArray();
            error = logs.Length >= 2 ? 1.2533 * Descriptive.StdDev(logs) / Math.Sqrt(logs.Length) : 0;
        }

        return value > 0 && double.IsFinite(value) ? new HistoryPoint(b.Id, HistoryMetric.Time, value, error) : null;
    }

    // The standard error of log p95 from the binomial spread of the order statistic, with the local slope of the log
    // quantile function taken between p90 and p99.
    private static double QuantileError(LatencySummary latency)
    {
        if (latency.P90 <= 0 || latency.P99 <= latency.P90)
        {
            return 0;
        }

        var slope = Math.Log(latency.P99 / latency.P90) / (0.99 - 0.90);
        return slope * Math.Sqrt(0.95 * 0.05 / latency.Count);
    }
}
