using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Comparison;

/// <summary>
/// The gate's verdict on a whole result set, against a baseline (or none) and the resolved thresholds: decided once,
/// written as comparison.json, and rendered by every report, comment and build line without deciding again.
/// </summary>
public sealed record SuiteComparison
{
    /// <summary>When the comparison was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The current results.</summary>
    public required ResultSet Current { get; init; }

    /// <summary>The baseline results, if one was given.</summary>
    public ResultSet? Baseline { get; init; }

    /// <summary>One entry per benchmark in either set, in a stable order (category, then id as a person reads it).</summary>
    public required IReadOnlyList<BenchmarkComparison> Benchmarks { get; init; }

    /// <summary>Geometric mean of the time ratios of benchmarks compared on both sides, with its interval.</summary>
    public GeometricMeanSummary? GeometricMean { get; init; }

    /// <summary>Things the reader must know: differing environment fingerprints, incomplete results, assumed noise, skipped scenarios.</summary>
    public IReadOnlyList<GateWarning> Warnings { get; init; } = [];

    /// <summary>The settings the verdict was made with, the fail policy among them.</summary>
    public required ComparisonSettings Settings { get; init; }

    /// <summary>The threshold rules the verdict was made with, in the order they applied (built-in, file, command line).</summary>
    public IReadOnlyList<ThresholdOverride> Thresholds { get; init; } = [];

    /// <summary>Whether the run was cancelled (exit code 130): its results are partial.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Whether a verdict fails the gate under this comparison's fail policy.</summary>
    public bool FailsGate(Verdict verdict) => verdict.FailsGate() || (verdict == Verdict.Inconclusive && Settings.FailOnInconclusive);

    /// <summary>Whether a verdict does not fail the gate but needs a look: inconclusive (unless it fails) and missing.</summary>
    public bool Warns(Verdict verdict) => !FailsGate(verdict) && verdict is Verdict.Inconclusive or Verdict.Missing;

    /// <summary>Whether nothing fails the gate.</summary>
    public bool Passed => !Benchmarks.Any(b => FailsGate(b.Verdict));

    /// <summary>The gate's answer: failed, passed with warnings, or passed.</summary>
    public GateOutcome Gate =>
        !Passed ? GateOutcome.Failed
        : Benchmarks.Any(b => Warns(b.Verdict)) || Warnings.Count > 0 || Current.Incomplete ? GateOutcome.PassedWithWarnings
        : GateOutcome.Passed;

    /// <summary>The exit code every command that states this verdict ends with: 130 cancelled, 1 failed, 0 passed.</summary>
    public int ExitCode => Cancelled ? 130 : Passed ? 0 : 1;

    /// <summary>Count of benchmarks with the given verdict.</summary>
    public int Count(Verdict verdict) => Benchmarks.Count(b => b.Verdict == verdict);
}
