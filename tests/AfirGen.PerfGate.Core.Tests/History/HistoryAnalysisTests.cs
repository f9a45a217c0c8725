using System.Text.RegularExpressions;
using AfirGen.PerfGate.History;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Tests.IO;
using AfirGen.PerfGate.Tests.Reports;
using static AfirGen.PerfGate.Tests.History.HistoryStoreTests;

namespace AfirGen.PerfGate.Tests.History;

public sealed class HistoryAnalysisTests
{
    // 40 nightly runs with 3% noise; Parse is 20% slower from run `slowAt` on, and allocates 32 more bytes from `allocAt` on.
    private static HistoryEntry[] Nightlies(int slowAt = 30, int allocAt = int.MaxValue, int machineAt = int.MaxValue)
    {
        var rng = new Random(11);
        return Enumerable.Range(0, 40).Select(i =>
        {
            var center = 1000 * (i >= slowAt ? 1.2 : 1) * Math.Exp(0.03 * ((rng.NextDouble() * 2) - 1));
            var run = Run(i, center, Commit(i), i >= machineAt ? "Intel Xeon" : "AMD EPYC", i >= allocAt ? 128 : 96);
            return HistoryEntries.Create(run, null, null, null);
        }).ToArray();
    }

    [Fact]
    public void ARegressionNamesTheCommitsAroundItAndFailsTheGateWhileRecent()
    {
        var analysis = HistoryAnalysis.Of(Nightlies(slowAt: 36), [], recent: 7);
        var change = Assert.Single(analysis.Changes);
        Assert.Equal(("Sample.Parse", HistoryMetric.Time, HistoryChangeKind.Regressed), (change.Benchmark, change.Metric, change.Kind));
        Assert.Equal(Commit(36), change.FirstBad.Commit);
        Assert.Equal(Commit(35), change.LastGood.Commit);
        Assert.InRange(change.Step.Ratio, 0.15, 0.25);
        Assert.Equal(4, change.RunsSince);
        Assert.Equal([change], analysis.Failing);
        var text = HistoryText.Render(analysis, "store");
        Assert.Contains("regressed        Sample.Parse time: +", text);
        Assert.Contains($"began at {Commit(36)[..12]} (2026-11-06) (last good {Commit(35)[..12]} (2026-11-05)), 4 runs ago", text);
        Assert.Contains("history gate failed: 1 regression began in the last 7 runs", text);
        // Older than the gate's window: still shown, no longer failing.
        Assert.Empty(HistoryAnalysis.Of(Nightlies(slowAt: 20), [], recent: 7).Failing);
        Assert.Single(HistoryAnalysis.Of(Nightlies(slowAt: 20), [], recent: 7).Changes);
    }

    [Fact]
    public void AStepThatComesWithANewMachineIsExplainedNotFailed()
    {
        var analysis = HistoryAnalysis.Of(Nightlies(slowAt: 34, machineAt: 34), [], recent: 7);
        var change = Assert.Single(analysis.Changes);
        Assert.Equal(HistoryChangeKind.MachineChanged, change.Kind);
        Assert.Contains("AMD EPYC", change.Note);
        Assert.Contains("Intel Xeon", change.Note);
        Assert.Empty(analysis.Failing);
    }

    [Fact]
    public void AnAcknowledgedChangeIsShownButDoesNotFail()
    {
        var ack = new Acknowledgement("Sample.Parse", HistoryMetric.Time, Commit(34)[..8], "slower parser, safer input");
        var analysis = HistoryAnalysis.Of(Nightlies(slowAt: 34), [ack], recent: 7);
        Assert.Equal(HistoryChangeKind.Acknowledged, Assert.Single(analysis.Changes).Kind);
        Assert.Empty(analysis.Failing);
        // Acknowledging another benchmark's change, or another metric, does not hide this one.
        Assert.Single(HistoryAnalysis.Of(Nightlies(slowAt: 34), [ack with { Metric = HistoryMetric.Allocated }], recent: 7).Failing);
    }

    [Fact]
    public void AllocationsChangeByBytesNotByNoise()
    {
        var analysis = HistoryAnalysis.Of(Nightlies(slowAt: int.MaxValue, allocAt: 33), [], recent: 10);
        var change = Assert.Single(analysis.Changes);
        Assert.Equal((HistoryMetric.Allocated, HistoryChangeKind.Regressed, 33), (change.Metric, change.Kind, change.Position));
        Assert.Equal((96, 128), ((int)Math.Round(change.Before), (int)Math.Round(change.After)));
        Assert.Equal(change.FirstBad, change.LatestBad);
    }

    [Fact]
    public void SeriesWithRecentChangesComeFirst()
    {
        var analysis = HistoryAnalysis.Of(Nightlies(slowAt: 36), [], recent: 7);
        Assert.Equal(("Sample.Parse", HistoryMetric.Time), (analysis.Series[0].Benchmark, analysis.Series[0].Metric));
    }

    [Fact]
    public void ThePageDrawsEveryTrendAndMarksTheChangeInChromium()
    {
        using var dir = new TempDirectory();
        var analysis = HistoryAnalysis.Of(Nightlies(slowAt: 35, machineAt: 12), [], recent: 7);
        var html = HistoryPage.Render(analysis, "git:perfgate-data", "https://github.com/afirgen/perfgate");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var path = Path.Combine(dir.Path, "index.html");
        File.WriteAllText(path, html);
        var dom = Chromium.Run(Path.Combine(dir.Path, "profile"), "--dump-dom", new Uri(path).AbsoluteUri);
        Assert.Equal(2, Regex.Count(dom, "<svg class=\"trend\""));
        Assert.Equal(80, Regex.Count(dom, "<circle class=\"(run|clipped)\""));
        Assert.Contains("<g class=\"cp k-regressed\">", dom);
        Assert.Contains("<g class=\"machine\">", dom);
        Assert.Contains($"href=\"https://github.com/afirgen/perfgate/commit/{Commit(35)}\"", dom);
        Assert.Contains("1 regression</strong> began in the last 7 runs", dom);
        var png = Path.Combine(dir.Path, "page.png");
        Chromium.Run(Path.Combine(dir.Path, "profile-shot"), "--screenshot=" + png, "--window-size=1000,1100", new Uri(path).AbsoluteUri);
        Assert.True(new FileInfo(png).Length > 10_000);
        if (System.Environment.GetEnvironmentVariable("PERFGATE_KEEP_SCREENSHOT") is { Length: > 0 } keep)
        {
            File.Copy(png, keep, overwrite: true);
        }
    }

    [Fact]
    public void IdsAndNotesAreEscapedOnThePage()
    {
        var entries = Nightlies().Select(e => e with { Points = e.Points.Select(p => p with { Benchmark = "<img src=x onerror=alert(1)>" }).ToArray() }).ToArray();
        var html = HistoryPage.Render(HistoryAnalysis.Of(entries, [], 7), "<b>store</b>", "https://example.com/\"><script>");
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>store", html);
        Assert.DoesNotContain("<script", html);
    }
}
