using System.Text.Json.Nodes;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Cli.Tests;

/// <summary>`compare` of results from the in-memory backend against the committed, MySQL-backed baseline.</summary>
public sealed class SetupCompareTests
{
    [Fact]
    public void AnInMemoryRunAgainstTheMySqlBackedBaselineWarnsAndNeverCallsItAnImprovement()
    {
        using var dir = new TempDir();
        var baseline = Committed();
        var root = JsonNode.Parse(File.ReadAllText(baseline))!.AsObject();
        Assert.Contains(root["setup"]!["variables"]!.AsArray(), v => v!["name"]!.GetValue<string>() == "AFIRGEN_MYSQL" && v["set"]!.GetValue<bool>());
        // The same backend in memory: no MySQL behind the FIR endpoints, a hundred times faster.
        foreach (var v in root["setup"]!["variables"]!.AsArray())
        {
            v!["set"] = false;
        }

        foreach (var b in root["benchmarks"]!.AsArray().Where(b => b!["category"]!.GetValue<string>() == "api"))
        {
            var latency = b!["latency"]!.AsObject();
            foreach (var key in new[] { "min", "max", "mean", "stdDev", "p50", "p90", "p95", "p99", "p999" })
            {
                latency[key] = latency[key]!.GetValue<double>() / 100;
            }

            b["scenario"]!["throughput"] = b["scenario"]!["throughput"]!.GetValue<double>() * 100;
        }

        File.WriteAllText(dir.File("in-memory.json"), root.ToJsonString());

        var r = PerfGateProcess.Run(dir.Path, "compare", baseline, "in-memory.json", "--out", "out");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("setup differs: the target's AFIRGEN_MYSQL is set from PERFGATE_MYSQL in the baseline and not set (PERFGATE_MYSQL was not set) now", r.Stdout, StringComparison.Ordinal);
        var comparison = JsonNode.Parse(File.ReadAllText(dir.File("out/comparison.json")))!;
        Assert.Equal(0, comparison["counts"]!["improved"]!.GetValue<int>());
        Assert.Contains(comparison["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "setup-differs");
        // No change is shown for an api result at all: its line holds the values, not a percentage.
        Assert.All(r.Stdout.Split('\n').Where(l => l.StartsWith("? api/", StringComparison.Ordinal)), l => Assert.DoesNotContain("%", l, StringComparison.Ordinal));
    }

    private static string Committed()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "baselines", "sample.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("baselines/sample.json not found above the test output folder");
    }
}
