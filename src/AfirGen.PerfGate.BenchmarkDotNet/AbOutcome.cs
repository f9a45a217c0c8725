using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>Both sides of an A/B run, pooled over rounds, and which commits they were.</summary>
/// <param name="Base">The base revision.</param>
/// <param name="Head">The head revision.</param>
/// <param name="Baseline">The base side's results, each launch tagged with its round.</param>
/// <param name="Current">The head side's results.</param>
/// <param name="Cancelled">True when Ctrl+C stopped the run; both sides are then marked incomplete.</param>
public sealed record AbOutcome(GitRevision Base, GitRevision Head, ResultSet Baseline, ResultSet Current, bool Cancelled)
{
    /// <summary>The looks of the sequential design that ran (each <see cref="AbOptions.Processes"/> worker rounds); 0 without interleaving.</summary>
    public int Looks { get; init; }

    /// <summary>How long the interleaved measuring took, looks included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>
    /// The benchmark methods whose shape the interleaved harness cannot call (a ref or ref struct return, a ref
    /// argument), with why: each was measured instead in <see cref="AbOptions.Rounds"/> alternating rounds of
    /// BenchmarkDotNet processes of the quick job.
    /// </summary>
    public IReadOnlyDictionary<string, string> MeasuredInProcesses { get; init; } = new Dictionary<string, string>();

    /// <summary>The benchmarks still undecided when the budget would not fit another look; empty when every one was decided or the looks ran out.</summary>
    public IReadOnlyList<string> BudgetSpentOn { get; init; } = [];
}
