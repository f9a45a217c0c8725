namespace AfirGen.PerfGate.History;

/// <summary>One run's value in a series: the estimate and its own standard error, both on the log scale.</summary>
/// <param name="Log">The natural logarithm of the run's value.</param>
/// <param name="Error">The run's own standard error of <paramref name="Log"/> (0 when the run gave none).</param>
public readonly record struct SeriesPoint(double Log, double Error);
