using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Thresholds;
using CsCheck;

namespace AfirGen.PerfGate.Tests.Properties;

/// <summary>What the verdict must do whatever the data: nothing from nothing, mirror images when the sides swap, no dependence on the unit.</summary>
public sealed class ComparisonProperties
{
    /// <summary>Cases per property; the whole set of properties stays under a minute on a shared 2-core machine.</summary>
    internal const long Cases = 2_000;

    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static readonly Gen<ResultSet> OneSet =
        Gens.Ids(1, 6, wellFormed: false).SelectMany(ids => Gens.Sequence(ids.Select(Gens.Result).ToArray())).Select(Gens.Set);

    /// <summary>
    /// A result compared with itself: no metric moves (ratio exactly 1, the interval holds 1, p = 1), allocation is
    /// unchanged exactly, and the only other verdict allowed is inconclusive, and only when the evidence is too thin
    /// to rule out a change past the threshold (one launch a side with assumed noise, say).
    /// </summary>
    [Fact]
    public void ComparingResultsWithThemselvesFindsNoChange()
    {
        OneSet.Sample(set =>
        {
            var comparison = SuiteComparer.Compare(set, set, PerfGateConfig.Default, Now);
            var up = 1 + comparison.Settings.Threshold;

            // The built-in errors<1% checks one side, not a change: a scenario that failed more requests than that is
            // sla-violated against itself too, and nothing else may fail.
            bool ErrorsBroken(BenchmarkComparison b) => b.Checks.Any(c => !c.Passed) && b.Checks.Where(c => !c.Passed).All(c => c.Threshold.Metric == ThresholdMetric.Errors);
            Assert.All(comparison.Benchmarks.Where(b => comparison.FailsGate(b.Verdict)), b => Assert.True(ErrorsBroken(b), $"{b.Id}: {b.Verdict}"));
            Assert.Equal(set.Benchmarks.Count, comparison.Benchmarks.Count);
            foreach (var b in comparison.Benchmarks)
            {
                Assert.True(b.Verdict is Verdict.Unchanged or Verdict.Inconclusive || (b.Verdict == Verdict.SlaViolated && ErrorsBroken(b)), $"{b.Id}: {b.Verdict}");
                Assert.NotEmpty(b.Metrics);
                foreach (var m in b.Metrics)
                {
                    Assert.Equal(1.0, m.Ratio);
                    Assert.Equal(m.Baseline, m.Current);
                    if (m.Metric == ComparedMetric.Allocated)
                    {
                        Assert.Equal(Verdict.Unchanged, m.Verdict);
                        continue;
                    }

                    Assert.True(m.CiLower <= 1 && m.CiUpper >= 1, $"{m.Metric}: [{m.CiLower}, {m.CiUpper}]");
                    Assert.Equal(1.0, m.PValue);
                    Assert.True(
                        m.Verdict == Verdict.Unchanged || (m.Verdict == Verdict.Inconclusive && (m.CiUpper > up || m.CiLower < 1 / up)),
                        $"{m.Metric}: {m.Verdict} with [{m.CiLower}, {m.CiUpper}]");
                }
            }

            if (comparison.GeometricMean is { } g)
            {
                Assert.Equal(1.0, g.Ratio);
            }
        }, iter: Cases);
    }

    /// <summary>Baseline and current swapped: regressed and improved trade places, new and missing too, the ratio inverts and the interval mirrors.</summary>
    [Fact]
    public void SwappingBaselineAndCurrentSwapsEveryVerdict()
    {
        Gen.Select(Gens.Pair, Gen.Int[0, 2]).Sample((pair, allocation) =>
        {
            var (baseline, current) = pair;
            // Allocation is compared with a band too when its threshold is not zero.
            var config = PerfGateConfig.Default with { Comparison = PerfGateConfig.Default.Comparison with { AllocationThreshold = allocation * 0.05 } };
            var forward = SuiteComparer.Compare(baseline, current, config, Now).Benchmarks.ToDictionary(b => b.Id, StringComparer.Ordinal);
            var backward = SuiteComparer.Compare(current, baseline, config, Now).Benchmarks.ToDictionary(b => b.Id, StringComparer.Ordinal);

            Assert.Equal(forward.Keys.Order(StringComparer.Ordinal), backward.Keys.Order(StringComparer.Ordinal));
            foreach (var (id, f) in forward)
            {
                var r = backward[id];
                Assert.Equal(f.Metrics.Select(m => m.Metric), r.Metrics.Select(m => m.Metric));
                for (var i = 0; i < f.Metrics.Count; i++)
                {
                    var (a, b) = (f.Metrics[i], r.Metrics[i]);
                    Assert.True(Mirror(a.Verdict) == b.Verdict, $"{a.Metric}: {a.Verdict} one way, {b.Verdict} the other");
                    AssertInverse(a.Ratio, b.Ratio, a.Metric + " ratio");
                    AssertInverse(a.CiLower ?? 0, b.CiUpper, a.Metric + " lower bound");
                    AssertInverse(a.CiUpper, b.CiLower ?? 0, a.Metric + " upper bound");
                    AssertClose(a.PValue, b.PValue, a.Metric + " p-value");
                }

                // An SLA threshold (the built-in errors<1% among them) checks one side only: it has no mirror image.
                if (f.Checks.Any(c => !c.Passed) || r.Checks.Any(c => !c.Passed))
                {
                    continue;
                }

                var expected = f.Verdict switch
                {
                    Verdict.New => Verdict.Missing,
                    Verdict.Missing => Verdict.New,
                    _ when f.Metrics.Count == 0 => f.Verdict,
                    _ => f.Metrics.Max(m => Mirror(m.Verdict)),
                };
                Assert.Equal(expected, r.Verdict);
            }
        }, iter: Cases);
    }

