using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>Both sides of an A/B run, pooled over rounds, and which commits they were.</summary>
/// <param name="Base">The base revision.</param>
/// <param name="Head">The head revision.</param>
/// <param name="Baseline">The base side's results, each launch tagged with its round.</param>
/// <param name="Current">The head side's results.</param>
/// <param name="Cancelled">True when Ctrl+C stopped the run; both sides are then marked incomplete.</param>
public sealed record AbOutcome(GitRevision Base, GitRevision Head, ResultSet Baseline, ResultSet Current, bool Cancelled);
