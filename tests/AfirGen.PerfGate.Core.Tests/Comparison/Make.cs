using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Tests.Comparison;

/// <summary>Builds small result sets for comparison tests from a seeded generator.</summary>
internal static class Make
{
    public static BenchmarkResult Micro(string id, Random rng, double center, double cv, int launches, int iterations, long? allocated = null, double launchDrift = 0)
    {
        var list = new List<Launch>();
        for (var l = 0; l < launches; l++)
        {
            var launchCenter = center * Math.Exp(launchDrift * Gaussian(rng));
            list.Add(new Launch(Enumerable.Range(0, iterations).Select(_ => launchCenter * (1 + (cv * Gaussian(rng)))).ToArray()));
        }

        return new BenchmarkResult
        {
            Id = id,
            Launches = list,
            Memory = allocated is { } a ? new MemoryInfo(a, 0.1, 0, 0) : null,
        };
    }

    public static ResultSet Set(params BenchmarkResult[] results) => new() { CreatedAt = DateTimeOffset.UnixEpoch, Benchmarks = results };

    public static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