    /// <summary>Every time 1,000 times larger (nanoseconds written as picoseconds, or the floor in microseconds): the same verdicts, the same ratios.</summary>
    [Fact]
    public void ChangingTheTimeUnitChangesNoVerdict()
    {
        Gens.Pair.Sample((baseline, current) =>
        {
            const double factor = 1000;
            var config = PerfGateConfig.Default;
            var scaledConfig = config with { Comparison = config.Comparison with { TimeFloorNanoseconds = config.Comparison.TimeFloorNanoseconds * factor } };
            var plain = SuiteComparer.Compare(baseline, current, config, Now);
            var scaled = SuiteComparer.Compare(Scale(baseline, factor), Scale(current, factor), scaledConfig, Now);

            AssertSameVerdicts(plain, scaled);
        }, iter: Cases);
    }

    /// <summary>The same, with the scaled results written to results@1 and read back, as a baseline kept in a file is.</summary>
    [Fact]
    public void ChangingTheTimeUnitChangesNoVerdictThroughResultsFiles()
    {
        Gens.Pair.Sample((baseline, current) =>
        {
            const double factor = 1000;
            var config = PerfGateConfig.Default;
            var scaledConfig = config with { Comparison = config.Comparison with { TimeFloorNanoseconds = config.Comparison.TimeFloorNanoseconds * factor } };
            var plain = SuiteComparer.Compare(baseline, current, config, Now);
            var b = ResultsJson.Parse(ResultsJson.Serialize(Scale(baseline, factor)), "baseline.json");
            var c = ResultsJson.Parse(ResultsJson.Serialize(Scale(current, factor)), "current.json");
            var scaled = SuiteComparer.Compare(b, c, scaledConfig, Now);

            AssertSameVerdicts(plain, scaled);
        }, iter: Cases / 4);
    }

    internal static void AssertSameVerdicts(SuiteComparison plain, SuiteComparison scaled)
    {
        Assert.Equal(plain.Benchmarks.Select(b => (b.Id, b.Verdict)), scaled.Benchmarks.Select(b => (b.Id, b.Verdict)));
        foreach (var (p, s) in plain.Benchmarks.Zip(scaled.Benchmarks))
        {
            Assert.Equal(p.Metrics.Select(m => (m.Metric, m.Verdict)), s.Metrics.Select(m => (m.Metric, m.Verdict)));
            foreach (var (a, b) in p.Metrics.Zip(s.Metrics))
            {
                AssertClose(a.Ratio, b.Ratio, a.Metric + " ratio");
                AssertClose(a.CiLower, b.CiLower, a.Metric + " lower bound");
                AssertClose(a.CiUpper, b.CiUpper, a.Metric + " upper bound");
                // A p-value near 1 sits on a flat tail: a shift estimate that moves in its last bits (logs of samples
                // 1,000 times larger round differently) moves it by parts in a million without changing any verdict.
                AssertClose(a.PValue, b.PValue, a.Metric + " p-value", 1e-5);
            }
        }
    }

    private static ResultSet Scale(ResultSet set, double factor) => set with
    {
        Benchmarks = set.Benchmarks.Select(r => r with
        {
            Launches = r.Launches.Select(l => l with { Samples = l.Samples.Select(s => s * factor).ToArray() }).ToArray(),
            Latency = r.Latency is { } lat ? Gens.ScaleLatency(lat, factor) : null,
        }).ToArray(),
    };

    private static Verdict Mirror(Verdict verdict) => verdict switch
    {
        Verdict.Regressed => Verdict.Improved,
        Verdict.Improved => Verdict.Regressed,
        Verdict.New => Verdict.Missing,
        Verdict.Missing => Verdict.New,
        _ => verdict,
    };

    // A missing ratio is an unbounded one (x / 0): its inverse is 0.
    private static void AssertInverse(double? a, double? b, string what)
    {
        var x = a ?? double.PositiveInfinity;
        var y = b ?? double.PositiveInfinity;
        if (double.IsPositiveInfinity(x) || double.IsPositiveInfinity(y) || x == 0 || y == 0)
        {
            Assert.True((double.IsPositiveInfinity(x) && y == 0) || (x == 0 && double.IsPositiveInfinity(y)), $"{what}: {a} and {b} are not inverses");
            return;
        }

        AssertClose(x, 1 / y, what);
    }

    private static void AssertClose(double? a, double? b, string what, double relative = 1e-9)
    {
        if (a is null || b is null)
        {
            Assert.True(a is null && b is null, $"{what}: {a} against {b}");
            return;
        }

        var (x, y) = (a.Value, b.Value);
        // Relative agreement, or both so small (a p-value of 1e-15 against 0) that the difference is rounding.
        Assert.True(x == y || Math.Abs(x - y) <= relative * Math.Max(Math.Abs(x), Math.Abs(y)) || Math.Abs(x - y) <= 1e-12, $"{what}: {x:R} against {y:R}");
    }
}
