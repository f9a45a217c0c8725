namespace AfirGen.PerfGate.Reports;

/// <summary>The report formats `perfgate report --format` offers.</summary>
public enum ReportFormat
{
    /// <summary>The plain-text summary ("text"): summary.txt.</summary>
    Text,

    /// <summary>Every benchmark, metric and check in plain text ("detailed").</summary>
    Detailed,

    /// <summary>A GitHub pull-request comment ("markdown"): report.md.</summary>
    Markdown,

    /// <summary>The comparison for machines ("json"): comparison.json.</summary>
    Json,

    /// <summary>One self-contained page with charts ("html"): report.html.</summary>
    Html,
}
