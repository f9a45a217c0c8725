using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Tests.Comparison;

public sealed class SkippedScenarioTests
{
    [Theory]
    [InlineData("db/join@c10", true)]
    [InlineData("cache/get.uncached@c1", true)]
    [InlineData("db/join", true)]
    [InlineData("db/join_all@c1", false)]
    [InlineData("db/joi@c1", false)]
    public void CoversOnlyItsOwnResults(string id, bool covered)
    {
        var s = new SkippedScenario(id.StartsWith("cache", StringComparison.Ordinal) ? "cache/get" : "db/join", "x");
        Assert.Equal(covered, s.Covers(id));
    }

    [Fact]
    public void SkippedBaselineResultsAreAWarningNotMissing()
    {
        var rng = new Random(1);
        var micro = Make.Micro("Suite.Parse", rng, 100, 0.01, 3, 10);
        var db = Make.Micro("db/join@c1", rng, 100, 0.01, 3, 10) with { Category = Category.Db };
        var gone = Make.Micro("db/other@c1", rng, 100, 0.01, 3, 10) with { Category = Category.Db };
        var current = Make.Set(micro) with { Skipped = [new SkippedScenario("db/join", "PERFGATE_MYSQL is not set")] };

        var c = SuiteComparer.Compare(Make.Set(micro, db, gone), current, PerfGateConfig.Default);

        Assert.DoesNotContain(c.Benchmarks, b => b.Id == "db/join@c1");
        Assert.Equal(Verdict.Missing, c.Benchmarks.Single(b => b.Id == "db/other@c1").Verdict);
        Assert.Contains(new GateWarning(WarningKind.Skipped, "db/join", "skipped db/join: PERFGATE_MYSQL is not set"), c.Warnings);
    }

    [Fact]
    public void SkippedScenariosRoundTripThroughResultsJson()
    {
        var set = Make.Set() with { Skipped = [new SkippedScenario("cache/get_hit", "PERFGATE_REDIS is not set")] };
        var back = ResultsJson.Parse(ResultsJson.Serialize(set), "results.json");
        Assert.Equal(set.Skipped, back.Skipped);
        Assert.Equal(set, back);
    }
}
