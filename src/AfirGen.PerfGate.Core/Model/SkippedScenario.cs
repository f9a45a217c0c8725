namespace AfirGen.PerfGate.Model;

/// <summary>A scenario that was not run because its service is not available (no connection configured, or it did not answer): reported, not failed.</summary>
/// <param name="Id">The scenario's id prefix, e.g. "db/select_by_pk"; its results' ids start with it.</param>
/// <param name="Reason">Why, e.g. "PERFGATE_MYSQL is not set".</param>
public sealed record SkippedScenario(string Id, string Reason)
{
    /// <summary>Why, with any credential it quoted (a connection URL's password) redacted: it is written to every report.</summary>
    public string Reason { get; init; } = Secrets.Redact(Reason);

    /// <summary>True when <paramref name="benchmarkId"/> is one of this scenario's results ("db/x@c10", "cache/x.uncached@c1").</summary>
    public bool Covers(string benchmarkId)
    {
        ArgumentNullException.ThrowIfNull(benchmarkId);
        return benchmarkId.StartsWith(Id, StringComparison.Ordinal)
            && (benchmarkId.Length == Id.Length || benchmarkId[Id.Length] is '@' or '.');
    }
}
