namespace AfirGen.PerfGate.History;

/// <summary>One benchmark's value of one metric in one run of the history.</summary>
/// <param name="Benchmark">The benchmark or scenario id.</param>
/// <param name="Metric">What the value is.</param>
/// <param name="Value">The run's estimate, in the metric's unit.</param>
/// <param name="Error">The run's own standard error of the logarithm of <paramref name="Value"/>, 0 when unknown.</param>
public sealed record HistoryPoint(string Benchmark, HistoryMetric Metric, double Value, double Error);
