using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Comparison;

/// <summary>The gate's verdict on a whole result set, against a baseline (or none) and the SLA thresholds.</summary>
public sealed record SuiteComparison
{
    /// <summary>When the comparison was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The current results.</summary>
    public required ResultSet Current { get; init; }

    /// <summary>The baseline results, if one was given.</summary>
    public ResultSet? Baseline { get; init; }

    /// <summary>One entry per benchmark in either set, in a stable order (category, then id).</summary>
    public required IReadOnlyList<BenchmarkComparison> Benchmarks { get; init; }

    /// <summary>Geometric mean of the time ratios of benchmarks compared on both sides, with its interval.</summary>
    public GeometricMeanSummary? GeometricMean { get; init; }

    /// <summary>Things the reader must know: differing environment fingerprints, incomplete results, assumed noise.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The settings the verdict was made with.</summary>
    public required ComparisonSettings Settings { get; init; }

    /// <summary>The suite verdict: the worst benchmark verdict that fails the gate, else unchanged.</summary>
    public bool Passed => !Benchmarks.Any(b => b.Verdict.FailsGate());

    /// <summary>Count of benchmarks with the given verdict.</summary>
    public int Count(Verdict verdict) => Benchmarks.Count(b => b.Verdict == verdict);
}
