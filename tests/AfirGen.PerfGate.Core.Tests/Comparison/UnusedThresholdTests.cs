using System.Text;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Tests.Comparison;

/// <summary>A threshold the user wrote is enforced or said to check nothing; one that can never decide is refused.</summary>
public sealed class UnusedThresholdTests
{
    private static SuiteComparison Compare(string configJson, ResultSet current) =>
        SuiteComparer.Compare(null, current, ConfigReader.Parse(Encoding.UTF8.GetBytes(configJson), "perfgate.json"), DateTimeOffset.UnixEpoch);

    private static ResultSet Micro() => Make.Set(Make.Micro("MathBench.Add", new Random(1), 100, 0.01, 3, 10));

    [Fact]
    public void AGlobThatSelectsNothingIsAWarningInEveryReport()
    {
        var c = Compare("""{ "benchmarks": { "MathBnch.*": ["mean<1ns"] } }""", Micro());

        var w = Assert.Single(c.Warnings, w => w.Kind == WarningKind.ThresholdUnused);
        Assert.Equal("MathBnch.*", w.Subject);
        Assert.Contains("select no benchmark", w.Text, StringComparison.Ordinal);
        Assert.Equal(GateOutcome.PassedWithWarnings, c.Gate);
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            Assert.Contains("MathBnch", ReportRenderer.Render(c, format), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AMetricNoSelectedBenchmarkHasIsAWarning()
    {
        var c = Compare("""{ "benchmarks": { "Math*": ["hitrate>=99%", "mean<1s"] } }""", Micro());

        var w = Assert.Single(c.Warnings, w => w.Kind == WarningKind.ThresholdUnused);
        Assert.Contains("hitrate>=99% for 'Math*' (perfgate.json) checked nothing: none of the 1 benchmarks it selects has hitrate", w.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ThresholdsOfSkippedScenariosAndReplacedThresholdsAreNotUnused()
    {
        var set = Micro() with { Skipped = [new SkippedScenario("db/join", "PERFGATE_MYSQL is not set")] };
        var c = Compare("""{ "defaults": { "thresholds": ["mean<1s"] }, "benchmarks": { "db/join@*": ["p95<100ms"], "Math*": ["mean<2s"] } }""", set);

        Assert.DoesNotContain(c.Warnings, w => w.Kind == WarningKind.ThresholdUnused);
    }

    [Theory]
    [InlineData("errors<0%")]
    [InlineData("errors<101%")]
    [InlineData("errors<=100%")]
    [InlineData("hitrate>=101%")]
    [InlineData("hitrate>100%")]
    [InlineData("throughput>=0/s")]
    [InlineData("allocated<0B")]
    public void AThresholdThatCanNeverDecideIsBadInput(string text)
    {
        var e = Assert.Throws<InputException>(() => Threshold.Parse(text, "perfgate.json", "$.benchmarks['*'][0]"));
        Assert.Matches("can never (pass|fail)", e.Problem);
    }

    [Theory]
    [InlineData("errors<=0%")]
    [InlineData("errors<1%")]
    [InlineData("hitrate>=100%")]
    [InlineData("allocated<=0B")]
    [InlineData("throughput>0/s")]
    public void ABoundThatCanGoEitherWayIsKept(string text) => Assert.Equal(text, Threshold.Parse(text, "test").Text);
}
