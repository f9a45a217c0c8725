using System.Globalization;
using System.Text.RegularExpressions;

namespace AfirGen.PerfGate.GitHub.Tests;

public sealed partial class ChangeChartTests
{
    [Fact]
    public void SlowerAndFasterAreChartedApartEachFromZero()
    {
        var suite = Suites.Compare(4, i => $"Fir.M{i}", i => i switch { 0 => 1.3, 1 => 0.7, 2 => 1.0, _ => 1.5 });

        var charts = Charts(ChangeChart.Render(suite)!);

        Assert.Equal(2, charts.Count);
        var (slower, faster) = (charts[0], charts[1]);
        Assert.Contains("xychart-beta horizontal\n", slower, StringComparison.Ordinal);
        Assert.Contains("title \"Slower: change in time (%)\"", slower, StringComparison.Ordinal);
        Assert.Contains("x-axis [\"Fir.M3\", \"Fir.M0\"]", slower, StringComparison.Ordinal);
        Assert.Matches(@"bar \[(49|50)\.\d, (29|30)\.\d\]", slower);
        Assert.Matches(@"y-axis ""change \(%\)"" 0 --> (50|55)\n", slower);
        Assert.Contains("title \"Faster: change in time (%)\"", faster, StringComparison.Ordinal);
        Assert.Contains("x-axis [\"Fir.M1\"]", faster, StringComparison.Ordinal);
        Assert.Matches(@"bar \[-(29|30)\.\d\]", faster);
    }

    [Fact]
    public void ANegativeChangeIsDrawnFromZeroDownToItsValue()
    {
        var chart = ChangeChart.Render(Suites.Compare(25, i => $"Company.Product.Benchmarks.Suite{i % 3}.Method{i}(Size: {i})", Change))!;

        // Mermaid draws a bar from the start of the value axis: the start must be 0, and every value lies between 0 and the end.
        foreach (var block in Charts(chart))
        {
            var (start, end) = Range(block);
            Assert.Equal(0, start);
            Assert.All(Values(block), v => Assert.InRange(v / end, 0, 1));
        }

        var faster = Charts(chart).Single(c => c.Contains("Faster", StringComparison.Ordinal));
        Assert.True(Range(faster).End < 0, "the speed-ups' axis runs below 0");
        Assert.All(Values(faster), v => Assert.True(v < 0, $"{v} is drawn as a speed-up"));
    }

    [Fact]
    public void TwentyFiveBenchmarksGetDistinctReadableLabels()
    {
        var chart = ChangeChart.Render(Suites.Compare(25, i => $"Company.Product.Benchmarks.Suite{i % 3}.Method{i}(Size: {i})", Change))!;

        var labels = Charts(chart).SelectMany(Labels).ToList();
        Assert.Equal(25, labels.Count);
        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.All(labels, l => Assert.InRange(l.Length, 1, 32));
        Assert.All(labels, l => Assert.DoesNotContain("Company.Product", l, StringComparison.Ordinal));
        Assert.Contains("Suite1.Method13(Size: 13)", labels);
        // Horizontal, with room per row, so the names are read across rather than crushed under vertical bars.
        Assert.All(Charts(chart), c => Assert.Contains("xychart-beta horizontal", c, StringComparison.Ordinal));
        Assert.All(Charts(chart), c => Assert.Matches(@"""height"": \d{3,}", c));
    }

    [Fact]
    public void IdsThatShortenAlikeStayApart()
    {
        var labels = ChangeChart.Labels(["A.Very.Long.Namespace.One.Bench.Parse", "B.Very.Long.Namespace.Two.Bench.Parse", "Same", "Same"]);

        Assert.Equal(4, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("One.Bench.Parse", labels[0], StringComparison.Ordinal);
        Assert.Contains("Two.Bench.Parse", labels[1], StringComparison.Ordinal);
        Assert.Equal("Same (2)", labels[3]);
    }

    [Fact]
    public void OnlyOneChartWhenEveryChangeHasOneSign()
    {
        var charts = Charts(ChangeChart.Render(Suites.Compare(3, i => $"B{i}", i => 1.2 + (i / 10.0)))!);

        Assert.Single(charts);
        Assert.Contains("Slower", charts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void NoChartForFewerThanTwoChanges()
    {
        Assert.Null(ChangeChart.Render(Suites.Compare(3, i => $"B{i}", i => i == 0 ? 1.3 : 1.0)));
    }

    [Fact]
    public void AtMostMaxBarsBars()
    {
        var chart = ChangeChart.Render(Suites.Compare(40, i => $"B{i}", i => 1.2 + (i / 100.0)))!;

        Assert.Equal(ChangeChart.MaxBars, Charts(chart).Sum(c => Values(c).Count));
    }

    [Theory]
    [InlineData("a\"]\n```\n<img src=x>", "a________img src=x_")]
    [InlineData("Namespace.Class.SomeVeryLongMethodName(x: 1)", "Class.SomeVeryLongMethodName(x: 1)")]
    [InlineData("Company.Product.Benchmarks.TextBench.Parse(Size: 10)", "TextBench.Parse(Size: 10)")]
    [InlineData("api/get_session_status@c10", "api/get_session_status@c10")]
    [InlineData("Ns.Class.AMethodNameSoLongItMustBeCutFromTheFront", "Class.AMethodNameSoLongItMustBeCutFromTheFront")]
    public void LabelsAreInertAndShort(string id, string expected)
    {
        var label = ChangeChart.Label(id);

        Assert.Equal(expected.Length > 32 ? "…" + expected[^31..] : expected, label);
        Assert.DoesNotContain('"', label);
        Assert.DoesNotContain('`', label);
        Assert.DoesNotContain('#', label);
        Assert.DoesNotContain('[', label);
    }

    private static double Change(int i) => i % 2 == 0 ? 1.05 + (i / 100.0) : 0.95 - (i / 100.0);

    private static List<string> Charts(string markdown) =>
        [.. Block().Matches(markdown).Select(m => m.Groups[1].Value)];

    private static (double Start, double End) Range(string chart)
    {
        var m = AxisRange().Match(chart);
        Assert.True(m.Success, "no y-axis range");
        return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static List<double> Values(string chart) =>
        [.. BarValues().Match(chart).Groups[1].Value.Split(", ").Select(v => double.Parse(v, CultureInfo.InvariantCulture))];

    private static IEnumerable<string> Labels(string chart) =>
        Quoted().Matches(XAxis().Match(chart).Groups[1].Value).Select(m => m.Groups[1].Value);

    [GeneratedRegex("```mermaid\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"y-axis ""[^""]*"" (-?[0-9.]+) --> (-?[0-9.]+)")]
    private static partial Regex AxisRange();

    [GeneratedRegex(@"\n    bar \[([^\]]*)\]")]
    private static partial Regex BarValues();

    [GeneratedRegex(@"\n    x-axis \[(.*)\]\n")]
    private static partial Regex XAxis();

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex Quoted();
}
