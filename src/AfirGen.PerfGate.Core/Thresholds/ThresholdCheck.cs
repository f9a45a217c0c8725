namespace AfirGen.PerfGate.Thresholds;

/// <summary>One SLA threshold applied to one result.</summary>
/// <param name="Threshold">The expression checked.</param>
/// <param name="Actual">The measured value in the expression's base unit (ns, bytes, ops/s, fraction), or null when the result lacks the metric.</param>
/// <param name="Passed">Whether it holds; a missing metric does not pass.</param>
public sealed record ThresholdCheck(Threshold Threshold, double? Actual, bool Passed);
