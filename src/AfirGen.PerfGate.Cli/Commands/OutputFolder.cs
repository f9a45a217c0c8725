using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>Writes the files of a results folder: results.json, comparison.json, summary.txt, report.md, report.html.</summary>
internal static class OutputFolder
{
    public const string Default = "perfgate-results";

    public static async Task WriteAsync(string directory, SuiteComparison comparison)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException($"cannot create the output folder {directory}: {e.Message}", e);
        }

        // The five files are independent: written side by side, each streamed to disk rather than built as one string.
        await Task.WhenAll(
            Task.Run(() => AtomicFile.Write(Path.Combine(directory, "results.json"), s => ResultsJson.Write(comparison.Current, s))),
            Task.Run(() => Report(directory, "comparison.json", ReportFormat.Json, comparison)),
            Task.Run(() => Report(directory, "summary.txt", ReportFormat.Text, comparison)),
            Task.Run(() => Report(directory, "report.md", ReportFormat.Markdown, comparison)),
            Task.Run(() => Report(directory, "report.html", ReportFormat.Html, comparison))).ConfigureAwait(false);
    }

    private static void Report(string directory, string file, ReportFormat format, SuiteComparison comparison)
    {
        var renderer = ReportRenderer.For(format);
        AtomicFile.Write(Path.Combine(directory, file), s => renderer.Write(comparison, s));
    }
}
