using System.Globalization;
using System.Text.RegularExpressions;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Tests.Reports;

public sealed partial class LoadChartsTests
{
    [Fact]
    public void LevelsSortInNumericOrderNotTextOrder()
    {
        // In text order c10 and c15 come before c5.
        var html = LoadCharts.Section([Level("api/get_session_status", 10), Level("api/get_session_status", 1), Level("api/get_session_status", 15), Level("api/get_session_status", 5)], null);

        var latency = FirstSvg(html);
        Assert.Equal(["1", "5", "10", "15"], LevelTicks().Matches(latency).Select(m => m.Groups[1].Value));
        // p50 grows with the level, so drawn in level order its line only rises (SVG y falls).
        var ys = PolylineYs(latency, "p50 current");
        Assert.Equal(4, ys.Count);
        Assert.Equal(ys.OrderDescending(), ys);
    }

    [Fact]
    public void ArrivalRatesAreLevelsToo()
    {
        var html = LoadCharts.Section([Level("db/select_fir_by_id", 1000, open: true), Level("db/select_fir_by_id", 100, open: true), Level("db/select_fir_by_id", 500, open: true)], null);

        Assert.Equal(["100", "500", "1000"], LevelTicks().Matches(FirstSvg(html)).Select(m => m.Groups[1].Value));
        Assert.Contains("arrival rate (/s)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBaselineIsDrawnDashedWhenThereIsOne()
    {
        var current = new[] { Level("api/x", 1), Level("api/x", 10) };
        var baseline = new[] { Level("api/x", 1, 0.8), Level("api/x", 10, 0.8), Level("api/x", 20, 0.8) };

        var with = LoadCharts.Section(current, baseline);
        var without = LoadCharts.Section(current, null);

        Assert.Contains("<g class=\"p95 baseline\">", with, StringComparison.Ordinal);
        Assert.Contains("<g class=\"throughput baseline\">", with, StringComparison.Ordinal);
        // The baseline's extra level is on the axis; this run simply has no point there.
        Assert.Equal(3, PolylineYs(FirstSvg(with), "p95 baseline").Count);
        Assert.Equal(2, PolylineYs(FirstSvg(with), "p95 current").Count);
        Assert.DoesNotContain("baseline", without, StringComparison.Ordinal);
    }

    [Fact]
    public void EachScenarioGetsLatencyAndThroughputCharts()
    {
        var html = LoadCharts.Section([Level("api/a", 1), Level("api/a", 2), Level("cache/b", 1), Level("cache/b", 4)], null);

        Assert.StartsWith("<section id=\"load\">", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<figure"));
        Assert.Equal(4, Regex.Count(html, "<svg class=\"load\""));
        Assert.Equal(2, Regex.Count(html, "aria-label=\"Throughput of "));
    }

    [Fact]
    public void NothingWithoutAScenarioRunAtTwoLevels()
    {
        var micro = new BenchmarkResult { Id = "Bench.Parse", Launches = [new Launch([1, 2, 3])] };

        Assert.Equal("", LoadCharts.Section([micro], null));
        Assert.Equal("", LoadCharts.Section([Level("api/one", 10)], [Level("api/one", 10)]));
        Assert.Equal("", LoadCharts.Section([], null));
    }

    [Fact]
    public void AFailedLevelIsLeftOutNotDrawnAsZero()
    {
        var failed = Level("api/x", 5) with { Status = BenchmarkStatus.Failed, Error = "boom", Latency = null };

        var html = LoadCharts.Section([Level("api/x", 1), failed, Level("api/x", 10)], null);

        Assert.Equal(["1", "10"], LevelTicks().Matches(FirstSvg(html)).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void HostileScenarioNamesAreInertText()
    {
        var name = "api/<script>alert(1)</script>\u202E\"x";
        var html = LoadCharts.Section([Level(name, 1), Level(name, 2)], null);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;x", html, StringComparison.Ordinal);
    }

    [Fact]
    public void NumbersAreInvariantUnderAnyCulture()
    {
        using var scope = new CultureScope("de-DE");
        var html = LoadCharts.Section([Level("api/x", 1, 1.37), Level("api/x", 3, 1.37)], [Level("api/x", 1, 0.91), Level("api/x", 3, 0.91)]);

        Assert.DoesNotMatch(@"\b(x|y|x1|y1|x2|y2|cx|cy|r)=""-?\d+,\d", html);
        Assert.DoesNotMatch(@"\d,\d+(ms|/s)", html);
        // A decimal comma inside "x,y" would make three or four parts of a point.
        Assert.All(Regex.Matches(html, "points=\"([^\"]*)\"").SelectMany(m => m.Groups[1].Value.Split(' ')), p => Assert.Equal(2, p.Split(',').Length));
    }

    /// <summary>A closed-model level (or open, at a rate) whose p50 is <paramref name="level"/> ms times <paramref name="scale"/>.</summary>
    internal static BenchmarkResult Level(string scenario, double level, double scale = 1, bool open = false)
    {
        var p50 = level * 1e6 * scale;
        return new BenchmarkResult
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{scenario}@{(open ? "r" : "c")}{level}"),
            Category = scenario.StartsWith("db/", StringComparison.Ordinal) ? Category.Db : Category.Api,
            Latency = new LatencySummary { Count = 100, Min = p50 / 2, Max = p50 * 5, Mean = p50, StdDev = p50 / 3, P50 = p50, P90 = p50 * 1.5, P95 = p50 * 2, P99 = p50 * 3, P999 = p50 * 4 },
            Scenario = open
                ? new ScenarioInfo { Rate = level, Concurrency = 8, Throughput = level * 0.99, Requests = 100 }
                : new ScenarioInfo { Concurrency = (int)level, Throughput = 1000 / scale, Requests = 100 },
        };
    }

    private static string FirstSvg(string html)
    {
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        Assert.True(start >= 0, "no chart");
        return html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
    }

    private static List<double> PolylineYs(string svg, string series)
    {
        var m = Regex.Match(svg, "<g class=\"" + series + "\"><polyline points=\"([^\"]*)\"");
        Assert.True(m.Success, series + " has no line");
        return [.. m.Groups[1].Value.Split(' ').Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture))];
    }

    [GeneratedRegex(@"<text class=""tick"" x=""[0-9.]+"" y=""[0-9.]+"" text-anchor=""middle"">([0-9.]+)</text>")]
    private static partial Regex LevelTicks();
}
