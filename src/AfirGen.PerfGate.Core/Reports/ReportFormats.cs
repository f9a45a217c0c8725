namespace AfirGen.PerfGate.Reports;

/// <summary>Names and file names of <see cref="ReportFormat"/>.</summary>
public static class ReportFormats
{
    /// <summary>The name used on the command line: "text", "detailed", "markdown", "json", "html".</summary>
    public static string ToName(this ReportFormat format) => format switch
    {
        ReportFormat.Text => "text",
        ReportFormat.Detailed => "detailed",
        ReportFormat.Markdown => "markdown",
        ReportFormat.Json => "json",
        ReportFormat.Html => "html",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The file the format is written to in the results folder.</summary>
    public static string FileName(this ReportFormat format) => format switch
    {
        ReportFormat.Text => "summary.txt",
        ReportFormat.Detailed => "report.txt",
        ReportFormat.Markdown => "report.md",
        ReportFormat.Json => "comparison.json",
        ReportFormat.Html => "report.html",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Parses a format name (case-insensitive; "md" and "txt" accepted); <paramref name="source"/> names where it came from.</summary>
    /// <exception cref="InputException">The name is not a known format.</exception>
    public static ReportFormat Parse(string name, string source)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToUpperInvariant() switch
        {
            "TEXT" or "TXT" or "SUMMARY" => ReportFormat.Text,
            "DETAILED" => ReportFormat.Detailed,
            "MARKDOWN" or "MD" => ReportFormat.Markdown,
            "JSON" => ReportFormat.Json,
            "HTML" => ReportFormat.Html,
            _ => throw new InputException(source, null,
                $"'{PlainText.Clean(name, 40)}' is not a report format; expected text, detailed, markdown, json or html"),
        };
    }
}
