using System.Globalization;
using System.Text.RegularExpressions;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Tests.Reports;

public sealed partial class SvgChartsTests
{
    [Fact]
    public void OneOutlierDoesNotCollapseTheOtherSamples()
    {
        var baseline = Spread(1000, 45);
        var current = Spread(1100, 45);
        current[7] = 250_000;

        var svg = SvgCharts.Distribution(baseline, current);

        var xs = CircleXs(svg);
        // Without the robust axis every sample but the outlier would sit within a few pixels of the left edge.
        Assert.True(xs.Max() - xs.Min() > 200, $"samples span only {xs.Max() - xs.Min()} px");
        Assert.True(xs.Distinct().Count() > 40, $"only {xs.Distinct().Count()} distinct columns");
        Assert.Contains(">1 above</text>", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"off-axis pile-above\"", svg, StringComparison.Ordinal);
        Assert.Contains("250.0μs", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void OutliersBelowArePiledAndCounted()
    {
        var baseline = Spread(1000, 45);
        baseline[0] = 1;
        baseline[1] = 2;

        var svg = SvgCharts.Distribution(baseline, Spread(1000, 45));

        Assert.Contains(">2 below</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(" above</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSidesFarApartBothStayWhole()
    {
        // A 10x slowdown is the news, not an outlier: neither side is piled at an edge.
        var svg = SvgCharts.Distribution(Spread(1000, 30), Spread(10_000, 31));

        Assert.DoesNotContain("off-axis", svg, StringComparison.Ordinal);
        Assert.Equal(61, CircleXs(svg).Count);
    }

    [Fact]
    public void TheChangeAxisFitsTheData()
    {
        var svg = SvgCharts.ChangeChart([Row("A.Up", 1.12, 1.09, 1.15), Row("B.Up", 1.03, 1.01, 1.05), Row("C.Down", 0.97, 0.95, 0.99)]);

        var ticks = TickPercents(svg);
        Assert.InRange(ticks.Max(), 12, 20);
        Assert.InRange(ticks.Min(), -10, -5);
        Assert.DoesNotContain("off-axis", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void AFarBarLeavesTheAxisMarkedAndDoesNotFlattenTheRest()
    {
        var svg = SvgCharts.ChangeChart([Row("A.Far", 6.0, 5.0, 7.0), Row("B.Up", 1.10, 1.08, 1.12), Row("C.Down", 0.9, 0.88, 0.92)]);

        Assert.True(TickPercents(svg).Max() < 50, "the axis stretched to the far bar");
        var far = RowOf(svg, "A.Far");
        Assert.Contains("class=\"off-axis bar-edge\"", far, StringComparison.Ordinal);
        Assert.Contains(">+500.0%</text>", far, StringComparison.Ordinal);
        Assert.DoesNotContain("off-axis", RowOf(svg, "B.Up"), StringComparison.Ordinal);
    }

    [Fact]
    public void AWhiskerPastTheAxisIsMarkedAtTheEdge()
    {
        var svg = SvgCharts.ChangeChart([Row("A.Wide", 1.05, 0.6, 1.9), Row("B.Up", 1.10, 1.08, 1.12), Row("C.Up", 1.08, 1.06, 1.1)]);

        var wide = RowOf(svg, "A.Wide");
        Assert.Equal(2, Regex.Count(wide, "class=\"off-axis whisker-edge\""));
        Assert.DoesNotContain("bar-edge", wide, StringComparison.Ordinal);
        Assert.DoesNotContain("off-axis", RowOf(svg, "B.Up"), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnboundedIntervalRunsOffBothEnds()
    {
        var svg = SvgCharts.ChangeChart([Row("A.Unbounded", 1.05, 0, double.PositiveInfinity), Row("B.Up", 1.10, 1.08, 1.12)]);

        Assert.Equal(2, Regex.Count(RowOf(svg, "A.Unbounded"), "class=\"off-axis whisker-edge\""));
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongNameKeepsItsMethodAndShowsInFullInTheTitle()
    {
        const string id = "AfirGen.Backend.Benchmarks.Very.Long.Namespace.Indeed.TextBench.SomeVeryLongMethodName(Size: 100000)";
        var svg = SvgCharts.ChangeChart([Row(id, 1.1, 1.05, 1.15)]);

        var label = LabelText().Match(svg).Groups[1].Value;
        Assert.StartsWith("…", label, StringComparison.Ordinal);
        Assert.EndsWith("SomeVeryLongMethodName(Size: 100000)", label, StringComparison.Ordinal);
        Assert.Equal(SvgCharts.MaxLabelChars, label.Length);
        Assert.Contains("<title>" + id + ":", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void ALabelCutNeverSplitsASurrogatePair()
    {
        var id = string.Concat(Enumerable.Repeat("😀", 40));

        var label = SvgCharts.Label(id, SvgCharts.MaxLabelChars);

        Assert.DoesNotContain('\uFFFD', label);
        Assert.False(char.IsLowSurrogate(label[1]));
    }

    [Fact]
    public void NumbersAreInvariantUnderAnyCulture()
    {
        using var scope = new CultureScope("de-DE");
        var svg = SvgCharts.ChangeChart([Row("A.Up", 1.123, 1.081, 1.169), Row("B.Down", 0.875, 0.851, 0.902)])
            + SvgCharts.Distribution(Spread(812.4, 20), Spread(912.4, 20));

        Assert.DoesNotMatch(@"=""-?\d+,\d", svg);
    }

    private static BenchmarkComparison Row(string id, double ratio, double lower, double upper) => new()
    {
        Id = id,
        Category = Category.Micro,
        Verdict = ratio > 1 ? Verdict.Regressed : Verdict.Improved,
        Metrics = [new MetricComparison { Metric = ComparedMetric.Time, Verdict = Verdict.Regressed, Ratio = ratio, CiLower = lower, CiUpper = upper, BaselineN = 3, CurrentN = 3 }],
    };

    /// <summary><paramref name="count"/> samples evenly spread over ±2% of <paramref name="center"/>, in a shuffled order.</summary>
    private static List<double> Spread(double center, int count) =>
        [.. Enumerable.Range(0, count).Select(i => center * (0.98 + (0.04 * (i * 7 % count) / count)))];

    private static List<double> CircleXs(string svg) =>
        [.. CircleX().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    private static List<double> TickPercents(string svg) =>
        [.. TickPercent().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    private static string RowOf(string svg, string id)
    {
        var start = svg.IndexOf("<title>" + id + ":", StringComparison.Ordinal);
        Assert.True(start >= 0, id + " has no row");
        return svg[start..svg.IndexOf("</g>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"<circle cx=""([0-9.]+)""")]
    private static partial Regex CircleX();

    [GeneratedRegex(@"<text class=""tick""[^>]*>([+-][0-9.]+)%</text>")]
    private static partial Regex TickPercent();

    [GeneratedRegex(@"<text class=""label""[^>]*>([^<]*)</text>")]
    private static partial Regex LabelText();
}
