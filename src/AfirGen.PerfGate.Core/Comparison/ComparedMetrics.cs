namespace AfirGen.PerfGate.Comparison;

/// <summary>Names of <see cref="ComparedMetric"/>.</summary>
public static class ComparedMetrics
{
    /// <summary>The name used in every output: "time", "p95", "throughput", "allocated".</summary>
    public static string ToName(this ComparedMetric metric) => metric switch
    {
        ComparedMetric.Time => "time",
        ComparedMetric.P95 => "p95",
        ComparedMetric.Throughput => "throughput",
        ComparedMetric.Allocated => "allocated",
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };

    /// <summary>The metric of a name written by <see cref="ToName"/>, or null when it is not one.</summary>
    public static ComparedMetric? Parse(string? name) =>
        Enum.GetValues<ComparedMetric>().Where(m => m.ToName() == name).Select(m => (ComparedMetric?)m).FirstOrDefault();
}
