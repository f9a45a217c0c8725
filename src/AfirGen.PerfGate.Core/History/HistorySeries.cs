namespace AfirGen.PerfGate.History;

/// <summary>One benchmark's metric across the history: each run's point, in store order, and the change points found in it.</summary>
/// <param name="Benchmark">The benchmark or scenario id.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Runs">The runs that measured it, oldest first.</param>
/// <param name="Points">Each run's point, aligned with <paramref name="Runs"/>.</param>
/// <param name="Changes">The change points, oldest first.</param>
/// <param name="Scale">The series' run-to-run noise on the log scale.</param>
public sealed record HistorySeries(
    string Benchmark, HistoryMetric Metric, IReadOnlyList<HistoryEntry> Runs, IReadOnlyList<HistoryPoint> Points,
    IReadOnlyList<HistoryChange> Changes, double Scale)
{
    /// <summary>The positions in the series where the machine differs from the run before.</summary>
    public IEnumerable<int> MachineChanges => Enumerable.Range(1, Math.Max(Runs.Count - 1, 0)).Where(i => HistoryAnalysis.Machine(Runs[i]) != HistoryAnalysis.Machine(Runs[i - 1]));
}
