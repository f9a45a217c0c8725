using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Cli.Tests;

/// <summary>Writes small results@1 files for the process tests.</summary>
internal static class Results
{
    public static BenchmarkResult Micro(string id, int seed, double center, int launches = 10, int iterations = 10, long allocated = 64)
    {
        var rng = new Random(seed);
        var list = Enumerable.Range(0, launches)
            .Select(_ => new Launch(Enumerable.Range(0, iterations).Select(_ => center * (1 + (0.01 * (rng.NextDouble() - 0.5)))).ToArray()))
            .ToArray();
        return new BenchmarkResult { Id = id, Launches = list, Memory = new MemoryInfo(allocated, 0.5, 0, 0) };
    }

    public static string Write(string path, params BenchmarkResult[] benchmarks)
    {
        var set = new ResultSet
        {
            CreatedAt = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
            Environment = new EnvironmentFingerprint { Os = "Linux", Cores = 2 },
            Benchmarks = benchmarks,
        };
        File.WriteAllText(path, ResultsJson.Serialize(set));
        return path;
    }
}
