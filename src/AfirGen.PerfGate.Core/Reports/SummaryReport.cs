using System.Text;
using AfirGen.PerfGate.Comparison;

namespace AfirGen.PerfGate.Reports;

/// <summary>The plain-text summary (format "text", summary.txt) in the shape users know from the seed report.</summary>
public sealed class SummaryReport : IReportRenderer
{
    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Text;

    /// <inheritdoc />
    public string Render(SuiteComparison comparison)
    {
        var context = new ReportContext(comparison);
        var sb = new StringBuilder();
        TextLayout.Header(sb, context, "PERFORMANCE BENCHMARK SUMMARY");

        sb.Section("OVERALL STATUS");
        sb.Line("✓ Passed: " + DisplayFormat.Count(context.Passed));
        sb.Line("✗ Failed: " + DisplayFormat.Count(context.Failed));
        sb.Line("Success Rate: " + (context.Total == 0 ? "n/a" : DisplayFormat.Percent((double)context.Passed / context.Total)));

        foreach (var (category, title) in TextLayout.Sections)
        {
            var rows = comparison.Benchmarks.Where(b => b.Category == category && b.Verdict != Verdict.Missing).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            sb.Section(title);
            foreach (var b in rows)
            {
                sb.Line(ResultLine(b));
            }
        }

        sb.Section("BASELINE COMPARISON");
        if (comparison.Baseline is null)
        {
            sb.Line("No baseline given: only SLA thresholds were checked.");
        }
        else
        {
            BaselineComparison(sb, comparison);
        }

        TextLayout.Warnings(sb, comparison);
        return sb.ToString();
    }

    private static string ResultLine(BenchmarkComparison b)
    {
        var line = TextLayout.Mark(b.Verdict) + " " + PlainText.Clean(b.Id) + ": ";
        line += b.Current is { } s
            ? $"Mean={DisplayFormat.Time(s.Mean)}, P95={DisplayFormat.Time(s.P95)}, P99={DisplayFormat.Time(s.P99)}"
            : "no measurements";
        // Only what needs a look gets a reason; the seed's passing lines carry none.
        if (b.Verdict.FailsGate() || b.Verdict == Verdict.Inconclusive)
        {
            line += "  (" + ReportContext.Reason(b, t => PlainText.Clean(t, 300)) + ")";
        }

        return line;
    }

    private static void BaselineComparison(StringBuilder sb, SuiteComparison comparison)
    {
        var regressions = comparison.Benchmarks.Where(b => b.Metrics.Any(m => m.Verdict == Verdict.Regressed)).ToList();
        Group(sb, "Improvements:", "✓", comparison.Benchmarks.Where(b => b.Verdict == Verdict.Improved), Verdict.Improved);
        Group(sb, "Regressions:", "✗", regressions, Verdict.Regressed);
        Group(sb, "Inconclusive:", "?", comparison.Benchmarks.Where(b => b.Verdict == Verdict.Inconclusive), Verdict.Inconclusive);
        Group(sb, "New:", "+", comparison.Benchmarks.Where(b => b.Verdict == Verdict.New), null);
        Group(sb, "Missing:", "-", comparison.Benchmarks.Where(b => b.Verdict == Verdict.Missing), null);
        sb.Line("Unchanged: " + DisplayFormat.Count(comparison.Count(Verdict.Unchanged)));
        sb.Line("Suite geometric mean: " + (comparison.GeometricMean is { } g
            ? $"{DisplayFormat.ChangeWithCi(g.Ratio, g.CiLower, g.CiUpper)} over {DisplayFormat.Count(g.Count)} benchmarks"
            : "n/a (nothing compared on both sides)"));
    }

    private static void Group(StringBuilder sb, string title, string mark, IEnumerable<BenchmarkComparison> rows, Verdict? evidenceOf)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        sb.Line(title);
        foreach (var b in list)
        {
            var line = $"  {mark} {PlainText.Clean(b.Id)}";
            if (b.Baseline is { } before && b.Current is { } after)
            {
                line += $": Mean {DisplayFormat.Change(after.Mean / before.Mean)}, P95 {DisplayFormat.Change(after.P95 / before.P95)}";
            }

            var evidence = evidenceOf is { } v ? b.Metrics.Where(m => m.Verdict == v).Select(TextLayout.Evidence).ToList() : [];
            if (evidence.Count > 0)
            {
                line += "  (" + string.Join("; ", evidence) + ")";
            }

            sb.Line(line);
        }
    }
}
