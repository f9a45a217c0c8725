using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Tests.Comparison;

public sealed class SuiteComparerTests
{
    private static SuiteComparison Compare(ResultSet? b, ResultSet c, PerfGateConfig? config = null) =>
        SuiteComparer.Compare(b, c, config ?? PerfGateConfig.Default, DateTimeOffset.UnixEpoch);

    [Fact]
    public void IdenticalSamplesAreUnchanged()
    {
        var r = Make.Micro("A", new Random(1), 100, 0.02, 10, 15);
        var s = Compare(Make.Set(r), Make.Set(r));
        var a = Assert.Single(s.Benchmarks);
        Assert.Equal(Verdict.Unchanged, a.Verdict);
        Assert.Equal(1.0, a.Time!.Ratio!.Value, 1e-12);
        Assert.True(s.Passed);
    }

    [Theory]
    [InlineData(3.0, true)] // the main job's baseline against this stop's machine: the same CPU name, three times the speed
    [InlineData(1 / 3.0, true)]
    [InlineData(1.2, false)]
    [InlineData(0.85, false)]
    public void AMachineMuchFasterOrSlowerThanTheBaselinesIsNotComparedOnTime(double kernelRatio, bool differs)
    {
        var rng = new Random(5);
        // Everything three times faster here, as a faster machine makes it; one allocation really grew.
        var b = Make.Set(Make.Micro("A", rng, 300, 0.01, 5, 15, allocated: 100), Make.Micro("B", rng, 900, 0.01, 5, 15, allocated: 64), Make.Api("api/get@c1", 3e6))
            with { ReferenceNanoseconds = 1e6 * kernelRatio };
        var c = Make.Set(Make.Micro("A", rng, 100, 0.01, 5, 15, allocated: 100), Make.Micro("B", rng, 300, 0.01, 5, 15, allocated: 128), Make.Api("api/get@c1", 1e6))
            with { ReferenceNanoseconds = 1e6 };

        var s = Compare(b, c);

        var warning = s.Warnings.SingleOrDefault(w => w.Kind == WarningKind.MachineSpeedDiffers);
        Assert.Equal(differs, warning is not null);
        var times = s.Benchmarks.SelectMany(x => x.Metrics).Where(m => m.Metric != ComparedMetric.Allocated).ToList();
        Assert.NotEmpty(times);
        if (differs)
        {
            Assert.Contains(kernelRatio > 1 ? "3.0× faster" : "3.0× slower", warning!.Text, StringComparison.Ordinal);
            Assert.All(times, m => Assert.True(m.Verdict == Verdict.Inconclusive && m.Ratio is null, $"{m.Metric}: {m.Verdict} {m.Ratio}"));
            Assert.All(times, m => Assert.Contains("reference kernel", m.Note, StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(times, m => m.Verdict == Verdict.Improved);
        }

        // Allocated bytes do not depend on the machine: the doubling fails the gate either way.
        Assert.Equal(Verdict.Regressed, s.Benchmarks.Single(x => x.Id == "B").Metrics.Single(m => m.Metric == ComparedMetric.Allocated).Verdict);
        Assert.False(s.Passed);
    }

    [Fact]
    public void WithoutTheKernelOnBothSidesTimesAreComparedAsBefore()
    {
        var rng = new Random(6);
        var b = Make.Set(Make.Micro("A", rng, 300, 0.01, 5, 15));
        var c = Make.Set(Make.Micro("A", rng, 100, 0.01, 5, 15)) with { ReferenceNanoseconds = 1e6 };

        var s = Compare(b, c);

        Assert.DoesNotContain(s.Warnings, w => w.Kind == WarningKind.MachineSpeedDiffers);
        Assert.Equal(Verdict.Improved, Assert.Single(s.Benchmarks).Time!.Verdict);
    }

    [Fact]
    public void TheReferenceKernelGivesAPositiveTime()
    {
        var ns = MachineSpeed.Measure();

        Assert.True(ns > 0 && double.IsFinite(ns), ns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2.0, MachineSpeed.Ratio(1e6, 2e6));
        Assert.Null(MachineSpeed.Ratio(null, 2e6));
    }

    [Theory]
    [InlineData(3.74, 4.18, Verdict.Unchanged)] // +12%, 0.44 ns: Serilog's LevelSwitchOff when only code placement moved
    [InlineData(4.18, 3.74, Verdict.Unchanged)]
    [InlineData(3.74, 4.40, Verdict.Regressed)] // 0.66 ns: past the floor
    [InlineData(37.4, 41.8, Verdict.Regressed)] // the same +12% of a 37 ns benchmark
    public void AShiftOfLessThanHalfANanosecondIsNotARegressionWhateverItsPercentage(double from, double to, Verdict expected)
    {
        var rng = new Random(3);
        var b = Make.Micro("A", rng, from, 0.01, 10, 15);
        var c = Make.Micro("A", rng, to, 0.01, 10, 15);

        var t = Assert.Single(Compare(Make.Set(b), Make.Set(c)).Benchmarks).Time!;

        Assert.Equal(expected, t.Verdict);
        // Measured as a change all the same: the interval excludes no change, the note says why it does not count.
        Assert.True(t.CiLower > 1 || t.CiUpper < 1, $"[{t.CiLower}, {t.CiUpper}]");
        Assert.Equal(expected == Verdict.Unchanged, t.Note?.Contains("within what code placement moves", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void ClearSlowdownAcrossLaunchesIsRegressedWithAnIntervalAroundIt()
    {
        var rng = new Random(2);
        var b = Make.Micro("A", rng, 100, 0.02, 10, 15, launchDrift: 0.01);
        var c = Make.Micro("A", rng, 120, 0.02, 10, 15, launchDrift: 0.01);
        var s = Compare(Make.Set(b), Make.Set(c));
        var t = Assert.Single(s.Benchmarks).Time!;
        Assert.Equal(Verdict.Regressed, t.Verdict);
        Assert.InRange(t.Ratio!.Value, 1.15, 1.25);
        Assert.True(t.CiLower < t.Ratio && t.Ratio < t.CiUpper);
        Assert.True(t.CiLower > 1.05);
        Assert.Equal(10, t.BaselineN);
        Assert.False(s.Passed);
    }

    [Fact]
    public void SwappingSidesTurnsRegressionIntoImprovement()
    {
        var rng = new Random(3);
        var b = Make.Micro("A", rng, 100, 0.02, 10, 15);
        var c = Make.Micro("A", rng, 120, 0.02, 10, 15);
        Assert.Equal(Verdict.Improved, Assert.Single(Compare(Make.Set(c), Make.Set(b)).Benchmarks).Verdict);
    }

    [Fact]
    public void OneLaunchASideWithAssumedNoiseIsInconclusiveNotRegressed()
    {
        // Tight iterations make a 10% difference look certain if iterations were independent;
        // with one launch a side, launch-to-launch drift could explain it.
        var rng = new Random(4);
        var b = Make.Micro("A", rng, 100, 0.01, 1, 30);
        var c = Make.Micro("A", rng, 110, 0.01, 1, 30);
        var s = Compare(Make.Set(b), Make.Set(c));
        Assert.Equal(Verdict.Inconclusive, Assert.Single(s.Benchmarks).Verdict);
        Assert.Contains(s.Warnings, w => w.Kind == WarningKind.NoiseAssumed && w.Text.Contains("assumed", StringComparison.Ordinal));
    }

    [Fact]
    public void OneLaunchASideStillCatchesAGrossRegression()
    {
        var rng = new Random(5);
        var b = Make.Micro("A", rng, 100, 0.01, 1, 30);
        var c = Make.Micro("A", rng, 200, 0.01, 1, 30);
        Assert.Equal(Verdict.Regressed, Assert.Single(Compare(Make.Set(b), Make.Set(c)).Benchmarks).Verdict);
    }

    [Fact]
    public void StoredLaunchNoiseSharpensASingleLaunchComparison()
    {
        var rng = new Random(6);
        var b = Make.Micro("A", rng, 100, 0.01, 1, 30) with { LaunchNoise = 0.005 };
        var c = Make.Micro("A", rng, 110, 0.01, 1, 30);
        Assert.Equal(Verdict.Regressed, Assert.Single(Compare(Make.Set(b), Make.Set(c)).Benchmarks).Verdict);
    }

    [Fact]
    public void ChangeBelowTheThresholdIsUnchangedEvenWhenSignificant()
    {
        var rng = new Random(7);
        var b = Make.Micro("A", rng, 100, 0.005, 20, 15, launchDrift: 0.002);
        var c = Make.Micro("A", rng, 103, 0.005, 20, 15, launchDrift: 0.002);
        var t = Assert.Single(Compare(Make.Set(b), Make.Set(c)).Benchmarks).Time!;
        Assert.Equal(Verdict.Unchanged, t.Verdict);
        Assert.True(t.CiLower > 1, "the shift is real, only small");
    }

    [Fact]
    public void RegressionThresholdOverrideByGlobApplies()
    {
        var rng = new Random(8);
        var b = Make.Micro("Suite.Parse", rng, 100, 0.005, 20, 15);
        var c = Make.Micro("Suite.Parse", rng, 108, 0.005, 20, 15);
        var loose = PerfGateConfig.Default with { Overrides = [new ThresholdOverride("*.Parse", [Threshold.Parse("regression<10%", "t")])] };
        Assert.Equal(Verdict.Regressed, Assert.Single(Compare(Make.Set(b), Make.Set(c)).Benchmarks).Verdict);
        Assert.Equal(Verdict.Unchanged, Assert.Single(Compare(Make.Set(b), Make.Set(c), loose).Benchmarks).Verdict);
    }

    [Fact]
    public void AnyAllocationIncreaseRegressesWhateverTheTime()
    {
        var r = Make.Micro("A", new Random(9), 100, 0.02, 10, 15, allocated: 48);
        var more = r with { Memory = new MemoryInfo(56, 0.1, 0, 0) };
        var b = Assert.Single(Compare(Make.Set(r), Make.Set(more)).Benchmarks);
        Assert.Equal(Verdict.Regressed, b.Verdict);
        var alloc = Assert.Single(b.Metrics, m => m.Metric == ComparedMetric.Allocated);
        Assert.Equal(56.0 / 48, alloc.Ratio!.Value, 1e-12);
    }

    [Fact]
    public void NewMissingAndFailedAreReported()
    {
        var rng = new Random(10);
        var kept = Make.Micro("Kept", rng, 100, 0.02, 3, 10);
        var gone = Make.Micro("Gone", rng, 100, 0.02, 3, 10);
        var added = Make.Micro("Added", rng, 100, 0.02, 3, 10);
        var broken = new BenchmarkResult { Id = "Kept", Status = BenchmarkStatus.Failed, Error = "boom" };
        var s = Compare(Make.Set(kept, gone), Make.Set(broken, added));
        Assert.Equal(Verdict.Failed, s.Benchmarks.Single(b => b.Id == "Kept").Verdict);
        Assert.Equal("boom", s.Benchmarks.Single(b => b.Id == "Kept").Error);
        Assert.Equal(Verdict.Missing, s.Benchmarks.Single(b => b.Id == "Gone").Verdict);
        Assert.Equal(Verdict.New, s.Benchmarks.Single(b => b.Id == "Added").Verdict);
        Assert.False(s.Passed);
    }

    [Fact]
    public void SlaIsCheckedWithoutABaseline()
    {
        var r = Make.Micro("A", new Random(11), 2e6, 0.02, 1, 20);
        var config = PerfGateConfig.Default.WithThresholds([Threshold.Parse("p95<1ms", "cli")]);
        var s = Compare(null, Make.Set(r), config);
        var b = Assert.Single(s.Benchmarks);
        Assert.Equal(Verdict.SlaViolated, b.Verdict);
        var check = Assert.Single(b.Checks);
        Assert.False(check.Passed);
        Assert.InRange(check.Actual, 1.9e6, 2.3e6);
    }

    [Fact]
    public void ScenarioThresholdsUseTheLatencySummary()
    {
        var r = new BenchmarkResult
        {
            Id = "api/get_fir@c10",
            Category = Category.Api,
            Latency = new LatencySummary { Count = 1000, Min = 1e6, Max = 90e6, Mean = 20e6, StdDev = 5e6, P50 = 18e6, P90 = 30e6, P95 = 40e6, P99 = 80e6, P999 = 89e6 },
            Scenario = new ScenarioInfo { Concurrency = 10, Throughput = 45, Requests = 1000, Errors = new Dictionary<string, long> { ["timeout"] = 20 } },
        };
        var config = PerfGateConfig.Default.WithThresholds(
            [Threshold.Parse("p95<100ms", "t"), Threshold.Parse("throughput>=50/s", "t"), Threshold.Parse("errors<1%", "t"), Threshold.Parse("allocated<=1KB", "t")]);
        var b = Assert.Single(Compare(null, Make.Set(r), config).Benchmarks);
        Assert.Equal(Verdict.SlaViolated, b.Verdict);
        Assert.Equal(3, b.Checks.Count); // allocated does not apply to a scenario
        Assert.True(b.Checks.Single(c => c.Threshold.Metric == ThresholdMetric.P95).Passed);
        Assert.False(b.Checks.Single(c => c.Threshold.Metric == ThresholdMetric.Throughput).Passed);
        Assert.Equal(0.02, b.Checks.Single(c => c.Threshold.Metric == ThresholdMetric.Errors).Actual, 1e-12);
    }

    [Fact]
    public void DifferentFingerprintsAreComparedWithAVisibleWarning()
    {
        var r = Make.Micro("A", new Random(12), 100, 0.02, 10, 10);
        var b = Make.Set(r) with { Environment = new EnvironmentFingerprint { Cpu = "Xeon", Cores = 2 } };
        var c = Make.Set(r) with { Environment = new EnvironmentFingerprint { Cpu = "EPYC", Cores = 2 } };
        var s = Compare(b, c);
        Assert.Contains(s.Warnings, w => w.Kind == WarningKind.EnvironmentDiffers && w.Subject == "cpu" && w.Text.Contains("Xeon", StringComparison.Ordinal));
        Assert.Equal(Verdict.Unchanged, Assert.Single(s.Benchmarks).Verdict);
    }

    [Fact]
    public void GeometricMeanSummarisesTheSuite()
    {
        var rng = new Random(13);
        var bs = Enumerable.Range(0, 5).Select(i => Make.Micro($"B{i}", rng, 100, 0.005, 10, 10, launchDrift: 0.002)).ToArray();
        var cs = bs.Select(b => b with { Launches = b.Launches.Select(l => new Launch(l.Samples.Select(v => v * 1.1).ToArray())).ToArray() }).ToArray();
        var g = Compare(Make.Set(bs), Make.Set(cs)).GeometricMean!;
        Assert.Equal(5, g.Count);
        Assert.Equal(1.1, g.Ratio, 1e-9);
    }

    [Fact]
    public void PValuesAreAdjustedForTheNumberOfComparisons()
    {
        var rng = new Random(14);
        var one = Make.Micro("A", rng, 100, 0.02, 8, 10, launchDrift: 0.03);
        var two = Make.Micro("A", rng, 104, 0.02, 8, 10, launchDrift: 0.03);
        var single = Assert.Single(Compare(Make.Set(one), Make.Set(two)).Benchmarks).Time!.PValue!.Value;
        var others = Enumerable.Range(0, 9).Select(i => Make.Micro($"X{i}", rng, 100, 0.02, 8, 10)).ToArray();
        var inSuite = Compare(Make.Set([one, .. others]), Make.Set([two, .. others])).Benchmarks.Single(b => b.Id == "A").Time!.PValue!.Value;
        Assert.Equal(Math.Min(1, single * 10), inSuite, 1e-9);
    }

    private static BenchmarkResult Rounds(string id, Random rng, double[] roundDrift, double factor) => new()
    {
        Id = id,
        Launches = roundDrift.Select((drift, r) => new Launch(
            Enumerable.Range(0, 10).Select(_ => 100 * drift * factor * (1 + (0.005 * Make.Gaussian(rng)))).ToArray(), r + 1)).ToArray(),
    };

    [Fact]
    public void AbRoundsArePairedSoMachineDriftCancels()
    {
        // The machine slows by up to 30% from round to round, the same for base and head within a round.
        var rng = new Random(15);
        var drift = Enumerable.Range(0, 8).Select(_ => 1 + (0.3 * rng.NextDouble())).ToArray();
        var b = Rounds("A", rng, drift, 1.0);
        var c = Rounds("A", rng, drift, 1.08);
        var t = Assert.Single(Compare(Make.Set(b), Make.Set(c)).Benchmarks).Time!;
        Assert.Equal(Verdict.Regressed, t.Verdict);
        Assert.Contains("paired", t.Note, StringComparison.Ordinal);
        Assert.InRange(t.Ratio!.Value, 1.06, 1.10);

        // Without the pairing the same drift hides the change.
        var unpaired = Compare(
            Make.Set(b with { Launches = b.Launches.Select(l => l with { Round = null }).ToArray() }),
            Make.Set(c with { Launches = c.Launches.Select(l => l with { Round = null }).ToArray() }));
        Assert.NotEqual(Verdict.Regressed, Assert.Single(unpaired.Benchmarks).Verdict);
    }

    [Fact]
    public void IdenticalAbRoundsAreUnchanged()
    {
        var rng = new Random(16);
        var drift = Enumerable.Range(0, 6).Select(_ => 1 + (0.2 * rng.NextDouble())).ToArray();
        var b = Rounds("A", rng, drift, 1.0);
        var c = Rounds("A", rng, drift, 1.0);
        Assert.Equal(Verdict.Unchanged, Assert.Single(Compare(Make.Set(b), Make.Set(c)).Benchmarks).Verdict);
    }
}
