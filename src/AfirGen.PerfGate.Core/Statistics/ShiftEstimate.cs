namespace AfirGen.PerfGate.Statistics;

/// <summary>A shift between two samples (current minus baseline) with a confidence interval; bounds are infinite when the data cannot bound it.</summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Lower">Lower confidence bound.</param>
/// <param name="Upper">Upper confidence bound.</param>
/// <param name="Confidence">The interval's confidence level.</param>
public sealed record ShiftEstimate(double Estimate, double Lower, double Upper, double Confidence);
