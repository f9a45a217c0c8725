namespace AfirGen.PerfGate.History;

/// <summary>A change a person has looked at and accepted: it is shown, but no longer fails the nightly gate.</summary>
/// <param name="Benchmark">The benchmark or scenario id.</param>
/// <param name="Metric">The metric that changed.</param>
/// <param name="Commit">The first commit after the change (or a prefix of it).</param>
/// <param name="Reason">Why it is accepted, when given.</param>
public sealed record Acknowledgement(string Benchmark, HistoryMetric Metric, string Commit, string? Reason)
{
    /// <summary>The schema identifier of the store's acknowledgements file.</summary>
    public const string SchemaId = "perfgate/history-acknowledged@1";

    /// <summary>True when this acknowledges a change of <paramref name="metric"/> of <paramref name="benchmark"/> first seen at <paramref name="commit"/>.</summary>
    public bool Covers(string benchmark, HistoryMetric metric, string? commit) =>
        benchmark == Benchmark && metric == Metric && commit is not null
        && commit.StartsWith(Commit, StringComparison.OrdinalIgnoreCase);
}
