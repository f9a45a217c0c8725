using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.History;

/// <summary>Names, directions and units of <see cref="HistoryMetric"/>.</summary>
public static class HistoryMetrics
{
    /// <summary>The name used in files and on the command line.</summary>
    public static string Name(this HistoryMetric metric) => metric switch
    {
        HistoryMetric.Time => "time",
        HistoryMetric.Allocated => "allocated",
        HistoryMetric.P95 => "p95",
        _ => "throughput",
    };

    /// <summary>The metric named <paramref name="name"/>, or null.</summary>
    public static HistoryMetric? Parse(string name) => name switch
    {
        "time" => HistoryMetric.Time,
        "allocated" => HistoryMetric.Allocated,
        "p95" => HistoryMetric.P95,
        "throughput" => HistoryMetric.Throughput,
        _ => null,
    };

    /// <summary>True when a higher value is worse (time, allocations, latency); false for throughput.</summary>
    public static bool HigherIsWorse(this HistoryMetric metric) => metric != HistoryMetric.Throughput;

    /// <summary>A value of <paramref name="metric"/> as a person reads it.</summary>
    public static string Format(this HistoryMetric metric, double value) => metric switch
    {
        HistoryMetric.Time or HistoryMetric.P95 => DisplayFormat.Time(value),
        HistoryMetric.Allocated => DisplayFormat.Bytes(value),
        _ => DisplayFormat.Rate(value),
    };
}
