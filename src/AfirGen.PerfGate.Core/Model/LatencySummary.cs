namespace AfirGen.PerfGate.Model;

/// <summary>A scenario's latency distribution, in nanoseconds, read from its merged histogram.</summary>
public sealed record LatencySummary
{
    /// <summary>Number of recorded requests.</summary>
    public required long Count { get; init; }

    /// <summary>Smallest latency.</summary>
    public required double Min { get; init; }

    /// <summary>Largest latency.</summary>
    public required double Max { get; init; }

    /// <summary>Arithmetic mean.</summary>
    public required double Mean { get; init; }

    /// <summary>Standard deviation.</summary>
    public required double StdDev { get; init; }

    /// <summary>50th percentile.</summary>
    public required double P50 { get; init; }

    /// <summary>90th percentile.</summary>
    public required double P90 { get; init; }

    /// <summary>95th percentile.</summary>
    public required double P95 { get; init; }

    /// <summary>99th percentile.</summary>
    public required double P99 { get; init; }

    /// <summary>99.9th percentile.</summary>
    public required double P999 { get; init; }
}
