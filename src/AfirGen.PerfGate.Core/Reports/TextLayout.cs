using System.Text;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Reports;

/// <summary>The layout the plain-text reports share: titles, rules and lines ending in "\n" on every OS.</summary>
internal static class TextLayout
{
    private const int Width = 80;

    /// <summary>The order and titles of the category sections, as users know them from the seed report.</summary>
    public static readonly (Category Category, string Title)[] Sections =
    [
        (Category.Api, "API ENDPOINT PERFORMANCE"),
        (Category.Db, "DATABASE PERFORMANCE"),
        (Category.Cache, "CACHE PERFORMANCE"),
        (Category.Micro, "MICRO-BENCHMARKS"),
    ];

    public static StringBuilder Line(this StringBuilder sb, string text = "") => sb.Append(text).Append('\n');

    public static StringBuilder Title(this StringBuilder sb, string title) => sb.Line(title).Line(new string('=', Width));

    public static StringBuilder Section(this StringBuilder sb, string title) => sb.Line().Line(title).Line(new string('-', Width));

    /// <summary>The mark in front of a benchmark line: ✗ when it fails the gate, ? when it needs a look, ✓ otherwise.</summary>
    public static string Mark(SuiteComparison comparison, Verdict verdict) =>
        comparison.FailsGate(verdict) ? "✗" : comparison.Warns(verdict) ? "?" : "✓";

    /// <summary>The gate and its counts, as every text report opens: "Gate: failed", then each group on a line.</summary>
    public static void Status(StringBuilder sb, SuiteComparison comparison)
    {
        sb.Line("Gate: " + comparison.Gate.ToName() + (comparison.Cancelled ? " (cancelled: partial results)" : ""));
        if (GateText.Failing(comparison) is { Count: > 0 } failing)
        {
            sb.Line("Fails the gate: " + GateText.List(failing));
        }

        if (GateText.Warning(comparison) is { Count: > 0 } warning)
        {
            sb.Line("Warnings: " + GateText.List(warning));
        }

        if (GateText.Rest(comparison) is { Count: > 0 } rest)
        {
            sb.Line("Rest: " + GateText.List(rest));
        }

        if (comparison.Baseline is null)
        {
            sb.Line("No baseline given: only SLA thresholds were checked.");
        }
        else
        {
            sb.Line("Suite geometric mean: " + (comparison.GeometricMean is { } g
                ? $"{DisplayFormat.ChangeWithCi(g.Ratio, g.CiLower, g.CiUpper)} over {DisplayFormat.Count(g.Count)} benchmarks"
                : "n/a (nothing compared on both sides)"));
        }
    }

    /// <summary>"Generated" and "Total Tests" lines shared by the summary and the detailed report.</summary>
    public static void Header(StringBuilder sb, ReportContext context, string title)
    {
        sb.Title(title);
        sb.Line("Generated: " + DisplayFormat.Timestamp(context.Comparison.CreatedAt));
        sb.Line("Total Tests: " + DisplayFormat.Count(context.Total));
    }

    /// <summary>The WARNINGS section, when there are warnings.</summary>
    public static void Warnings(StringBuilder sb, SuiteComparison comparison)
    {
        if (comparison.Warnings.Count == 0)
        {
            return;
        }

        sb.Section("WARNINGS");
        foreach (var warning in comparison.Warnings)
        {
            sb.Line("! " + PlainText.Clean(warning.Text, 1000));
        }
    }

    /// <summary>One metric comparison's evidence: "time +8.4% [+3.1%, +13.6%] (1.20μs → 1.30μs), p=0.0031; note".</summary>
    public static string Evidence(MetricComparison metric)
    {
        var text = metric.Metric.ToName();
        if (metric.Ratio is { } ratio)
        {
            text += " " + DisplayFormat.ChangeWithCi(ratio, metric.CiLower, metric.CiUpper);
        }

        if (metric.Baseline is { } b && metric.Current is { } c)
        {
            text += $" ({DisplayFormat.MetricValue(metric.Metric, b)} → {DisplayFormat.MetricValue(metric.Metric, c)})";
        }

        if (metric.PValue is { } p)
        {
            text += ", " + DisplayFormat.PValue(p);
        }

        if (!string.IsNullOrEmpty(metric.Note))
        {
            text += "; " + PlainText.Clean(metric.Note, 300);
        }

        return text;
    }
}
