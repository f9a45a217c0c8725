using AfirGen.PerfGate.Cli.Tests;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;

using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>Comparisons made in memory for the unit tests.</summary>
internal static class Suites
{
    /// <summary><paramref name="count"/> benchmarks named by <paramref name="name"/>, each slower by <paramref name="slowdown"/> (1.3 is 30%).</summary>
    public static SuiteComparison Compare(int count, Func<int, string> name, Func<int, double> slowdown)
    {
        var baseline = Enumerable.Range(0, count).Select(i => Results.Micro(name(i), i, 1000 + i, launches: 6, iterations: 4)).ToArray();
        var current = Enumerable.Range(0, count).Select(i => Results.Micro(name(i), 100_000 + i, (1000 + i) * slowdown(i), launches: 6, iterations: 4)).ToArray();
        return SuiteComparer.Compare(Set(baseline), Set(current), PerfGateConfig.Default, new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
    }

    private static ResultSet Set(BenchmarkResult[] benchmarks) => new()
    {
        CreatedAt = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
        Environment = new EnvironmentFingerprint { Os = "Linux", Cores = 2 },
        Benchmarks = benchmarks,
    };
}
