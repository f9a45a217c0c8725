namespace AfirGen.PerfGate.Model;

/// <summary>The descriptive statistics users read in a report, in nanoseconds, from raw samples or a scenario's histogram.</summary>
public sealed record MetricSummary
{
    /// <summary>Number of samples (micro: iterations over all launches; scenario: requests).</summary>
    public required long N { get; init; }

    /// <summary>Number of launches (micro), or 1 for a scenario.</summary>
    public required int Launches { get; init; }

    /// <summary>Arithmetic mean.</summary>
    public required double Mean { get; init; }

    /// <summary>Median.</summary>
    public required double Median { get; init; }

    /// <summary>95th percentile.</summary>
    public required double P95 { get; init; }

    /// <summary>99th percentile.</summary>
    public required double P99 { get; init; }

    /// <summary>Smallest value.</summary>
    public required double Min { get; init; }

    /// <summary>Largest value.</summary>
    public required double Max { get; init; }

    /// <summary>Sample standard deviation.</summary>
    public required double StdDev { get; init; }
}
