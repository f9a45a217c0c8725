using System.Text.Json;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Tests.Reports;

public sealed class JsonReportTests
{
    [Fact]
    public void JsonCarriesSchemaVerdictCountsAndGeometricMean()
    {
        var comparison = SampleComparison.Create();
        using var doc = JsonDocument.Parse(new JsonReport().Render(comparison));
        var root = doc.RootElement;
        Assert.Equal("perfgate/comparison@2", root.GetProperty("schema").GetString());
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal("failed", root.GetProperty("gate").GetString());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        // "failures" counts only what fails the gate, by kind.
        var failures = root.GetProperty("failures").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(comparison.Benchmarks.Count(b => comparison.FailsGate(b.Verdict)), failures.Values.Sum());
        Assert.DoesNotContain("inconclusive", failures.Keys);
        Assert.Equal(comparison.Benchmarks.Count, root.GetProperty("counts").GetProperty("total").GetInt32());
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            Assert.Equal(comparison.Count(verdict), root.GetProperty("counts").GetProperty(verdict.ToName()).GetInt32());
        }

        Assert.Equal(1.0213, root.GetProperty("geometricMean").GetProperty("ratio").GetDouble());
        Assert.Single(root.GetProperty("warnings").EnumerateArray());
        var names = root.GetProperty("benchmarks").EnumerateArray().Select(b => b.GetProperty("verdict").GetString()).ToHashSet();
        Assert.Contains("sla-violated", names);
    }

    [Fact]
    public void NumbersRoundTripExactly()
    {
        var comparison = SampleComparison.Create();
        using var doc = JsonDocument.Parse(new JsonReport().Render(comparison));
        var benchmarks = doc.RootElement.GetProperty("benchmarks").EnumerateArray().ToList();
        for (var i = 0; i < comparison.Benchmarks.Count; i++)
        {
            if (comparison.Benchmarks[i].Current is { } current)
            {
                Assert.Equal(current.Mean, benchmarks[i].GetProperty("current").GetProperty("mean").GetDouble());
                Assert.Equal(current.StdDev, benchmarks[i].GetProperty("current").GetProperty("stdDev").GetDouble());
            }
        }
    }

    [Fact]
    public void NonFiniteNumbersBecomeNull()
    {
        var sample = SampleComparison.Create();
        var comparison = sample with { GeometricMean = new GeometricMeanSummary(double.NaN, double.PositiveInfinity, null, 0) };
        using var doc = JsonDocument.Parse(new JsonReport().Render(comparison));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("geometricMean").GetProperty("ratio").ValueKind);
    }

    [Fact]
    public void HostileIdsSurviveAsData()
    {
        var comparison = SampleComparison.WithIds(HostileIds.All);
        using var doc = JsonDocument.Parse(new JsonReport().Render(comparison));
        var ids = doc.RootElement.GetProperty("benchmarks").EnumerateArray().Select(b => b.GetProperty("id").GetString()).ToList();
        // The lone surrogate cannot be UTF-8; every other id comes back exactly.
        Assert.Equal(HostileIds.All.Where(s => !s.Contains("surrogate", StringComparison.Ordinal)), ids.Where(s => !s!.Contains("surrogate", StringComparison.Ordinal)));
    }
}
