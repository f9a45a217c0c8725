using System.Globalization;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Statistics;
using Xunit.Abstractions;

namespace AfirGen.PerfGate.Simulation;

/// <summary>
/// Seeded simulations of the verdict's promises: few false alarms on A/A suites, and a 10% slowdown caught.
/// Each suite has ten benchmarks; a false alarm is any benchmark of an A/A suite called regressed.
/// </summary>
public sealed class CalibrationTests(ITestOutputHelper output)
{
    private const int Trials = 1000;

    public static TheoryData<string> Shapes => new(Distributions.All.Select(d => d.Name));

    private static Func<Random, double> Draw(string name) => Distributions.All.Single(d => d.Name == name).Draw;

    [Theory]
    [MemberData(nameof(Shapes))]
    public void IndependentSamplesAAFalseAlarmsStayUnderOnePercent(string shape)
    {
        // 30 independent samples a side: each is its own launch (an A/B round), the unit of evidence.
        var rng = new Random(20261127);
        var alarms = Enumerable.Range(0, Trials).Count(_ => Suites.FalseAlarm(Suites.Run(rng, Draw(shape), 0, 30, 1, 0)));
        Report($"A/A, 30 independent samples a side, {shape}", alarms);
        Assert.True(alarms <= Trials / 100, $"{alarms} false alarms in {Trials} suites");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void IndependentSamplesTenPercentSlowdownIsCaught(string shape)
    {
        var rng = new Random(1127);
        var caught = Enumerable.Range(0, Trials).Count(_ => Suites.Caught(Suites.Run(rng, Draw(shape), 0.10, 30, 1, 0)));
        Report($"+10%, 30 independent samples a side, {shape}", caught);
        Assert.True(caught >= Trials * 95 / 100, $"caught {caught} of {Trials}");
    }

    [Fact]
    public void OneLaunchASideDoesNotCryWolfWhereNaivePoolingDoes()
    {
        // The trap of the design: one launch a side, 30 tight iterations each, and 5% drift between launches.
        // Pooling iterations as independent flags the drift; the launch noise model does not.
        var rng = new Random(42);
        int ours = 0, naive = 0;
        for (var t = 0; t < Trials; t++)
        {
            var s = Suites.Run(rng, Distributions.All[0].Draw, 0, 1, 30, 0.05);
            ours += Suites.FalseAlarm(s) ? 1 : 0;
            naive += NaiveFalseAlarm(s) ? 1 : 0;
        }

        Report("A/A, one launch a side, 5% launch drift (ours)", ours);
        Report("A/A, one launch a side, 5% launch drift (iterations pooled as independent)", naive);
        Assert.True(ours <= Trials / 100, $"{ours} false alarms");
        Assert.True(naive >= Trials / 5, $"the naive test should cry wolf here; it alarmed {naive} times");
    }

    [Fact]
    public void SeveralLaunchesWithDriftKeepFalseAlarmsLowAndCatchTenPercent()
    {
        var rng = new Random(7);
        var alarms = Enumerable.Range(0, Trials).Count(_ => Suites.FalseAlarm(Suites.Run(rng, Distributions.All[0].Draw, 0, 10, 15, 0.03)));
        var caught = Enumerable.Range(0, Trials).Count(_ => Suites.Caught(Suites.Run(rng, Distributions.All[0].Draw, 0.10, 10, 15, 0.03)));
        Report("A/A, 10 launches x 15 iterations, 3% launch drift", alarms);
        Report("+10%, 10 launches x 15 iterations, 3% launch drift", caught);
        Assert.True(alarms <= Trials / 100, $"{alarms} false alarms");
        Assert.True(caught >= Trials * 90 / 100, $"caught {caught}");
    }

    [Fact]
    public void OneLaunchASideNeverPassesATenPercentSlowdownAsUnchanged()
    {
        // With one launch a side the evidence cannot tell 10% from launch drift, so the honest answer is
        // "inconclusive" (a warning); what must never happen is a confident "unchanged".
        var rng = new Random(99);
        var verdicts = Enumerable.Range(0, Trials)
            .Select(_ => Suites.Run(rng, Distributions.All[0].Draw, 0.10, 1, 30, 0.05).Benchmarks.Single(b => b.Id == "B0").Verdict)
            .ToList();
        foreach (var v in Enum.GetValues<Verdict>().Where(v => verdicts.Contains(v)))
        {
            Report($"+10%, one launch a side, 5% launch drift: {v.ToName()}", verdicts.Count(x => x == v));
        }

        var passedAsUnchanged = verdicts.Count(v => v is Verdict.Unchanged or Verdict.Improved);
        Assert.True(passedAsUnchanged <= Trials / 20, $"{passedAsUnchanged} called unchanged or improved");
    }

    private static bool NaiveFalseAlarm(SuiteComparison s)
    {
        var alpha = s.Settings.Alpha / s.Benchmarks.Count;
        foreach (var b in s.Current.Benchmarks)
        {
            var x = s.Baseline!.Benchmarks.Single(r => r.Id == b.Id).AllSamples.Select(v => Math.Log(v)).ToArray();
            var y = b.AllSamples.Select(v => Math.Log(v)).ToArray();
            var shift = HodgesLehmann.Shift(x, y, 1 - alpha);
            if (shift.Lower > 0 && Math.Exp(shift.Estimate) > 1 + s.Settings.Threshold)
            {
                return true;
            }
        }

        return false;
    }

    private void Report(string what, int count) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {count}/{Trials} = {100.0 * count / Trials:F1}%"));
}
