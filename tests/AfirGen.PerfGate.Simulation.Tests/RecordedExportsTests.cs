using System.Globalization;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;
using Xunit.Abstractions;

namespace AfirGen.PerfGate.Simulation;

/// <summary>
/// BenchmarkDotNet exports recorded on this machine type by bench/bdn-noise.sh: runs of a four-benchmark suite
/// (one launch each, as a team's job runs it) with the ShortRun job and the default job, of unchanged code and of
/// the same code made 10% slower. Every pair is compared as the gate compares it: one export against another, a
/// baseline saved from three runs (`perfgate baseline save r1 r2 r3`) against a run it does not hold, and three runs
/// against three others.
/// </summary>
public sealed class RecordedExportsTests(ITestOutputHelper output)
{
    private const int BaselineRuns = 3;

    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "data", "bdn-noise");

    private static readonly string[] JobNames = ["short", "default"];

    public static TheoryData<string> Jobs => new(JobNames);

    [Fact]
    public void EveryJobWasRecordedAtLeastEightTimesOfEachBuild()
    {
        foreach (var job in JobNames)
        {
            Assert.True(Runs(job, "base").Count >= 8, $"{job}: {Runs(job, "base").Count} base runs");
            Assert.True(Runs(job, "slowed").Count >= 8, $"{job}: {Runs(job, "slowed").Count} slowed runs");
            Assert.All(Runs(job, "base").Concat(Runs(job, "slowed")), r => Assert.Equal(4, r.Benchmarks.Count));
        }
    }

    [Fact]
    public void UnchangedCodeIsAtMostOnceAFalseAlarmAcrossEveryPair()
    {
        var alarms = new List<string>();
        foreach (var job in JobNames)
        {
            foreach (var build in new[] { "base", "slowed" })
            {
                var runs = Runs(job, build);
                var single = Pairs(runs, runs, sameBuild: true).Select(p => Compare(p.Baseline, p.Current)).ToList();
                var saved = SavedPairs(runs, runs, sameBuild: true).Select(p => Compare(p.Baseline, p.Current)).ToList();
                var both = Enumerable.Range(0, runs.Count - (2 * BaselineRuns) + 1)
                    .Select(i => Compare(Saved(runs, i), Saved(runs, i + BaselineRuns))).ToList();
                Report($"{job,-7} {build,-6} A/A, one export a side", single, alarms, isAlarm: s => Decided(s));
                Report($"{job,-7} {build,-6} A/A, baseline of {BaselineRuns} runs", saved, alarms, isAlarm: s => Decided(s));
                Report($"{job,-7} {build,-6} A/A, {BaselineRuns} runs a side", both, alarms, isAlarm: s => Decided(s));
            }
        }

        Assert.True(alarms.Count <= 1, "false alarms:\n" + string.Join("\n", alarms));
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public void CodeMadeTenPercentSlowerIsNeverPassedAsFasterOrUnchanged(string job)
    {
        var (b, s) = (Runs(job, "base"), Runs(job, "slowed"));
        var single = Pairs(b, s, sameBuild: false).Select(p => Compare(p.Baseline, p.Current)).ToList();
        var saved = SavedPairs(b, s, sameBuild: false).Select(p => Compare(p.Baseline, p.Current)).ToList();
        var windows = Enumerable.Range(0, b.Count - BaselineRuns + 1).ToList();
        var both = (from i in windows from j in windows select Compare(Saved(b, i), Saved(s, j))).ToList();
        var ignored = new List<string>();
        Report($"{job,-7} +10%, one export a side: suites flagged", single, ignored, isAlarm: Regressed);
        Report($"{job,-7} +10%, baseline of {BaselineRuns} runs: suites flagged", saved, ignored, isAlarm: Regressed);
        Report($"{job,-7} +10%, {BaselineRuns} runs a side: suites flagged", both, ignored, isAlarm: Regressed);

        // On this machine a launch's floor moves 9–15% from run to run and one launch in eight is 40% off as a whole:
        // at the suite's alpha that leaves a 10% slowdown inconclusive here (docs/verdict.md), never faster or unchanged.
        Assert.DoesNotContain(single.Concat(saved).Concat(both).SelectMany(c => c.Benchmarks), x => x.Verdict is Verdict.Improved or Verdict.Unchanged);
    }

    // The runs from `start` on saved as one baseline, as `perfgate baseline save` saves them.
    private static ResultSet Saved(IReadOnlyList<ResultSet> runs, int start)
    {
        var settings = PerfGateConfig.Default.Comparison;
        return Baselines.WithLaunchNoise(
            Comparison.BaselineRuns.Combine([.. Enumerable.Range(start, BaselineRuns).Select(i => ($"run {i + 1}", runs[i]))], settings), settings);
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public void ALaunchsFloorMovesLessFromRunToRunThanItsMedian(string job)
    {
        // The root mean square over benchmarks and builds of the run-to-run standard deviation of each launch's value.
        double Spread(Func<double[], double> value) => Math.Sqrt(new[] { "base", "slowed" }
            .SelectMany(build => Runs(job, build)[0].Benchmarks.Select(b => Runs(job, build)
                .Select(r => Math.Log(value([.. r.Benchmarks.Single(x => x.Id == b.Id).Launches.Single().Samples.Order()]))).ToArray()))
            .Select(v => Descriptive.StdDev(v) * Descriptive.StdDev(v)).Average());

        var median = Spread(v => Descriptive.Quantile(v, 0.5));
        var floor = Spread(v => Descriptive.Quantile(v, LaunchNoise.FloorQuantile));
        var minimum = Spread(v => v[0]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{job}: run-to-run spread of a launch's median {median * 100:0.0}%, lower decile {floor * 100:0.0}%, minimum {minimum * 100:0.0}%"));
        Assert.True(floor < median, $"floor {floor} against median {median}");
    }

    private static bool Decided(SuiteComparison s) => s.Benchmarks.Any(b => b.Verdict is Verdict.Regressed or Verdict.Improved);

    private static bool Regressed(SuiteComparison s) => s.Benchmarks.Any(b => b.Verdict == Verdict.Regressed);

    private static SuiteComparison Compare(ResultSet baseline, ResultSet current) =>
        SuiteComparer.Compare(baseline, current, PerfGateConfig.Default, DateTimeOffset.UnixEpoch);

    // Every ordered pair of different runs: A/A pairs of one build once each way round, since the verdict must mirror.
    private static IEnumerable<(ResultSet Baseline, ResultSet Current)> Pairs(IReadOnlyList<ResultSet> baselines, IReadOnlyList<ResultSet> currents, bool sameBuild) =>
        from i in Enumerable.Range(0, baselines.Count)
        from j in Enumerable.Range(0, currents.Count)
        where !sameBuild || i < j
        select (baselines[i], currents[j]);

    // A baseline saved from three consecutive runs, against every run of the other kind, or of the same kind it does not hold.
    private static IEnumerable<(ResultSet Baseline, ResultSet Current)> SavedPairs(IReadOnlyList<ResultSet> baselines, IReadOnlyList<ResultSet> currents, bool sameBuild)
    {
        for (var start = 0; start + BaselineRuns <= baselines.Count; start++)
        {
            var held = Enumerable.Range(start, BaselineRuns).ToList();
            var baseline = Saved(baselines, start);
            foreach (var j in Enumerable.Range(0, currents.Count).Where(j => !sameBuild || !held.Contains(j)))
            {
                yield return (baseline, currents[j]);
            }
        }
    }

    private static readonly Dictionary<string, IReadOnlyList<ResultSet>> Loaded = [];

    private static IReadOnlyList<ResultSet> Runs(string job, string build)
    {
        lock (Loaded)
        {
            var key = job + "/" + build;
            if (!Loaded.TryGetValue(key, out var runs))
            {
                runs = Directory.GetFiles(Path.Combine(Data, job), build + "-*.json").Order(StringComparer.Ordinal)
                    .Select(BenchmarkDotNetReader.Read).ToList();
                Loaded[key] = runs;
            }

            return runs;
        }
    }

    private void Report(string what, List<SuiteComparison> suites, List<string> alarms, Func<SuiteComparison, bool> isAlarm)
    {
        var hit = suites.Where(isAlarm).ToList();
        var verdicts = suites.SelectMany(s => s.Benchmarks).GroupBy(b => b.Verdict).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {hit.Count}/{suites.Count} suites; benchmarks {string.Join(", ", verdicts)}"));
        alarms.AddRange(hit.Select(s => what + ": " + string.Join("; ", s.Benchmarks.Where(b => b.Verdict is Verdict.Regressed or Verdict.Improved)
            .Select(b => b.Metrics.Single(m => m.Metric == ComparedMetric.Time) is var t
                ? string.Create(CultureInfo.InvariantCulture, $"{b.Id} {b.Verdict} {t.Ratio:0.000} [{t.CiLower:0.000}, {t.CiUpper:0.000}]") : ""))));
    }
}
