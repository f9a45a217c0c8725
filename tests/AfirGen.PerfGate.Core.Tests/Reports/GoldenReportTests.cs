using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Tests.Reports;

public sealed class GoldenReportTests
{
    public static TheoryData<ReportFormat, string> FormatsAndCultures()
    {
        var data = new TheoryData<ReportFormat, string>();
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            data.Add(format, "");
            data.Add(format, "de-DE");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndCultures))]
    public void EveryFormatMatchesItsGoldenFileInEveryCulture(ReportFormat format, string culture)
    {
        using var scope = new CultureScope(culture);
        Check("sample." + format.FileName(), ReportRenderer.Render(SampleComparison.Create(), format), culture);
    }

    [Theory]
    [MemberData(nameof(FormatsAndCultures))]
    public void WithoutBaselineEveryFormatMatchesItsGoldenFile(ReportFormat format, string culture)
    {
        using var scope = new CultureScope(culture);
        Check("no-baseline." + format.FileName(), ReportRenderer.Render(SampleComparison.WithoutBaseline(), format), culture);
    }

    [Fact]
    public void SummaryHasTheSeedShape()
    {
        var text = new SummaryReport().Render(SampleComparison.Create());
        var lines = text.Split('\n');
        Assert.Equal("PERFORMANCE BENCHMARK SUMMARY", lines[0]);
        Assert.Equal(new string('=', 80), lines[1]);
        Assert.Equal("Generated: 2024-01-15T10:30:00Z", lines[2]);
        Assert.Equal("Total Tests: 13", lines[3]);
        Assert.Contains("Gate: failed\nFails the gate: 3 regressed, 1 sla-violated, 1 failed\nWarnings: 1 inconclusive, 1 missing\nRest: 2 improved, 1 new, 3 unchanged\n", text);
        // What fails the gate first, then what warns, then every result by category.
        var sections = new[] { "OVERALL STATUS", "FAILS THE GATE", "WARNINGS", "API ENDPOINT PERFORMANCE", "DATABASE PERFORMANCE", "CACHE PERFORMANCE", "MICRO-BENCHMARKS" };
        var positions = sections.Select(s => text.IndexOf("\n" + s + "\n", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("✓ api/get_session_status@c10: Mean=45.23ms, P95=78.25ms, P99=94.98ms", text);
        Assert.Contains("✗ api/get_fir_status@c10  sla-violated: p95<100ms broken: 134.2ms\n", text);
    }

    [Fact]
    public void ALargeSuitesSummaryFitsOneScreenAndStillNamesEveryFailure()
    {
        // 200 results cycling through the verdicts, over the four categories: each section is its counts, the
        // warnings list is capped, and every benchmark that fails the gate is still named.
        var comparison = SampleComparison.WithIds([.. Enumerable.Range(0, 200).Select(i => $"bench/{i:000}")]);
        var text = new SummaryReport().Render(comparison);
        var failing = comparison.Benchmarks.Where(b => comparison.FailsGate(b.Verdict)).ToList();
        var warning = comparison.Benchmarks.Count(b => comparison.Warns(b.Verdict));
        Assert.All(failing, b => Assert.Contains("✗ " + b.Id + "  ", text, StringComparison.Ordinal));
        Assert.True(text.Split('\n').Length <= failing.Count + 60, text);
        Assert.Contains($"… and {warning - 11} more: ", text, StringComparison.Ordinal);
        Assert.Contains("50 results: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mean=", text, StringComparison.Ordinal);

        // A small suite keeps every result.
        Assert.Contains("Mean=45.23ms", new SummaryReport().Render(SampleComparison.Create()), StringComparison.Ordinal);
    }

    [Fact]
    public void FailsTheGateCountsOnlyWhatFailsIt()
    {
        var comparison = SampleComparison.Create();
        var text = new SummaryReport().Render(comparison);
        var failing = comparison.Benchmarks.Count(b => comparison.FailsGate(b.Verdict));
        var section = text[text.IndexOf("FAILS THE GATE\n", StringComparison.Ordinal)..text.IndexOf("\nWARNINGS\n", StringComparison.Ordinal)];
        Assert.Equal(failing, section.Split('\n').Count(l => l.StartsWith("✗ ", StringComparison.Ordinal)));
        Assert.DoesNotContain("Success Rate", text);
    }

    [Fact]
    public void WithoutBaselineSaysSo()
    {
        var comparison = SampleComparison.WithoutBaseline();
        Assert.Contains("No baseline given", new SummaryReport().Render(comparison));
        Assert.Contains("No baseline given", new MarkdownReport().Render(comparison));
        Assert.Contains("No baseline given", new HtmlReport().Render(comparison));
        Assert.Contains("\"baseline\": null", new JsonReport().Render(comparison));
    }

    private static void Check(string name, string actual, string culture)
    {
        Assert.DoesNotContain("\r", actual);
        // Only the invariant run writes, so an update never depends on which culture ran last.
        if (Golden.Updating && culture.Length > 0)
        {
            return;
        }

        Golden.Verify(name, actual);
    }
}
