using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Comparison;

/// <summary>
/// The launch-to-launch spread of a suite's micro-benchmarks, pooled over all of them, as the prior each one's own
/// spread is shrunk towards (the moderated variance of empirical Bayes, as limma does for genes). A baseline saved from
/// three runs gives each benchmark only two degrees of freedom of its own, and a fixed assumed prior then decides the
/// verdict; the suite's other benchmarks, measured in the same runs on the same machine, know the noise far better.
/// The prior for one benchmark leaves that benchmark out, so that its own launches are not counted twice.
/// </summary>
internal sealed class SuiteLaunchNoise
{
    // Below this many degrees of freedom from the other benchmarks the pool is itself too noisy to stand for them.
    internal const int MinimumDegrees = 6;

    private readonly Dictionary<string, (double SumOfSquares, int Degrees)> _byId;
    private readonly double _sumOfSquares;
    private readonly int _degrees;

    private SuiteLaunchNoise(Dictionary<string, (double, int)> byId)
    {
        _byId = byId;
        _sumOfSquares = byId.Values.Sum(v => v.Item1);
        _degrees = byId.Values.Sum(v => v.Item2);
    }

    /// <summary>
    /// The pool over the micro-benchmarks that succeeded on both sides and were not run in paired rounds; each side's
    /// launches are centred on their own mean, so a change of the code is never counted as noise.
    /// </summary>
    public static SuiteLaunchNoise Of(IReadOnlyDictionary<string, BenchmarkResult> baseline, IReadOnlyDictionary<string, BenchmarkResult> current)
    {
        var byId = new Dictionary<string, (double, int)>(StringComparer.Ordinal);
        foreach (var (id, b) in baseline)
        {
            if (current.TryGetValue(id, out var c) && b.Status == BenchmarkStatus.Succeeded && c.Status == BenchmarkStatus.Succeeded
                && b.Latency is null && c.Latency is null && !b.Launches.Concat(c.Launches).Any(l => l.Round is not null))
            {
                var pooled = LaunchNoise.SumOfSquares([LaunchNoise.Floors(b.Launches), LaunchNoise.Floors(c.Launches)]);
                if (pooled.Degrees > 0)
                {
                    byId[id] = pooled;
                }
            }
        }

        return new SuiteLaunchNoise(byId);
    }

    /// <summary>The spread of every other benchmark's launches and its degrees of freedom, or null when they are too few.</summary>
    public (double Noise, int Degrees)? Without(string id)
    {
        var (ss, df) = _byId.TryGetValue(id, out var own) ? (_sumOfSquares - own.SumOfSquares, _degrees - own.Degrees) : (_sumOfSquares, _degrees);
        // Floors identical to a part in a billion are rounded or synthetic values, not a measurement of noise.
        var noise = df > 0 ? Math.Sqrt(Math.Max(0, ss) / df) : 0;
        return df >= MinimumDegrees && noise > 1e-9 ? (noise, df) : null;
    }
}
