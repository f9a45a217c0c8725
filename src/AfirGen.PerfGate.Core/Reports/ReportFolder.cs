using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.Reports;

/// <summary>Writes a results folder: results.json, comparison.json, summary.txt, report.md and report.html, each atomically.</summary>
public static class ReportFolder
{
    /// <summary>Writes every file of the folder for <paramref name="comparison"/>, creating <paramref name="directory"/> when needed; I/O failures throw <see cref="RunFailedException"/>.</summary>
    public static void Write(string directory, SuiteComparison comparison)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(comparison);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException($"cannot create the output folder {directory}: {e.Message}", e);
        }

        AtomicFile.WriteAllText(Path.Combine(directory, ResultLoader.ResultsFileName), ResultsJson.Serialize(comparison.Current));
        foreach (var format in new[] { ReportFormat.Json, ReportFormat.Text, ReportFormat.Markdown, ReportFormat.Html })
        {
            AtomicFile.WriteAllText(Path.Combine(directory, format.FileName()), ReportRenderer.Render(comparison, format));
        }
    }
}
