using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Tests.Comparison;

/// <summary>A baseline knows how its system under test was set up; another setup is a warning and never a verdict on the code.</summary>
public sealed class SetupTests
{
    private static readonly SystemSetup OnMySql = new()
    {
        Target = "project AfirGen.Backend/AfirGen.Backend.csproj",
        Variables = [new("AFIRGEN_MYSQL", "PERFGATE_MYSQL", true), new("AFIRGEN_REDIS", "PERFGATE_REDIS", true)],
    };

    private static readonly SystemSetup InMemory = OnMySql with
    {
        Variables = [new("AFIRGEN_MYSQL", "PERFGATE_MYSQL", false), new("AFIRGEN_REDIS", "PERFGATE_REDIS", false)],
    };

    [Fact]
    public void AnInMemoryRunAgainstAMySqlBaselineIsAWarningNotAnImprovement()
    {
        // In memory the endpoint answers a hundred times faster: compared as if it were the code, that is "improved −99%".
        var baseline = Make.Set(Make.Api("api/get_fir@c10", 2_000_000), Make.Micro("FirBench.Parse", new Random(1), 100, 0.01, 10, 10)) with { Setup = OnMySql };
        var current = Make.Set(Make.Api("api/get_fir@c10", 20_000), Make.Micro("FirBench.Parse", new Random(1), 100, 0.01, 10, 10)) with { Setup = InMemory };

        var c = SuiteComparer.Compare(baseline, current, PerfGateConfig.Default, DateTimeOffset.UnixEpoch);

        var api = c.Benchmarks.Single(b => b.Id == "api/get_fir@c10");
        Assert.Equal(Verdict.Inconclusive, api.Verdict);
        Assert.All(api.Metrics, m => Assert.Equal(Verdict.Inconclusive, m.Verdict));
        Assert.Contains("another setup", api.Metrics[0].Note, StringComparison.Ordinal);
        // The micro-benchmarks do not run on the target: they are compared as ever.
        Assert.Equal(Verdict.Unchanged, c.Benchmarks.Single(b => b.Id == "FirBench.Parse").Verdict);
        var w = Assert.Single(c.Warnings, w => w.Kind == WarningKind.SetupDiffers);
        Assert.Contains("AFIRGEN_MYSQL is set from PERFGATE_MYSQL in the baseline and not set (PERFGATE_MYSQL was not set) now", w.Text, StringComparison.Ordinal);
        Assert.Equal(GateOutcome.PassedWithWarnings, c.Gate);
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            var report = ReportRenderer.Render(c, format);
            Assert.Contains("setup differs", report, StringComparison.Ordinal);
            // Neither the verdict nor the change is shown as the code's: no "improved", no −99%.
            // (JSON names every verdict as a count key, "improved": 0 among them; the HTML its colour, --improved.)
            var improved = format == ReportFormat.Json ? -1
                : System.Text.RegularExpressions.Regex.Match(report, "(?<![-\\w])improved\\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } m ? m.Index : -1;
            Assert.True(improved < 0, $"{format}: {(improved < 0 ? "" : report.Substring(Math.Max(0, improved - 80), 160))}");
            Assert.DoesNotContain("99.0%", report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheSameSetupComparesAsEver()
    {
        var baseline = Make.Set(Make.Api("api/get_fir@c10", 2_000_000)) with { Setup = OnMySql };
        var current = Make.Set(Make.Api("api/get_fir@c10", 20_000)) with { Setup = OnMySql };

        var c = SuiteComparer.Compare(baseline, current, PerfGateConfig.Default, DateTimeOffset.UnixEpoch);

        Assert.Equal(Verdict.Improved, c.Benchmarks.Single().Verdict);
        Assert.DoesNotContain(c.Warnings, w => w.Kind == WarningKind.SetupDiffers);
        // A baseline from before setups were recorded is compared too: there is nothing to tell them apart by.
        Assert.DoesNotContain(SuiteComparer.Compare(baseline with { Setup = null }, current, PerfGateConfig.Default).Warnings, w => w.Kind == WarningKind.SetupDiffers);
    }

    [Fact]
    public void EveryKindOfDifferenceIsSaidOnce()
    {
        var command = OnMySql with { Target = "command ./server --port 5080" };
        var extra = OnMySql with { Variables = [.. OnMySql.Variables, new("AFIRGEN_SLOW_FIR_MS", null, true)] };
        var otherSource = OnMySql with { Variables = [new("AFIRGEN_MYSQL", "OTHER_MYSQL", true), OnMySql.Variables[1]] };

        Assert.Empty(SystemSetup.Differences(OnMySql, OnMySql with { }));
        Assert.Equal(["the target is project AfirGen.Backend/AfirGen.Backend.csproj in the baseline and command ./server --port 5080 now"], SystemSetup.Differences(OnMySql, command));
        Assert.Equal(["the target's AFIRGEN_SLOW_FIR_MS is not given in the baseline and set in the config now"], SystemSetup.Differences(OnMySql, extra));
        Assert.Equal(["the target's AFIRGEN_MYSQL is set from PERFGATE_MYSQL in the baseline and set from OTHER_MYSQL now"], SystemSetup.Differences(OnMySql, otherSource));
        Assert.Equal(2, SystemSetup.Differences(OnMySql, InMemory).Count);
    }

    [Fact]
    public void TheSetupIsKeptInResultsAndMerged()
    {
        var set = Make.Set(Make.Api("api/get_fir@c10", 20_000)) with { Setup = InMemory };

        var read = ResultsJson.Parse(ResultsJson.Serialize(set), "results.json");

        Assert.Equal(InMemory, read.Setup);
        Assert.Equal(InMemory, ResultSets.Merge([("a.json", set), ("b.json", Make.Set() with { Setup = null })]).Setup);
        var e = Assert.Throws<InputException>(() => ResultSets.Merge([("a.json", set), ("b.json", Make.Set() with { Setup = OnMySql })]));
        Assert.Contains("b.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.setup", e.Message, StringComparison.Ordinal);
        Assert.Contains("in a.json", e.Message, StringComparison.Ordinal);
    }
}
