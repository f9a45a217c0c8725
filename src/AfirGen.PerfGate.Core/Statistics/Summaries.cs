using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Statistics;

/// <summary>Computes the <see cref="MetricSummary"/> a report shows for a result.</summary>
public static class Summaries
{
    /// <summary>The summary of a result, or null when it has no measurements.</summary>
    public static MetricSummary? Of(BenchmarkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status == BenchmarkStatus.Failed)
        {
            return null;
        }

        if (result.Latency is { } l)
        {
            return new MetricSummary
            {
                N = l.Count,
                Launches = 1,
                Mean = l.Mean,
                Median = l.P50,
                P95 = l.P95,
                P99 = l.P99,
                Min = l.Min,
                Max = l.Max,
                StdDev = l.StdDev,
            };
        }

        // Sorted in place: LINQ's stable Order() costs several times more, and this runs twice per benchmark.
        var samples = result.AllSamples.ToArray();
        Array.Sort(samples);
        if (samples.Length == 0)
        {
            return null;
        }

        return new MetricSummary
        {
            N = samples.Length,
            Launches = result.Launches.Count(x => x.Samples.Count > 0),
            Mean = Descriptive.Mean(samples),
            Median = Descriptive.Quantile(samples, 0.5),
            P95 = Descriptive.Quantile(samples, 0.95),
            P99 = Descriptive.Quantile(samples, 0.99),
            Min = samples[0],
            Max = samples[^1],
            StdDev = Descriptive.StdDev(samples),
        };
    }
}
