using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>Writes the files of a results folder: results.json, comparison.json, summary.txt, report.md, report.html.</summary>
internal static class OutputFolder
{
    public const string Default = "perfgate-results";

    public static void Write(string directory, SuiteComparison comparison)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException($"cannot create the output folder {directory}: {e.Message}", e);
        }

        AtomicFile.WriteAllText(Path.Combine(directory, "results.json"), ResultsJson.Serialize(comparison.Current));
        AtomicFile.WriteAllText(Path.Combine(directory, "comparison.json"), ReportRenderer.Render(comparison, ReportFormat.Json));
        AtomicFile.WriteAllText(Path.Combine(directory, "summary.txt"), ReportRenderer.Render(comparison, ReportFormat.Text));
        AtomicFile.WriteAllText(Path.Combine(directory, "report.md"), ReportRenderer.Render(comparison, ReportFormat.Markdown));
        AtomicFile.WriteAllText(Path.Combine(directory, "report.html"), ReportRenderer.Render(comparison, ReportFormat.Html));
    }
}
