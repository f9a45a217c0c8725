namespace AfirGen.PerfGate.Load.Engine;

/// <summary>What a session saw over the measured phase beyond per-operation outcomes.</summary>
/// <param name="ServerHitRate">The server's own hit rate over the phase (Redis INFO stats deltas), when known.</param>
/// <param name="Warnings">Findings worth reporting.</param>
public sealed record SessionReport(double? ServerHitRate, IReadOnlyList<string> Warnings)
{
    /// <summary>Nothing to report.</summary>
    public static SessionReport None { get; } = new(null, []);
}
