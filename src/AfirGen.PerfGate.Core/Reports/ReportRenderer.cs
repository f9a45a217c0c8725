using AfirGen.PerfGate.Comparison;

namespace AfirGen.PerfGate.Reports;

/// <summary>The entry point: picks the renderer for a format.</summary>
public static class ReportRenderer
{
    /// <summary>The renderer for a format, with default options.</summary>
    public static IReportRenderer For(ReportFormat format) => format switch
    {
        ReportFormat.Text => new SummaryReport(),
        ReportFormat.Detailed => new DetailedReport(),
        ReportFormat.Markdown => new MarkdownReport(),
        ReportFormat.Json => new JsonReport(),
        ReportFormat.Html => new HtmlReport(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Renders a comparison in a format with default options.</summary>
    public static string Render(SuiteComparison comparison, ReportFormat format) => For(format).Render(comparison);
}
