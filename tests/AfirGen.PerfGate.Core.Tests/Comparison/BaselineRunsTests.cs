using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Tests.Comparison;

/// <summary>A baseline saved from several runs learns its noise from all of them.</summary>
public sealed class BaselineRunsTests
{
    private static readonly ComparisonSettings Settings = new() { LaunchNoise = 0.5 };

    [Fact]
    public void TheBaselineKeepsTheMedianRunsMachineSpeedAndNoneWhenNoRunMeasuredIt()
    {
        ResultSet Run(int seed, double? reference) => Make.Set(Make.Micro("FirBench.Parse", new Random(seed), 100, 0.01, 3, 10)) with { ReferenceNanoseconds = reference };

        var measured = BaselineRuns.Combine([("a.json", Run(1, 3e5)), ("b.json", Run(2, 1e5)), ("c.json", Run(3, 2e5))], Settings);
        var older = BaselineRuns.Combine([("a.json", Run(1, null)), ("b.json", Run(2, null))], Settings);

        Assert.Equal(2e5, measured.ReferenceNanoseconds);
        Assert.Null(older.ReferenceNanoseconds);
    }

    [Fact]
    public void AMicroBenchmarkKeepsEveryLaunchOfEveryRunAndTheirSpread()
    {
        var runs = Enumerable.Range(0, 3)
            .Select(i => ($"run{i}.json", Make.Set(Make.Micro("FirBench.Parse", new Random(i), 100 * (1 + (0.05 * i)), 0.01, 3, 10))))
            .ToList();

        var combined = BaselineRuns.Combine(runs, new ComparisonSettings { LaunchNoise = 0.01 }).Benchmarks.Single();

        Assert.Equal(9, combined.Launches.Count);
        Assert.All(combined.Launches, l => Assert.Null(l.Round));
        var all = runs.SelectMany(r => r.Item2.Benchmarks.Single().Launches).ToList();
        Assert.Equal(LaunchNoise.Estimate([all], 0.01), combined.LaunchNoise);
        // The 5% steps between runs are in it: more than any one run's own spread.
        Assert.True(combined.LaunchNoise > 2 * runs.Max(r => LaunchNoise.Estimate([r.Item2.Benchmarks.Single().Launches], 0.01)));
    }

    [Fact]
    public void ALoadScenarioKeepsItsMedianRunAndTheRunToRunSpread()
    {
        double[] means = [110e3, 90e3, 100e3];
        var runs = means.Select((m, i) => ($"run{i}.json", Make.Set(Make.Api("api/get_fir@c10", m)))).ToList();

        var combined = BaselineRuns.Combine(runs, Settings).Benchmarks.Single();

        Assert.Equal(100e3, combined.Latency!.Mean);
        // The same spread in the mean, p95 and throughput: the log means' deviations, shrunk towards the 50% prior (worth 3 runs).
        var logs = means.Select(m => Math.Log(m)).ToArray();
        var ss = logs.Sum(l => (l - logs.Average()) * (l - logs.Average()));
        Assert.Equal(Math.Sqrt((ss + (3 * 0.25)) / (2 + 3)), combined.LaunchNoise!.Value, 12);
        Assert.True(combined.LaunchNoise < 0.5);
    }

    [Fact]
    public void ARunOfAnotherMachineOrSetupIsBadInputNamingIt()
    {
        var a = Make.Set(Make.Api("api/x@c1", 1e5)) with { Environment = new EnvironmentFingerprint { Cpu = "AMD EPYC" } };
        var b = a with { Environment = new EnvironmentFingerprint { Cpu = "Intel Xeon" } };
        var c = a with { Setup = new SystemSetup { Target = "command ./server" } };
        var d = a with { Setup = new SystemSetup { Target = "command ./other" } };

        var machine = Assert.Throws<InputException>(() => BaselineRuns.Combine([("a.json", a), ("b.json", b)], Settings));
        var setup = Assert.Throws<InputException>(() => BaselineRuns.Combine([("c.json", c), ("d.json", d)], Settings));

        Assert.StartsWith("b.json", machine.Message, StringComparison.Ordinal);
        Assert.Contains("$.environment.cpu", machine.Message, StringComparison.Ordinal);
        Assert.StartsWith("d.json", setup.Message, StringComparison.Ordinal);
        Assert.Contains("in c.json", setup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneRunIsKeptAsItIsAndFailedRunsDoNotCount()
    {
        var one = Make.Set(Make.Api("api/x@c1", 1e5));
        Assert.Same(one, BaselineRuns.Combine([("a.json", one)], Settings));

        var failed = Make.Set(new BenchmarkResult { Id = "api/x@c1", Category = Category.Api, Status = BenchmarkStatus.Failed, Error = "down" });
        var combined = BaselineRuns.Combine([("a.json", failed), ("b.json", one), ("c.json", Make.Set(Make.Api("api/x@c1", 2e5)))], Settings).Benchmarks.Single();
        Assert.Equal(BenchmarkStatus.Succeeded, combined.Status);
        Assert.NotNull(combined.LaunchNoise);
    }
}
