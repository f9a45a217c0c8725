using AfirGen.PerfGate.BenchmarkDotNet;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Runner.Tests;

public sealed class RunNoiseTests
{
    private static BenchmarkResult Rounds(string id, params double[] medians) => new()
    {
        Id = id,
        Launches = medians.Select((m, i) => new Launch([m * 0.99, m, m * 1.01], i + 1)).ToArray(),
    };

    private static ResultSet Set(params BenchmarkResult[] results) => new() { Benchmarks = results };

    [Fact]
    public void RoundsThatMoveTogetherAreQuietWhateverTheMachinesDrift()
    {
        // Both sides slow by half in round 3: drift that interleaving cancels is no noise in the ratio.
        var noise = RunNoise.Measure(Set(Rounds("A", 100, 100, 150, 100)), Set(Rounds("A", 110, 110, 165, 110)));

        Assert.NotNull(noise);
        Assert.Equal(1, noise.Benchmarks);
        Assert.Equal(0, noise.Spread, 1e-12);
    }

    [Fact]
    public void TheSpreadIsTheMedianBenchmarksRobustRoundToRoundSpreadOfTheRatio()
    {
        // Head/base ratios by round: A steady, B ±5–10%, C twice as wide as B and one round far off.
        var baseline = Set(Rounds("A", 100, 100, 100, 100), Rounds("B", 100, 100, 100, 100), Rounds("C", 100, 100, 100, 100));
        var current = Set(Rounds("A", 120, 120, 120, 120), Rounds("B", 105, 95, 110, 90), Rounds("C", 110, 90, 120, 400));

        var noise = RunNoise.Measure(baseline, current)!;

        // B's log ratios, sorted: ln 0.90, ln 0.95, ln 1.05, ln 1.10; their median m and the median of |x − m|.
        var b = new[] { 0.90, 0.95, 1.05, 1.10 }.Select(x => Math.Log(x)).ToArray();
        var m = (b[1] + b[2]) / 2;
        var deviations = b.Select(x => Math.Abs(x - m)).Order().ToArray();
        Assert.Equal(3, noise.Benchmarks);
        Assert.Equal(1.4826 * (deviations[1] + deviations[2]) / 2, noise.Spread, 1e-12);
    }

    [Fact]
    public void NoBenchmarkWithThreePairedRoundsGivesNoFigure()
    {
        Assert.Null(RunNoise.Measure(Set(Rounds("A", 100, 100)), Set(Rounds("A", 100, 100))));
        Assert.Null(RunNoise.Measure(Set(Rounds("A", 100, 100, 100)), Set(Rounds("B", 100, 100, 100))));
        Assert.Null(RunNoise.Measure(Set(), Set()));
    }
}
