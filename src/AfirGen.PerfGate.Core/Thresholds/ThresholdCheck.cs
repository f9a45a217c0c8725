namespace AfirGen.PerfGate.Thresholds;

/// <summary>One SLA threshold applied to one result.</summary>
/// <param name="Threshold">The expression checked.</param>
/// <param name="Actual">The measured value in the expression's base unit (ns, bytes, ops/s, fraction).</param>
/// <param name="Passed">Whether it holds.</param>
public sealed record ThresholdCheck(Threshold Threshold, double Actual, bool Passed);
