using AfirGen.PerfGate.BenchmarkDotNet;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Runner.Tests;

public sealed class LaunchAccumulatorTests
{
    private static ResultSet Launch(double sample, long allocated, BenchmarkStatus status = BenchmarkStatus.Succeeded) => new()
    {
        Benchmarks =
        [
            new BenchmarkResult
            {
                Id = "A",
                Status = status,
                Launches = status == BenchmarkStatus.Succeeded ? [new Launch([sample])] : [],
                Memory = new MemoryInfo(allocated, 0, 0, 0),
            },
        ],
    };

    [Fact]
    public void LaunchesArePooledWithTheirRoundAndTheSmallestAllocationKept()
    {
        var acc = new LaunchAccumulator();
        acc.Add(Launch(10, 544), round: 1);
        acc.Add(Launch(11, 496), round: 2);
        acc.Add(Launch(12, 520), round: 3);
        var a = acc.Build(source: null, incomplete: false).Benchmarks.Single();
        Assert.Equal([1, 2, 3], a.Launches.Select(l => l.Round!.Value));
        Assert.Equal([10.0, 11.0, 12.0], a.AllSamples);
        Assert.Equal(496, a.Memory!.AllocatedBytesPerOperation);
    }

    [Fact]
    public void AFailureInAnyLaunchFailsTheBenchmark()
    {
        var acc = new LaunchAccumulator();
        acc.Add(Launch(10, 0), round: null);
        acc.Add(Launch(0, 0, BenchmarkStatus.Failed), round: null);
        acc.Add(Launch(10, 0), round: null);
        Assert.Equal(BenchmarkStatus.Failed, acc.Build(null, incomplete: true).Benchmarks.Single().Status);
    }
}
