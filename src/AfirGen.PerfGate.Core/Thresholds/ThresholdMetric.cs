namespace AfirGen.PerfGate.Thresholds;

/// <summary>What a threshold expression constrains.</summary>
public enum ThresholdMetric
{
    /// <summary>Arithmetic mean latency or time per operation.</summary>
    Mean,

    /// <summary>Median (p50).</summary>
    Median,

    /// <summary>90th percentile.</summary>
    P90,

    /// <summary>95th percentile.</summary>
    P95,

    /// <summary>99th percentile.</summary>
    P99,

    /// <summary>99.9th percentile.</summary>
    P999,

    /// <summary>Smallest value.</summary>
    Min,

    /// <summary>Largest value.</summary>
    Max,

    /// <summary>Operations per second.</summary>
    Throughput,

    /// <summary>Error rate, a fraction of requests.</summary>
    Errors,

    /// <summary>Allocated bytes per operation.</summary>
    Allocated,

    /// <summary>Cache hit rate, a fraction.</summary>
    HitRate,

    /// <summary>The share of latency caching saves against the source alone (get-or-fetch), a fraction.</summary>
    Improvement,

    /// <summary>Allowed relative change against the baseline: sets the comparison's threshold.</summary>
    Regression,
}
