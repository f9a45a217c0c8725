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

    /// <summary>An api load result of one run at 10 workers whose mean latency is <paramref name="meanNs"/>.</summary>
    public static BenchmarkResult Api(string id, double meanNs) => new()
    {
        Id = id,
        Category = Category.Api,
        Latency = new LatencySummary
        {
            Count = 6000, Min = meanNs * 0.3, Max = meanNs * 4, Mean = meanNs, StdDev = meanNs * 0.3,
            P50 = meanNs * 0.9, P90 = meanNs * 1.5, P95 = meanNs * 1.7, P99 = meanNs * 2.1, P999 = meanNs * 3,
        },
        Scenario = new ScenarioInfo { Concurrency = 10, Requests = 6000, Throughput = 10 / (meanNs / 1e9), Errors = new Dictionary<string, long>() },
    };

    public static ResultSet Set(params BenchmarkResult[] results) => new() { CreatedAt = DateTimeOffset.UnixEpoch, Benchmarks = results };

    public static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
