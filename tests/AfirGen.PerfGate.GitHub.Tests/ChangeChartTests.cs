namespace AfirGen.PerfGate.GitHub.Tests;

public sealed class ChangeChartTests
{
    [Fact]
    public void BarsShowThePercentChangeOfEachChangedBenchmark()
    {
        var suite = Suites.Compare(4, i => $"Fir.M{i}", i => i switch { 0 => 1.3, 1 => 0.7, 2 => 1.0, _ => 1.5 });

        var chart = ChangeChart.Render(suite)!;

        Assert.StartsWith("```mermaid\nxychart-beta\n", chart, StringComparison.Ordinal);
        Assert.Contains("x-axis [\"Fir.M3\", \"Fir.M0\", \"Fir.M1\"]", chart, StringComparison.Ordinal);
        Assert.Matches(@"bar \[(49|50)\.\d, (29|30)\.\d, -(29|30)\.\d\]", chart);
        Assert.Contains("y-axis \"change (%)\" -30 --> 55", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void NoChartForFewerThanTwoChanges()
    {
        Assert.Null(ChangeChart.Render(Suites.Compare(3, i => $"B{i}", i => i == 0 ? 1.3 : 1.0)));
    }

    [Fact]
    public void AtMostTwentyBars()
    {
        var chart = ChangeChart.Render(Suites.Compare(30, i => $"B{i}", i => 1.2 + (i / 100.0)))!;

        var bars = chart.Split('\n').Single(l => l.TrimStart().StartsWith("bar [", StringComparison.Ordinal));
        Assert.Equal(ChangeChart.MaxBars, bars.Split(',').Length);
    }

    [Theory]
    [InlineData("a\"]\n```\n<img src=x>", "a________img src=x_")]
    [InlineData("Namespace.Class.SomeVeryLongMethodName(x: 1)", "…eryLongMethodName_x_ 1_")]
    public void LabelsAreInert(string id, string expected)
    {
        var label = ChangeChart.Label(id);

        Assert.Equal(expected, label);
        Assert.DoesNotContain('"', label);
        Assert.DoesNotContain('`', label);
    }
}
