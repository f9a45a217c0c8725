namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>Where a long run is: what runs now, how much is done, for a live display.</summary>
/// <param name="Stage">The stage, e.g. "building base", "round 2/8, head", "launch 1/3".</param>
/// <param name="Benchmark">The benchmark running now, when one is.</param>
/// <param name="Done">Benchmark runs finished so far.</param>
/// <param name="Total">Benchmark runs in the whole run.</param>
public sealed record RunProgress(string Stage, string? Benchmark, int Done, int Total);
