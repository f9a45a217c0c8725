using System.Globalization;
using System.Text;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Reports;

/// <summary>
/// The plain-text summary (format "text", summary.txt), read in five seconds: the gate and its counts, what fails it,
/// what warns, then every result by category in the seed report's sections (a section of more than a dozen results as
/// its counts, so that what a run prints fits one screen; report.md and report.html list every result).
/// </summary>
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
        TextLayout.Status(sb, comparison);

        var failing = context.Failing.ToList();
        if (failing.Count > 0)
        {
            sb.Section("FAILS THE GATE");
            failing.ForEach(b => sb.Line(Line(comparison, b)));
        }

        var warning = context.Warning.ToList();
        if (warning.Count > 0 || comparison.Warnings.Count > 0)
        {
            sb.Section("WARNINGS");
            warning.Take(warning.Count > MaxRows ? MaxRows - 1 : MaxRows).ToList().ForEach(b => sb.Line(Line(comparison, b)));
            if (warning.Count > MaxRows)
            {
                sb.Line(string.Create(CultureInfo.InvariantCulture,
                    $"… and {warning.Count - MaxRows + 1} more: {GateText.List(Counts(warning.Skip(MaxRows - 1)))}; each in report.md and report.html"));
            }

            foreach (var w in comparison.Warnings)
            {
                sb.Line("! " + PlainText.Clean(w.Text, 1000));
            }
        }

        foreach (var (category, title) in TextLayout.Sections)
        {
            var rows = comparison.Benchmarks.Where(b => b.Category == category && b.Verdict != Verdict.Missing).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            sb.Section(title);
            if (rows.Count > MaxRows)
            {
                // A large section is its counts: what fails or warns is listed above, every result in report.md and report.html.
                sb.Line(string.Create(CultureInfo.InvariantCulture,
                    $"{rows.Count} results: {GateText.List(Counts(rows))}; each in report.md and report.html"));
                continue;
            }

            foreach (var b in rows)
            {
                sb.Line(ResultLine(comparison, b));
            }
        }

        return sb.ToString();
    }

    // A section or the warnings list longer than this is summarised, so that the summary a run prints fits one screen.
    private const int MaxRows = 12;

    private static IEnumerable<(Verdict Verdict, int Count)> Counts(IEnumerable<BenchmarkComparison> rows)
    {
        var byVerdict = rows.GroupBy(b => b.Verdict).ToDictionary(g => g.Key, g => g.Count());
        return GateText.ReadingOrder.Where(byVerdict.ContainsKey).Select(v => (v, byVerdict[v]));
    }

    /// <summary>A failing or warning row: verdict, the change it is about with the values it came from, and why.</summary>
    private static string Line(SuiteComparison comparison, BenchmarkComparison b)
    {
        var line = TextLayout.Mark(comparison, b.Verdict) + " " + PlainText.Clean(b.Id) + "  " + b.Verdict.ToName();
        if (b.Verdict is Verdict.Regressed or Verdict.Improved or Verdict.Inconclusive && ReportContext.Headline(b) is { } m)
        {
            line += " " + TextLayout.Evidence(m);
        }
        else if (b.Verdict == Verdict.Failed)
        {
            line += ": " + PlainText.Clean(b.Error ?? "no measurements", 300);
        }
        else if (b.Verdict == Verdict.SlaViolated)
        {
            line += ": " + ReportContext.Reason(b, t => PlainText.Clean(t, 300));
        }

        if (b.Verdict == Verdict.Inconclusive && b.Metrics.FirstOrDefault(x => x.Hint is not null)?.Hint is { } hint)
        {
            line += "; " + PlainText.Clean(hint, 300);
        }

        return line;
    }

    /// <summary>A result in its category section: its own numbers (a load level's percentiles, a micro-benchmark's time), its verdict and change.</summary>
    private static string ResultLine(SuiteComparison comparison, BenchmarkComparison b)
    {
        var line = TextLayout.Mark(comparison, b.Verdict) + " " + PlainText.Clean(b.Id) + ": ";
        if (b.Current is not { } s)
        {
            line += "no measurements";
        }
        else if (b.Category == Category.Micro)
        {
            line += $"Median={DisplayFormat.Time(s.Median)}, Mean={DisplayFormat.Time(s.Mean)}";
        }
        else
        {
            line += $"Mean={DisplayFormat.Time(s.Mean)}, P95={DisplayFormat.Time(s.P95)}, P99={DisplayFormat.Time(s.P99)}";
        }

        line += "  [" + b.Verdict.ToName() + (ReportContext.HeadlineChange(b) is { } change ? " " + change : "") + "]";
        return line;
    }
}
