using System.Text.Json.Nodes;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Load.Tests;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Sample.Tests;

/// <summary>The main job (scripts/gate.sh) end to end: perfgate starts the sample backend, loads it, runs its benchmarks, and gates against the committed baseline.</summary>
public sealed class MainJobTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public void MainJobOnTheInMemoryBackendPassesAndSaysWhatWasSkipped()
    {
        using var dir = new TempDir();
        // Exactly the arguments of scripts/gate.sh, on a machine without MariaDB and Redis. The job's three launches
        // matter: a single launch on this shared machine is sometimes several times slower as a whole, and with one
        // launch a side nothing tells that apart from the code (seen: +490% on one benchmark).
        var r = PerfGateProcess.Run(Sample.Root, null, Sample.ServiceVariables, Timeout,
            "run", "--config", Sample.Config, "--baseline", Sample.Baseline, "--out", dir.File("out"));

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("API ENDPOINT PERFORMANCE", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("MICRO-BENCHMARKS", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped db/fulltext: PERFGATE_MYSQL is not set", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped cache/get_or_fetch: PERFGATE_REDIS is not set", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(r.Stdout, File.ReadAllText(dir.File("out/summary.txt")));

        var results = ResultsJson.Read(dir.File("out/results.json"));
        Assert.Equal(13, results.Skipped.Count);
        Assert.Contains(results.Benchmarks, b => b.Id == "api/get_fir@c15");
        Assert.Contains(results.Benchmarks, b => b.Id == "api/sustained_status@c10" && b.Scenario!.Requests == 500);
        Assert.Contains(results.Benchmarks, b => b.Id.EndsWith("DraftBenchmarks.CacheKey", StringComparison.Ordinal));
        Assert.DoesNotContain(results.Benchmarks, b => b.Category is Category.Db or Category.Cache);

        // The baseline's db and cache results are accounted for by the skip, not reported missing; the rest was compared.
        var comparison = JsonNode.Parse(File.ReadAllText(dir.File("out/comparison.json")))!;
        Assert.Equal(0, comparison["counts"]!["missing"]!.GetValue<int>());
        Assert.Equal(0, comparison["counts"]!["new"]!.GetValue<int>());
        Assert.False(Sample.BackendListening(), "the backend perfgate started is still running");

        // A report of the folder is the run's own summary, word for word, and exits as the run did.
        var report = PerfGateProcess.Run(Sample.Root, "report", dir.File("out"));
        Assert.Equal(r.ExitCode, report.ExitCode);
        Assert.Equal(r.Stdout, report.Stdout);
    }

    [Fact]
    public void EveryCategoryRunsWithMariaDbAndRedis()
    {
        using var dir = new TempDir();
        var load = new JsonObject { ["levels"] = new JsonArray(1, 5), ["duration"] = "0.5s", ["warmup"] = "0.2s", ["timeout"] = "5s" };
        var config = Sample.DeriveConfig(dir.File("perfgate.json"), load);
        var services = new Dictionary<string, string> { [Services.MySqlVariable] = Services.MySql, [Services.RedisVariable] = Services.Redis };

        var r = PerfGateProcess.Run(dir.Path, services, [], Timeout, "run", "--config", config, "--out", dir.File("out"), "--launches", "1");

        var results = ResultsJson.Read(dir.File("out/results.json"));
        Assert.True(results.Skipped.Count == 0, r.ToString());
        Assert.All(results.Benchmarks, b => Assert.True(b.Status == BenchmarkStatus.Succeeded, $"{b.Id}: {b.Error}"));
        foreach (var id in new[] { "api/process_uncached@c5", "db/fulltext@c5", "db/bulk_insert@c1", "cache/get_hit@c5", "cache/get_or_fetch.uncached@c1" })
        {
            Assert.Contains(results.Benchmarks, b => b.Id == id);
        }

        Assert.Equal(5, results.Benchmarks.Count(b => b.Category == Category.Micro));
        Assert.True(results.Benchmarks.Single(b => b.Id == "cache/get_hit@c1").Scenario!.HitRate > 0.8);
        Assert.NotNull(results.Benchmarks.Single(b => b.Id == "cache/get_or_fetch@c1").Scenario!.Improvement);
        var comparison = JsonNode.Parse(File.ReadAllText(dir.File("out/comparison.json")))!;
        Assert.True(r.ExitCode == (comparison["passed"]!.GetValue<bool>() ? 0 : 1), r.ToString());
        Assert.False(Sample.BackendListening(), "the backend perfgate started is still running");
    }

    [Fact]
    public void SlowedFirEndpointBreaksItsP95AndFailsTheGate()
    {
        using var dir = new TempDir();
        var load = new JsonObject { ["levels"] = new JsonArray(1), ["duration"] = "1s", ["warmup"] = "0.2s", ["timeout"] = "5s" };
        var slow = Sample.DeriveConfig(dir.File("slow.json"), load, id => id == "api/get_fir", new Dictionary<string, string> { ["AFIRGEN_SLOW_FIR_MS"] = "150" });
        var normal = Sample.DeriveConfig(dir.File("normal.json"), load, id => id == "api/get_fir");

        var r = PerfGateProcess.Run(dir.Path, null, [], Timeout, "run", "--config", slow, "--category", "api", "--out", dir.File("slow"));

        Assert.True(r.ExitCode == 1, r.ToString());
        var fir = JsonNode.Parse(File.ReadAllText(dir.File("slow/comparison.json")))!["benchmarks"]!.AsArray().Single(b => b!["id"]!.GetValue<string>() == "api/get_fir@c1")!;
        Assert.Equal("sla-violated", fir["verdict"]!.GetValue<string>());
        Assert.Contains("p95<100ms", r.Stdout, StringComparison.Ordinal);
        var report = PerfGateProcess.Run(dir.Path, "report", dir.File("slow"), "--format", "markdown");
        Assert.True(report.ExitCode == 1, report.ToString());
        Assert.Contains("## ❌ PerfGate: failed", report.Stdout, StringComparison.Ordinal);

        // The same endpoint without the switch passes: the failure above is the delay, not the machine.
        var control = PerfGateProcess.Run(dir.Path, null, [], Timeout, "run", "--config", normal, "--category", "api", "--out", dir.File("normal"));
        Assert.True(control.ExitCode == 0, control.ToString());
    }

    [Fact]
    public void TargetThatCannotStartExitsThreeWithOneLine()
    {
        using var dir = new TempDir();
        var config = dir.File("perfgate.json");
        File.WriteAllText(config, """
            { "target": { "command": ["dotnet", "no-such-backend.dll"], "url": "http://127.0.0.1:5080", "ready": "/health", "startTimeout": "20s" },
              "scenarios": { "api": [ { "name": "health", "url": "http://127.0.0.1:5080/health" } ] } }
            """);

        var r = PerfGateProcess.Run(dir.Path, "run", "--config", config);

        Assert.True(r.ExitCode == 3, r.ToString());
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("target did not start", line, StringComparison.Ordinal);
    }
}
