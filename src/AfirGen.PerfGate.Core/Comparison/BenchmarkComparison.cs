using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Comparison;

/// <summary>Everything the gate concluded about one benchmark.</summary>
public sealed record BenchmarkComparison
{
    /// <summary>The benchmark's id.</summary>
    public required string Id { get; init; }

    /// <summary>Its category.</summary>
    public required Category Category { get; init; }

    /// <summary>The worst verdict over its metrics and SLA checks.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The baseline's summary, when there is a baseline result.</summary>
    public MetricSummary? Baseline { get; init; }

    /// <summary>The current summary, when there is a current result.</summary>
    public MetricSummary? Current { get; init; }

    /// <summary>Metric-by-metric comparison with the baseline.</summary>
    public IReadOnlyList<MetricComparison> Metrics { get; init; } = [];

    /// <summary>SLA threshold checks on the current result.</summary>
    public IReadOnlyList<ThresholdCheck> Checks { get; init; } = [];

    /// <summary>The failure message, when the benchmark failed.</summary>
    public string? Error { get; init; }

    /// <summary>The time metric's comparison, if any: the headline of a row.</summary>
    public MetricComparison? Time => Metrics.FirstOrDefault(m => m.Metric == ComparedMetric.Time);
}
