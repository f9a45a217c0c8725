using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Tests.IO;

/// <summary>Shared fixtures for the IO tests.</summary>
internal static class TestData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    /// <summary>A result set exercising every field, with doubles chosen to break naive formatting.</summary>
    public static ResultSet Everything() => new()
    {
        CreatedAt = new DateTimeOffset(2026, 11, 27, 2, 31, 51, 123, TimeSpan.FromHours(1)).AddTicks(4567),
        Environment = new EnvironmentFingerprint
        {
            Os = "Linux Debian GNU/Linux 12 (bookworm)", Cpu = "AMD EPYC", Cores = 2,
            Runtime = ".NET 10.0.12", Architecture = "X64", GcMode = "Workstation, Concurrent",
        },
        Source = new SourceInfo("4f547cb0d1", "feature/ümlaut<branch>"),
        Incomplete = true,
        ReferenceNanoseconds = 1_234_567.5,
        Skipped = [new SkippedScenario("db/join", "PERFGATE_MYSQL is not set")],
        Setup = new SystemSetup
        {
            Target = "project AfirGen.Backend/AfirGen.Backend.csproj",
            Variables = [new("AFIRGEN_MYSQL", "PERFGATE_MYSQL", false), new("AFIRGEN_SEED", null, true)],
        },
        Benchmarks =
        [
            new BenchmarkResult
            {
                Id = "Sample.Parse<T>(Size: 10, Text: \"a,b\")",
                Parameters = [new("Size", "10"), new("Text", "\"a,b\"")],
                Launches =
                [
                    new Launch([0.1, 1.0 / 3, 36.93920373916626, double.Epsilon, 1e-300]),
                    new Launch([double.MaxValue, 123456789012345.67, Math.PI, Math.BitDecrement(2.0)]),
                ],
                Memory = new MemoryInfo(152, 0.009059906005859375, 0, 1.0 / 7),
                LaunchNoise = 0.0731,
            },
            new BenchmarkResult
            {
                Id = "api/get_fir@c10",
                Category = Category.Api,
                Latency = new LatencySummary
                {
                    Count = 1234, Min = 1000.5, Max = 90000, Mean = 2000.25, StdDev = 0,
                    P50 = 1900, P90 = 3000, P95 = 4000, P99 = 8000, P999 = 89999.999,
                },
                Scenario = new ScenarioInfo
                {
                    Concurrency = 10, Throughput = 50.5, Requests = 1240,
                    Errors = new Dictionary<string, long> { ["timeout"] = 4, ["http-status"] = 2 },
                    HitRate = 0.875, Histogram = "HISTFAAAAB54nJNpmSzMwMDAzQABzFCaEUzOmNZgDwEQ9wLT",
                    Rate = 200, LateStarts = 3, DroppedStarts = 1, ServerHitRate = 0.86, Improvement = 0.62,
                    PoolAcquire = new LatencySummary { Count = 1240, Min = 800, Max = 90_000, Mean = 1_500, StdDev = 400, P50 = 1_200, P90 = 2_000, P95 = 2_500, P99 = 9_000, P999 = 80_000 },
                    System = new SystemMetrics
                    {
                        Samples = 10, MachineCpu = 0.62, MachineCpuMax = 0.81, GeneratorCpu = 0.21, GeneratorCpuMax = 0.3, GeneratorMemoryMax = 90_000_000,
                        TargetCpu = 0.35, TargetCpuMax = 0.5, TargetMemoryMax = 120_000_000, DiskReadBytes = 4096, DiskWriteBytes = 1_048_576,
                        Gen0Collections = 12, Gen1Collections = 2, Gen2Collections = 0,
                    },
                    Warnings = ["EXPLAIN: full table scan on `fir`"],
                },
            },
            new BenchmarkResult { Id = "db/slow_query", Category = Category.Db, Status = BenchmarkStatus.Failed, Error = "connection refused" },
            new BenchmarkResult { Id = "cache/get_hit", Category = Category.Cache, Status = BenchmarkStatus.Failed },
        ],
    };
}
