using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Tests.Comparison;

/// <summary>Cases the property tests found, kept as plain tests: the verdict must not depend on the unit or on which side is the baseline.</summary>
public sealed class SymmetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LaunchesThatDifferOnlyByRoundingAreTied()
    {
        // Launch centres a part in a trillion apart are the same time written with different rounding: the property
        // test found that multiplying by 1,000 made some of them equal and moved the rank test's p-value from 0.17 to 0.06.
        BenchmarkResult Side(double unit, int launches, double step) =>
            new() { Id = "B", Launches = Enumerable.Range(0, launches).Select(k => new Launch([unit * (1 + (k * step))])).ToArray() };

        foreach (var unit in new[] { 1.0, 1000.0 })
        {
            var settings = new ComparisonSettings { TimeFloorNanoseconds = 0.5 * unit };
            var time = Time(Side(unit, 4, 0), Side(unit, 8, 1e-12), PerfGateConfig.Default with { Comparison = settings });

            Assert.Equal(1.0, time.PValue);
            Assert.Equal(Verdict.Unchanged, time.Verdict);
        }
    }

    [Fact]
    public void ScenarioEvidenceUsesTheSpreadOfBothSides()
    {
        // One request a side: the within-run error is all there is, and it used to be the baseline's alone.
        var quiet = Scenario(1000, stdDev: 10);
        var noisy = Scenario(1300, stdDev: 1300);

        var forward = Time(quiet, noisy, PerfGateConfig.Default);
        var backward = Time(noisy, quiet, PerfGateConfig.Default);

        Assert.Equal(forward.CiLower!.Value, 1 / backward.CiUpper!.Value, 1e-9);
        Assert.Equal(forward.PValue!.Value, backward.PValue!.Value, 1e-12);
        Assert.Equal(Verdict.Inconclusive, forward.Verdict);
        Assert.Equal(Verdict.Inconclusive, backward.Verdict);
    }

    [Fact]
    public void StoredNoiseOnBothSidesUsesTheLarger()
    {
        var a = Scenario(1000, 10) with { LaunchNoise = 0.01 };
        var b = Scenario(1100, 10) with { LaunchNoise = 0.2 };

        var forward = Time(a, b, PerfGateConfig.Default);
        var backward = Time(b, a, PerfGateConfig.Default);

        Assert.Equal(Verdict.Inconclusive, forward.Verdict);
        Assert.Equal(forward.PValue!.Value, backward.PValue!.Value, 1e-12);
    }

    [Fact]
    public void AnAllocationDropWithinTheThresholdIsUnchanged()
    {
        // With a 10% band, 100 -> 95 bytes was "improved" while 95 -> 100 was "unchanged".
        var config = PerfGateConfig.Default with { Comparison = new ComparisonSettings { AllocationThreshold = 0.1 } };
        MetricComparison Allocated(long before, long after) => SuiteComparer.Compare(
            Make.Set(Micro(before)), Make.Set(Micro(after)), config, Now).Benchmarks[0].Metrics.Single(m => m.Metric == ComparedMetric.Allocated);

        Assert.Equal(Verdict.Unchanged, Allocated(1000, 950).Verdict);
        Assert.Equal(Verdict.Unchanged, Allocated(950, 1000).Verdict);
        Assert.Equal(Verdict.Improved, Allocated(1000, 900).Verdict);
        Assert.Equal(Verdict.Regressed, Allocated(900, 1000).Verdict);
    }

    [Fact]
    public void AnAllocationThatMovesByTheLastBytesIsUnchangedAndOneMoreObjectIsNot()
    {
        // Two runs of one build in the main job: 6,592 and 6,593 bytes per operation (the runtime's own allocations on
        // the benchmark's thread, divided by the operations). One more 24-byte object per operation is a regression.
        MetricComparison Allocated(long before, long after) => SuiteComparer.Compare(
            Make.Set(Micro(before)), Make.Set(Micro(after)), PerfGateConfig.Default, Now).Benchmarks[0].Metrics.Single(m => m.Metric == ComparedMetric.Allocated);

        Assert.Equal(Verdict.Unchanged, Allocated(6592, 6593).Verdict);
        Assert.Equal(Verdict.Unchanged, Allocated(6593, 6592).Verdict);
        Assert.Equal(Verdict.Unchanged, Allocated(0, 1).Verdict);
        Assert.Equal(Verdict.Regressed, Allocated(6592, 6616).Verdict);
        Assert.Equal(Verdict.Improved, Allocated(6616, 6592).Verdict);
        Assert.Equal(Verdict.Regressed, Allocated(0, 24).Verdict);
    }

    private static BenchmarkResult Micro(long allocated) =>
        new() { Id = "A", Launches = [new Launch([100, 101, 99])], Memory = new MemoryInfo(allocated, 0, 0, 0) };

    private static BenchmarkResult Scenario(double mean, double stdDev) => new()
    {
        Id = "api/x@c1",
        Category = Category.Api,
        Latency = new LatencySummary { Count = 1, Min = mean, Max = mean, Mean = mean, StdDev = stdDev, P50 = mean, P90 = mean, P95 = mean, P99 = mean, P999 = mean },
    };

    private static MetricComparison Time(BenchmarkResult baseline, BenchmarkResult current, PerfGateConfig config) =>
        SuiteComparer.Compare(Make.Set(baseline), Make.Set(current), config, Now).Benchmarks[0].Metrics.Single(m => m.Metric == ComparedMetric.Time);
}
