using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.History;
using AfirGen.PerfGate.Model;
using static AfirGen.PerfGate.Tests.History.HistoryStoreTests;

namespace AfirGen.PerfGate.Tests.History;

public sealed class HistoryTrendsTests
{
    private static ResultSet Suite(double center)
    {
        var rng = new Random((int)center);
        return new ResultSet
        {
            Benchmarks =
            [
                new BenchmarkResult
                {
                    Id = "Sample.Parse",
                    Launches = Enumerable.Range(0, 10).Select(_ => new Launch(Enumerable.Range(0, 10).Select(_ => center * (1 + (0.01 * rng.NextDouble()))).ToArray())).ToArray(),
                },
            ],
        };
    }

    [Fact]
    public void AChangedBenchmarkShowsItsRecentRunsAndLastChange()
    {
        var comparison = SuiteComparer.Compare(Suite(1000), Suite(1300), PerfGateConfig.Default, DateTimeOffset.UnixEpoch);
        Assert.Equal(Verdict.Regressed, Assert.Single(comparison.Benchmarks).Verdict);
        var entries = Enumerable.Range(0, 30).Select(i => HistoryEntries.Create(Run(i, i >= 22 ? 1200 : 1000, Commit(i)), null, null, null)).ToArray();
        var text = HistoryTrends.Markdown(comparison, HistoryAnalysis.Of(entries, [], 7));
        Assert.NotNull(text);
        Assert.Contains("| Sample.Parse time | regressed | `", text);
        Assert.Contains($"regressed +", text);
        Assert.Contains($"at `{Commit(22)[..12]}`, 8 runs ago |", text);
        // The sparkline's last runs sit at the top of its range, the first ones at the bottom.
        var spark = text.Split('`')[1];
        Assert.Equal(HistoryTrends.Runs, spark.Length);
        Assert.EndsWith("█", spark.TrimEnd('█') + "█");
        Assert.Contains("█", spark[^8..]);
        Assert.DoesNotContain("█", spark[..12]);
    }

    [Fact]
    public void UnchangedBenchmarksOrNoHistoryAddNothing()
    {
        var same = SuiteComparer.Compare(Suite(1000), Suite(1000), PerfGateConfig.Default, DateTimeOffset.UnixEpoch);
        var entries = Enumerable.Range(0, 10).Select(i => HistoryEntries.Create(Run(i, 1000, Commit(i)), null, null, null)).ToArray();
        Assert.Null(HistoryTrends.Markdown(same, HistoryAnalysis.Of(entries, [], 7)));
        var changed = SuiteComparer.Compare(Suite(1000), Suite(1300), PerfGateConfig.Default, DateTimeOffset.UnixEpoch);
        Assert.Null(HistoryTrends.Markdown(changed, HistoryAnalysis.Of([], [], 7)));
    }

    [Fact]
    public void ASparklineSpansItsRange()
    {
        Assert.Equal("▁▅█", HistoryTrends.Sparkline([1, 2, 3]));
        Assert.Equal("▄▄", HistoryTrends.Sparkline([5, 5]));
        Assert.Equal("", HistoryTrends.Sparkline([]));
    }
}
