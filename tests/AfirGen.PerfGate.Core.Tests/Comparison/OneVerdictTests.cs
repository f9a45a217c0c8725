using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;
using AfirGen.PerfGate.Tests.IO;
using AfirGen.PerfGate.Tests.Reports;

namespace AfirGen.PerfGate.Tests.Comparison;

/// <summary>The verdict is decided once, written as comparison.json, and read back exactly: every format renders the same from the folder.</summary>
public sealed class OneVerdictTests
{
    private static SuiteComparison Compare(ResultSet? b, ResultSet c, PerfGateConfig? config = null) =>
        SuiteComparer.Compare(b, c, config ?? PerfGateConfig.Default, DateTimeOffset.UnixEpoch);

    private static SuiteComparison Decided()
    {
        var rng = new Random(7);
        var baseline = Make.Set(
            Make.Micro("Suite.Fast", rng, 100, 0.02, 10, 15, allocated: 64),
            Make.Micro("Suite.Slow", rng, 100, 0.02, 10, 15),
            Make.Micro("Suite.Noisy", rng, 100, 0.01, 1, 30),
            Make.Micro("Suite.Gone", rng, 100, 0.02, 3, 15));
        var current = Make.Set(
            Make.Micro("Suite.Fast", rng, 100, 0.02, 10, 15, allocated: 64),
            Make.Micro("Suite.Slow", rng, 130, 0.02, 10, 15),
            Make.Micro("Suite.Noisy", rng, 110, 0.01, 1, 30),
            Make.Micro("Suite.New", rng, 100, 0.02, 3, 15));
        var config = PerfGateConfig.Default.WithThresholds([AfirGen.PerfGate.Thresholds.Threshold.Parse("mean<1s", "test")]);
        return Compare(baseline, current, config);
    }

    [Fact]
    public void AFolderStatesExactlyWhatTheRunDecided()
    {
        using var dir = new TempDirectory();
        var decided = Decided();
        ReportFolder.Write(dir.Path, decided);

        Assert.True(ComparisonReader.HoldsVerdict(dir.Path));
        var read = ComparisonReader.Read(dir.Path);

        Assert.Equal(decided.Gate, read.Gate);
        Assert.Equal(decided.ExitCode, read.ExitCode);
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            Assert.Equal(ReportRenderer.Render(decided, format), ReportRenderer.Render(read, format));
        }

