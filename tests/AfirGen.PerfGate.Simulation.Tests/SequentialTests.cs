using System.Globalization;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;
using Xunit.Abstractions;

namespace AfirGen.PerfGate.Simulation;

/// <summary>
/// The sequential design of `perfgate ab` (SequentialDesign): looks of 12 worker rounds, each further look only for the
/// benchmarks the real comparer leaves inconclusive, each look tested at its share of alpha. Each worker round pairs
/// base and head in one process; the machine drifts between rounds (shared by both sides) and where each side's code
/// lands in memory moves its time for the whole round: usually by about 2%, in one round of ten by 10 to 60% either way,
/// as measured on this project's machine type (docs/runner.md).
/// </summary>
public sealed class SequentialTests(ITestOutputHelper output)
{
    private const int Suites = 1000;
    private const int RoundsPerLook = 12;
    private const int Benchmarks = 10;

    private static readonly PerfGateConfig Config = PerfGateConfig.Default with
    {
        Comparison = PerfGateConfig.Default.Comparison with { RoundsPerLook = RoundsPerLook },
    };

    /// <summary>One simulated sequential run; returns the final comparison and the looks each benchmark took.</summary>
    private static (SuiteComparison Comparison, int[] Looks) Run(Random rng, double slowdown, int slowed)
    {
        var baseline = Enumerable.Range(0, Benchmarks).Select(_ => new List<Launch>()).ToArray();
        var current = Enumerable.Range(0, Benchmarks).Select(_ => new List<Launch>()).ToArray();
        var looks = new int[Benchmarks];
        var open = Enumerable.Range(0, Benchmarks).ToHashSet();
        SuiteComparison comparison = null!;
        for (var look = 1; look <= SequentialDesign.MaxLooks && open.Count > 0; look++)
        {
            for (var w = 0; w < RoundsPerLook; w++)
            {
                var round = ((look - 1) * RoundsPerLook) + w + 1;
                var machine = Math.Exp(0.10 * Distributions.Gaussian(rng));
                foreach (var b in open)
                {
                    var scale = 1000.0 * (b + 1) * machine;
                    baseline[b].Add(Launch(rng, scale * Placement(rng), round));
                    current[b].Add(Launch(rng, scale * Placement(rng) * (b < slowed ? 1 + slowdown : 1), round));
                }
            }

            foreach (var b in open)
            {
                looks[b] = look;
            }

            comparison = SuiteComparer.Compare(Set(baseline), Set(current), Config, DateTimeOffset.UnixEpoch);
            open = comparison.Benchmarks.Where(c => c.Verdict == Verdict.Inconclusive).Select(c => int.Parse(c.Id[1..], CultureInfo.InvariantCulture)).ToHashSet();
        }

        return (comparison, looks);
    }

    private static ResultSet Set(List<Launch>[] launches) =>
        new() { Benchmarks = launches.Select((l, b) => new BenchmarkResult { Id = $"B{b}", Launches = l.ToArray() }).ToList() };

    private static double Placement(Random rng)
    {
        var jump = rng.NextDouble() < 0.05 ? (0.05 + (0.35 * rng.NextDouble())) * (rng.Next(2) == 0 ? 1 : -1) : 0;
        return Math.Exp((0.02 * Distributions.Gaussian(rng)) + jump);
    }

    private static Launch Launch(Random rng, double center, int round) =>
        new(Enumerable.Range(0, 10).Select(_ => center * (1 + (0.01 * Distributions.Gaussian(rng)))).ToArray(), round);

    [Fact]
    public void RepeatedLooksKeepSuiteFalseAlarmsUnderOnePercent()
    {
        var rng = new Random(2026);
        var alarms = 0;
        var undecided = 0;
        var looks = new List<int>();
        for (var s = 0; s < Suites; s++)
        {
            var (comparison, took) = Run(rng, 0, 0);
            alarms += comparison.Benchmarks.Any(b => b.Verdict is Verdict.Regressed or Verdict.Improved) ? 1 : 0;
            undecided += comparison.Benchmarks.Count(b => b.Verdict == Verdict.Inconclusive);
            looks.AddRange(took);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A/A, {Suites} suites of {Benchmarks}: {alarms} suites with a false verdict; {100.0 * undecided / (Suites * Benchmarks):F1}% of benchmarks undecided after {SequentialDesign.MaxLooks} looks; mean looks {looks.Average():F2}"));
        Assert.True(alarms <= Suites / 100, $"{alarms} of {Suites} suites had a false verdict");
    }

    [Theory]
    [InlineData(0.05, 0.0)]
    [InlineData(0.10, 0.90)]
    [InlineData(0.20, 0.97)]
    [InlineData(0.50, 0.99)]
    public void SlowdownsAreCaughtWithinTheLooks(double slowdown, double power)
    {
        var rng = new Random((int)(slowdown * 1000));
        var caught = 0;
        var passed = 0;
        var looks = new List<int>();
        var trials = Suites / 2;
        for (var s = 0; s < trials; s++)
        {
            var (comparison, took) = Run(rng, slowdown, 1);
            var b0 = comparison.Benchmarks.Single(b => b.Id == "B0");
            caught += b0.Verdict == Verdict.Regressed ? 1 : 0;
            passed += b0.Verdict == Verdict.Unchanged ? 1 : 0;
            looks.Add(took[0]);
        }

        var byLook = Enumerable.Range(1, SequentialDesign.MaxLooks).Select(k => $"{looks.Count(l => l == k)}").ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"+{slowdown:P0} on 1 of {Benchmarks}: caught {100.0 * caught / trials:F1}%, passed as unchanged {100.0 * passed / trials:F1}%; looks taken 1/2/3/4: {string.Join("/", byLook)}; mean {looks.Average():F2} ({looks.Average() * RoundsPerLook:F1} worker rounds)"));
        Assert.True(caught >= trials * power, $"caught {caught} of {trials}");
        if (slowdown >= 0.10)
        {
            // Twice the threshold and more is never passed as unchanged.
            Assert.True(passed <= trials / 100, $"{passed} of {trials} passed as unchanged");
        }
    }
}
