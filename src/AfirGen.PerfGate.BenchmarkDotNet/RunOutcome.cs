using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>Results of a run, and whether it was cancelled part-way (then they are marked incomplete).</summary>
/// <param name="Results">What was measured.</param>
/// <param name="Cancelled">True when Ctrl+C stopped the run.</param>
public sealed record RunOutcome(ResultSet Results, bool Cancelled);
