using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.MSBuild;

namespace AfirGen.PerfGate.Packaging.Tests;

public sealed class GateDiagnosticsTests
{
    private const string ResultsFile = "/r/current.json";
    private const string BaselineFile = "/r/baseline.json";

    [Fact]
    public void ARegressionIsAnErrorWithTheChangeItsIntervalAndPValue()
    {
        var d = Assert.Single(Diagnose([Micro("A.B.Parse", 100, 1)], [Micro("A.B.Parse", 120, 2)]));

        Assert.Equal((DiagnosticCodes.Regression, true, ResultsFile), (d.Code, d.IsError, d.File));
        Assert.Matches(@"^A\.B\.Parse regressed \+20\.\d% \[\+1\d\.\d%, \+2\d\.\d%\] \(p[<=]0\.\d+\)$", d.Message);
    }

    [Fact]
    public void WithoutFailOnRegressionEveryGateFailureIsAWarning()
    {
        var failed = new BenchmarkResult { Id = "A.B.Crash", Status = BenchmarkStatus.Failed, Error = "boom\n   at Foo()" };
        var all = Diagnose([Micro("A.B.Parse", 100, 1), Micro("A.B.Crash", 100, 3)], [Micro("A.B.Parse", 120, 2), failed], failOnRegression: false);

        Assert.Equal([DiagnosticCodes.Regression, DiagnosticCodes.BenchmarkFailed], all.Select(d => d.Code).Order());
        Assert.All(all, d => Assert.False(d.IsError));
        Assert.Equal("A.B.Crash failed: boom at Foo()", all.Single(d => d.Code == DiagnosticCodes.BenchmarkFailed).Message);
    }

    [Fact]
    public void AnAllocationRegressionShowsBothValues()
    {
        var d = Assert.Single(Diagnose([Micro("A.B.Parse", 100, 1, allocated: 64)], [Micro("A.B.Parse", 100, 2, allocated: 96)]));

        Assert.Equal("A.B.Parse allocated regressed +50.0% (64B -> 96B)", d.Message);
    }

    [Fact]
    public void AMissingBenchmarkAndADifferentMachineAreWarningsOnTheBaseline()
    {
        var baseline = Set([Micro("A.B.Parse", 100, 1), Micro("A.B.Gone", 100, 3)]) with { Environment = new EnvironmentFingerprint { Cpu = "EPYC" } };
        var current = Set([Micro("A.B.Parse", 100, 2)]) with { Environment = new EnvironmentFingerprint { Cpu = "Xeon" } };

        var all = GateDiagnostics.For(SuiteComparer.Compare(baseline, current, PerfGateConfig.Default), ResultsFile, BaselineFile, true, null);

        Assert.Equal([DiagnosticCodes.EnvironmentDiffers, DiagnosticCodes.MissingBenchmark], all.Select(d => d.Code).Order());
        Assert.All(all, d => Assert.Equal((false, BaselineFile), (d.IsError, d.File)));
        Assert.Contains("cpu is 'EPYC' in the baseline and 'Xeon' now", all.Single(d => d.Code == DiagnosticCodes.EnvironmentDiffers).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryCountsVerdictsAndSaysWhetherTheGatePassed()
    {
        var comparison = SuiteComparer.Compare(Set([Micro("A.B.Parse", 100, 1), Micro("A.B.Same", 50, 3)]), Set([Micro("A.B.Parse", 120, 2), Micro("A.B.Same", 50, 4)]), PerfGateConfig.Default);

        // The words and counts of every other output, then what it was compared with.
        Assert.Equal("failed · 2 benchmarks · fails the gate: 1 regressed · 1 unchanged · against the baseline", GateDiagnostics.Summary(comparison));
    }

    private static IReadOnlyList<GateDiagnostic> Diagnose(BenchmarkResult[] baseline, BenchmarkResult[] current, bool failOnRegression = true) =>
        GateDiagnostics.For(SuiteComparer.Compare(Set(baseline), Set(current), PerfGateConfig.Default), ResultsFile, BaselineFile, failOnRegression, null);

    private static ResultSet Set(BenchmarkResult[] benchmarks) => new() { Benchmarks = benchmarks };

    private static BenchmarkResult Micro(string id, double center, int seed, long allocated = 64) => BenchProject.Micro(id, center, seed, allocated);
}