        Assert.Equal(File.ReadAllText(System.IO.Path.Combine(dir.Path, "comparison.json")), ReportRenderer.Render(read, ReportFormat.Json));
        Assert.True(File.Exists(System.IO.Path.Combine(dir.Path, "baseline.json")));
    }

    [Fact]
    public void TheDecidedFolderHoldsEveryVerdictKindAndTheThresholdsUsed()
    {
        var decided = Decided();
        Assert.Equal(Verdict.Regressed, decided.Benchmarks.Single(b => b.Id == "Suite.Slow").Verdict);
        Assert.Equal(Verdict.Inconclusive, decided.Benchmarks.Single(b => b.Id == "Suite.Noisy").Verdict);
        Assert.Equal(Verdict.Missing, decided.Benchmarks.Single(b => b.Id == "Suite.Gone").Verdict);
        Assert.Equal(Verdict.New, decided.Benchmarks.Single(b => b.Id == "Suite.New").Verdict);
        Assert.Equal(["built-in", "--threshold"], decided.Thresholds.Select(t => t.Source));
        Assert.Equal(GateOutcome.Failed, decided.Gate);
    }

    [Fact]
    public void AHandEditedPassOverARegressionIsRefused()
    {
        using var dir = new TempDirectory();
        ReportFolder.Write(dir.Path, Decided());
        var file = System.IO.Path.Combine(dir.Path, "comparison.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"gate\": \"failed\"", "\"gate\": \"passed\"", StringComparison.Ordinal));

        var e = Assert.Throws<InputException>(() => ComparisonReader.Read(dir.Path));
        Assert.Equal("$.gate", e.Field);
    }

    [Theory]
    [InlineData("../results.json")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    public void AStoredFileNameCannotReachOutsideTheFolder(string name)
    {
        using var dir = new TempDirectory();
        ReportFolder.Write(dir.Path, Decided());
        var file = System.IO.Path.Combine(dir.Path, "comparison.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"results\": \"results.json\"", $"\"results\": \"{name}\"", StringComparison.Ordinal));

        var e = Assert.Throws<InputException>(() => ComparisonReader.Read(dir.Path));
        Assert.Equal("$.files.results", e.Field);
    }

    [Fact]
    public void FailOnInconclusiveTurnsAnUndecidedResultIntoAFailure()
    {
        var rng = new Random(4);
        var b = Make.Set(Make.Micro("A", rng, 100, 0.01, 1, 30));
        var c = Make.Set(Make.Micro("A", rng, 110, 0.01, 1, 30));
        var lenient = Compare(b, c);
        var strict = Compare(b, c, PerfGateConfig.Default with { Comparison = new ComparisonSettings { FailOnInconclusive = true } });

        Assert.Equal(GateOutcome.PassedWithWarnings, lenient.Gate);
        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal(GateOutcome.Failed, strict.Gate);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("Fails the gate: 1 inconclusive\n", ReportRenderer.Render(strict, ReportFormat.Text));
        Assert.Contains("Warnings: 1 inconclusive\n", ReportRenderer.Render(lenient, ReportFormat.Text));
    }

    [Fact]
    public void AnInconclusiveResultSaysWhatWouldDecideIt()
    {
        var rng = new Random(4);
        var s = Compare(Make.Set(Make.Micro("A", rng, 100, 0.01, 1, 30)), Make.Set(Make.Micro("A", rng, 110, 0.01, 1, 30)));
        var time = Assert.Single(s.Benchmarks).Time!;
        Assert.Equal(Verdict.Inconclusive, time.Verdict);
        // One launch a side with assumed, heavy-tailed launch noise: more of the same is no sensible advice, the A/B run is.
        Assert.Contains("perfgate ab", time.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void TheValuesBesideAChangeAreTheOnesItWasComputedFrom()
    {
        var rng = new Random(11);
        var s = Compare(Make.Set(Make.Micro("A", rng, 100, 0.02, 10, 15)), Make.Set(Make.Micro("A", rng, 125, 0.02, 10, 15)));
        var time = Assert.Single(s.Benchmarks).Time!;
        Assert.Equal(EvidenceUnit.Launch, time.Unit);
        // base -> current agrees with the percentage exactly, and the base is the median launch of the baseline.
        Assert.Equal(time.Ratio!.Value, time.Current!.Value / time.Baseline!.Value, 1e-12);
        Assert.InRange(time.Baseline!.Value, 95, 105);
    }

    [Fact]
    public void ASuiteThatRegressedEverywhereHasAGeometricMeanIntervalAboveZero()
    {
        // Three clear regressions of very different sizes: the spread between them is not uncertainty about the suite.
        var rng = new Random(5);
        var b = Make.Set(Make.Micro("A", rng, 100, 0.02, 10, 15), Make.Micro("B", rng, 100, 0.02, 10, 15), Make.Micro("C", rng, 100, 0.02, 10, 15));
        var c = Make.Set(Make.Micro("A", rng, 110, 0.02, 10, 15), Make.Micro("B", rng, 150, 0.02, 10, 15), Make.Micro("C", rng, 300, 0.02, 10, 15));
        var s = Compare(b, c);

        Assert.All(s.Benchmarks, x => Assert.Equal(Verdict.Regressed, x.Verdict));
        var g = s.GeometricMean!;
        Assert.True(g.CiLower > 1.1, $"lower bound {g.CiLower}");
        Assert.InRange(g.Ratio, g.CiLower!.Value, g.CiUpper!.Value);
    }

    [Fact]
    public void LevelsReadInNaturalOrder()
    {
        var ids = new[] { "api/x@c15", "api/x@c1", "api/x@c10", "api/x@c5", "api/x@c05" };
        Assert.Equal(["api/x@c1", "api/x@c05", "api/x@c5", "api/x@c10", "api/x@c15"], ids.Order(IdOrder.Instance));
    }

    [Fact]
    public void EveryFormatStatesTheSameGateAndCounts()
    {
        var s = Decided();
        var line = GateText.Line(s);
        Assert.StartsWith("failed · 5 benchmarks · fails the gate: 1 regressed · warnings: 1 inconclusive, 1 missing", line);
        Assert.Contains("Gate: failed\nFails the gate: 1 regressed\nWarnings: 1 inconclusive, 1 missing\n", ReportRenderer.Render(s, ReportFormat.Text));
        Assert.Contains("**5 benchmarks** · fails the gate: 1 regressed · warnings: 1 inconclusive, 1 missing", ReportRenderer.Render(s, ReportFormat.Markdown));
        Assert.Contains("5 benchmarks · fails the gate: 1 regressed · warnings: 1 inconclusive, 1 missing", ReportRenderer.Render(s, ReportFormat.Html));
        using var json = System.Text.Json.JsonDocument.Parse(ReportRenderer.Render(s, ReportFormat.Json));
        Assert.Equal(line, json.RootElement.GetProperty("summary").GetString());
        Assert.Equal("failed", json.RootElement.GetProperty("gate").GetString());
    }
}
