using System.Text;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Tests.Config;

public sealed class ConfigReaderTests
{
    private static PerfGateConfig Parse(string json) => ConfigReader.Parse(Encoding.UTF8.GetBytes(json), "perfgate.json");

    [Fact]
    public void ReadsDefaultsAndGlobOverridesInOrder()
    {
        var c = Parse("""
        {
          "$schema": "./schemas/perfgate.schema.json",
          "defaults": { "regression": "5%", "alpha": 0.05, "launchNoise": "3%", "thresholds": ["p95<100ms"] },
          "benchmarks": { "api/*": ["p95<200ms", "throughput>=50/s"], "api/process*": ["regression<15%"] }
        }
        """);
        Assert.Equal(0.05, c.Comparison.Alpha);
        Assert.Equal(0.03, c.Comparison.LaunchNoise, 1e-12);
        var (regression, sla) = c.For("api/process_cached@c5");
        Assert.Equal(0.15, regression, 1e-12);
        Assert.Equal(200e6, sla.Single(t => t.Metric == ThresholdMetric.P95).Value);
        Assert.Single(sla, t => t.Metric == ThresholdMetric.Throughput);
        var (r2, sla2) = c.For("Micro.Parse");
        Assert.Equal(0.05, r2, 1e-12);
        Assert.Equal(100e6, sla2.Single(t => t.Metric == ThresholdMetric.P95).Value);
        // The built-in errors<1% holds everywhere unless a config or command line sets its own.
        Assert.Equal(0.01, sla2.Single(t => t.Metric == ThresholdMetric.Errors).Value, 1e-12);
        Assert.Equal(["built-in", "perfgate.json", "perfgate.json", "perfgate.json"], c.Resolved.Select(o => System.IO.Path.GetFileName(o.Source)));
    }

    [Theory]
    [InlineData("""{ "defaults": { "regresion": "5%" } }""", "$.defaults.regresion")]
    [InlineData("""{ "defaults": { "regression": 5 } }""", "$.defaults.regression")]
    [InlineData("""{ "defaults": { "regression": "five%" } }""", "$.defaults.regression")]
    [InlineData("""{ "defaults": { "alpha": 2 } }""", "$.defaults.alpha")]
    [InlineData("""{ "benchmarks": { "x": ["p95<<1ms"] } }""", "$.benchmarks['x'][0]")]
    [InlineData("""{ "benchmarks": { "x": "p95<1ms" } }""", "$.benchmarks['x']")]
    [InlineData("""{ "scenario": [] }""", "$.scenario")]
    [InlineData("""[]""", "$")]
    public void BadFieldsAreNamed(string json, string path)
    {
        var e = Assert.Throws<InputException>(() => Parse(json));
        Assert.Equal("perfgate.json", e.File);
        Assert.Equal(path, e.Field);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void TruncatedJsonIsBadInput()
    {
        var e = Assert.Throws<InputException>(() => Parse("""{ "defaults": { "regression": """));
        Assert.Equal("$.defaults.regression", e.Field);
        Assert.Contains("invalid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8IsBadInput()
    {
        var e = Assert.Throws<InputException>(() => ConfigReader.Parse([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D], "bad.json"));
        Assert.StartsWith("bad.json: ", e.Message);
    }
}
