using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Simulation;

/// <summary>Builds simulated suites and runs the real comparer on them.</summary>
internal static class Suites
{
    public const int Benchmarks = 10;

    /// <summary>A result whose launches each hold <paramref name="iterations"/> samples; each launch drifts by <paramref name="launchDrift"/> (log sd).</summary>
    public static BenchmarkResult Result(string id, Random rng, Func<Random, double> draw, double scale, int launches, int iterations, double launchDrift)
    {
        var list = new Launch[launches];
        for (var l = 0; l < launches; l++)
        {
            var drift = Math.Exp(launchDrift * Distributions.Gaussian(rng));
            var samples = new double[iterations];
            for (var i = 0; i < iterations; i++)
            {
                samples[i] = 1000 * scale * drift * draw(rng);
            }

            list[l] = new Launch(samples);
        }

        return new BenchmarkResult { Id = id, Launches = list };
    }

    /// <summary>Compares a simulated baseline suite with a current one where benchmark 0 is slower by <paramref name="slowdown"/>.</summary>
    public static SuiteComparison Run(Random rng, Func<Random, double> draw, double slowdown, int launches, int iterations, double launchDrift, PerfGateConfig? config = null)
    {
        var baseline = new BenchmarkResult[Benchmarks];
        var current = new BenchmarkResult[Benchmarks];
        for (var b = 0; b < Benchmarks; b++)
        {
            var scale = 1 + b; // benchmarks of different magnitudes, as in a real suite
            baseline[b] = Result($"B{b}", rng, draw, scale, launches, iterations, launchDrift);
            current[b] = Result($"B{b}", rng, draw, scale * (b == 0 ? 1 + slowdown : 1), launches, iterations, launchDrift);
        }

        return SuiteComparer.Compare(
            new ResultSet { Benchmarks = baseline },
            new ResultSet { Benchmarks = current },
            config ?? PerfGateConfig.Default,
            DateTimeOffset.UnixEpoch);
    }

    /// <summary>True when any benchmark of the suite was called regressed.</summary>
    public static bool FalseAlarm(SuiteComparison s) => s.Benchmarks.Any(b => b.Verdict == Verdict.Regressed);

    /// <summary>True when the slowed-down benchmark 0 was called regressed.</summary>
    public static bool Caught(SuiteComparison s) => s.Benchmarks.Single(b => b.Id == "B0").Verdict == Verdict.Regressed;
}
