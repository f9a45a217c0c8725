namespace AfirGen.PerfGate.Comparison;

/// <summary>The suite's overall change: the geometric mean of per-benchmark time ratios.</summary>
/// <param name="Ratio">Geometric mean ratio, current over baseline.</param>
/// <param name="CiLower">Lower 95% bound (t interval over the log ratios).</param>
/// <param name="CiUpper">Upper 95% bound.</param>
/// <param name="Count">Benchmarks it is computed from.</param>
public sealed record GeometricMeanSummary(double Ratio, double? CiLower, double? CiUpper, int Count);
