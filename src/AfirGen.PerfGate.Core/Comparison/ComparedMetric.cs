namespace AfirGen.PerfGate.Comparison;

/// <summary>A metric the gate compares with the baseline.</summary>
public enum ComparedMetric
{
    /// <summary>Time per operation (micro) or mean latency (scenario), in nanoseconds.</summary>
    Time,

    /// <summary>A scenario's 95th-percentile latency, in nanoseconds.</summary>
    P95,

    /// <summary>A scenario's requests per second; higher is better.</summary>
    Throughput,

    /// <summary>Allocated bytes per operation; deterministic, compared exactly.</summary>
    Allocated,
}
