namespace AfirGen.PerfGate.History;

/// <summary>What a history series follows for one benchmark or scenario.</summary>
public enum HistoryMetric
{
    /// <summary>Micro-benchmarks: time per operation, in nanoseconds.</summary>
    Time,

    /// <summary>Micro-benchmarks: bytes allocated per operation.</summary>
    Allocated,

    /// <summary>Scenarios: the 95th percentile of latency, in nanoseconds.</summary>
    P95,

    /// <summary>Scenarios: operations per second.</summary>
    Throughput,
}
