namespace AfirGen.PerfGate.History;

/// <summary>How a change point found in the history is judged.</summary>
public enum HistoryChangeKind
{
    /// <summary>The metric got worse and nothing explains it.</summary>
    Regressed,

    /// <summary>The metric got better.</summary>
    Improved,

    /// <summary>The runs on either side were measured on different machines: the step may be the machine's.</summary>
    MachineChanged,

    /// <summary>A person has acknowledged this change in the store.</summary>
    Acknowledged,
}

/// <summary>A change point of one benchmark's metric, placed between runs of the history.</summary>
/// <param name="Benchmark">The benchmark or scenario id.</param>
/// <param name="Metric">The metric that changed.</param>
/// <param name="Kind">How it is judged.</param>
/// <param name="Step">The change point on the series.</param>
/// <param name="LastGood">The last run before the most likely start.</param>
/// <param name="FirstBad">The first run after the most likely start.</param>
/// <param name="EarliestGood">The last run that is surely before the change.</param>
/// <param name="LatestBad">The first run that is surely after the change.</param>
/// <param name="Before">The series' typical value before the change.</param>
/// <param name="After">The series' typical value after it.</param>
/// <param name="Position">The first bad run's position in the series, from 0.</param>
/// <param name="SeriesLength">How many runs the series holds.</param>
/// <param name="Note">Why it is judged so when that is not the step itself (the machines, the acknowledgement), else null.</param>
public sealed record HistoryChange(
    string Benchmark, HistoryMetric Metric, HistoryChangeKind Kind, ChangePoint Step,
    HistoryEntry LastGood, HistoryEntry FirstBad, HistoryEntry EarliestGood, HistoryEntry LatestBad,
    double Before, double After, int Position, int SeriesLength, string? Note)
{
    /// <summary>How many runs of the series came at or after the first bad one.</summary>
    public int RunsSince => SeriesLength - Position;

    /// <summary>The confidence that the step is real, from its z score (two-sided).</summary>
    public double Confidence => 1 - (2 * Statistics.Normal.UpperTail(Math.Abs(Step.Z)));
}
