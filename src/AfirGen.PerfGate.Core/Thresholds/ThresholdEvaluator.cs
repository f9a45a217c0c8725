using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Thresholds;

/// <summary>Checks SLA thresholds against one result.</summary>
public static class ThresholdEvaluator
{
    /// <summary>Checks every threshold that applies to the result's kind; a threshold on a metric the result does not have (errors of a micro-benchmark) is left out.</summary>
    public static IReadOnlyList<ThresholdCheck> Check(BenchmarkResult result, IEnumerable<Threshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(thresholds);
        var checks = new List<ThresholdCheck>();
        if (result.Status == BenchmarkStatus.Failed)
        {
            return checks;
        }

        double[]? sorted = null;
        foreach (var t in thresholds)
        {
            if (t.Metric == ThresholdMetric.Regression)
            {
                continue;
            }

            var actual = Actual(result, t.Metric, ref sorted);
            if (actual is { } v)
            {
                checks.Add(new ThresholdCheck(t, v, t.IsSatisfiedBy(v)));
            }
        }

        return checks;
    }

    /// <summary>The value of a metric for a result in base units, or null when the result lacks it.</summary>
    public static double? Actual(BenchmarkResult result, ThresholdMetric metric)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[]? sorted = null;
        return Actual(result, metric, ref sorted);
    }

    private static double? Actual(BenchmarkResult r, ThresholdMetric metric, ref double[]? sorted)
    {
        switch (metric)
        {
            case ThresholdMetric.Allocated:
                return r.Memory?.AllocatedBytesPerOperation;
            case ThresholdMetric.Errors:
                return r.Scenario?.ErrorRate;
            case ThresholdMetric.HitRate:
                return r.Scenario?.HitRate;
            case ThresholdMetric.Improvement:
                return r.Scenario?.Improvement;
            case ThresholdMetric.Throughput:
                if (r.Scenario is { } s)
                {
                    return s.Throughput;
                }

                break;
        }

        if (r.Latency is { } l)
        {
            return metric switch
            {
                ThresholdMetric.Mean => l.Mean,
                ThresholdMetric.Median => l.P50,
                ThresholdMetric.P90 => l.P90,
                ThresholdMetric.P95 => l.P95,
                ThresholdMetric.P99 => l.P99,
                ThresholdMetric.P999 => l.P999,
                ThresholdMetric.Min => l.Min,
                ThresholdMetric.Max => l.Max,
                _ => null,
            };
        }

        sorted ??= r.AllSamples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        return metric switch
        {
            ThresholdMetric.Mean => Descriptive.Mean(sorted),
            ThresholdMetric.Median => Descriptive.Quantile(sorted, 0.5),
            ThresholdMetric.P90 => Descriptive.Quantile(sorted, 0.90),
            ThresholdMetric.P95 => Descriptive.Quantile(sorted, 0.95),
            ThresholdMetric.P99 => Descriptive.Quantile(sorted, 0.99),
            ThresholdMetric.P999 => Descriptive.Quantile(sorted, 0.999),
            ThresholdMetric.Min => sorted[0],
            ThresholdMetric.Max => sorted[^1],
            // A micro-benchmark's throughput is operations per second of one thread: 1e9 / mean ns.
            ThresholdMetric.Throughput => 1e9 / Descriptive.Mean(sorted),
            _ => null,
        };
    }
}
