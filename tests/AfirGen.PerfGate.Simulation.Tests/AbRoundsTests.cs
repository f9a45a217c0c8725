using System.Globalization;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;
using Xunit.Abstractions;

namespace AfirGen.PerfGate.Simulation;

/// <summary>
/// A/B rounds as `perfgate ab` runs them: each round runs base and head back to back. The machine drifts by 10%
/// between rounds (shared by both halves of a round) and each process adds 3% of its own noise.
/// </summary>
public sealed class AbRoundsTests(ITestOutputHelper output)
{
    private const int Trials = 1000;

    private static SuiteComparison Run(Random rng, int rounds, double slowdown)
    {
        var baseline = new BenchmarkResult[Suites.Benchmarks];
        var current = new BenchmarkResult[Suites.Benchmarks];
        for (var b = 0; b < Suites.Benchmarks; b++)
        {
            var a = new Launch[rounds];
            var c = new Launch[rounds];
            for (var r = 0; r < rounds; r++)
            {
                var machine = Math.Exp(0.10 * Distributions.Gaussian(rng));
                a[r] = Launch(rng, 1000 * (b + 1) * machine, r + 1);
                c[r] = Launch(rng, 1000 * (b + 1) * machine * (b == 0 ? 1 + slowdown : 1), r + 1);
            }

            baseline[b] = new BenchmarkResult { Id = $"B{b}", Launches = a };
            current[b] = new BenchmarkResult { Id = $"B{b}", Launches = c };
        }

        return SuiteComparer.Compare(new ResultSet { Benchmarks = baseline }, new ResultSet { Benchmarks = current }, PerfGateConfig.Default, DateTimeOffset.UnixEpoch);
    }

    private static Launch Launch(Random rng, double center, int round)
    {
        var process = Math.Exp(0.03 * Distributions.Gaussian(rng));
        return new Launch(Enumerable.Range(0, 10).Select(_ => center * process * (1 + (0.01 * Distributions.Gaussian(rng)))).ToArray(), round);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(16)]
    public void RoundsKeepFalseAlarmsUnderOnePercent(int rounds)
    {
        var rng = new Random(rounds);
        var alarms = Enumerable.Range(0, Trials).Count(_ => Suites.FalseAlarm(Run(rng, rounds, 0)));
        var caught = Enumerable.Range(0, Trials).Count(_ => Suites.Caught(Run(rng, rounds, 0.10)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rounds} rounds, 10% machine drift between rounds, 3% process noise: A/A {100.0 * alarms / Trials:F1}% false alarms, +10% caught {100.0 * caught / Trials:F1}%"));
        Assert.True(alarms <= Trials / 100, $"{alarms} false alarms");
        if (rounds >= 12)
        {
            Assert.True(caught >= Trials * 95 / 100, $"caught {caught}");
        }
    }
}
