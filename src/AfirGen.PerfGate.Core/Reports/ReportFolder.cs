using System.Runtime.ExceptionServices;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.Reports;

/// <summary>
/// Writes a self-contained results folder, each file atomically: results.json, baseline.json (when there was a baseline),
/// comparison.json (the decided verdict, with the thresholds and settings it was decided with), summary.txt, report.md and report.html.
/// </summary>
public static class ReportFolder
{
    /// <summary>
    /// Writes every file of the folder for <paramref name="comparison"/>, creating <paramref name="directory"/> when needed,
    /// and returns the text summary it wrote (summary.txt), which commands also print; I/O failures throw <see cref="RunFailedException"/>.
    /// </summary>
    public static string Write(string directory, SuiteComparison comparison)
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

        // The files are independent: written side by side, each streamed to disk rather than built as one string,
        // which keeps a 10,000-benchmark suite quick and small. The summary is rendered once, for the file and the terminal.
        var summary = "";
        try
        {
            Parallel.Invoke(
                () => AtomicFile.Write(Path.Combine(directory, ResultLoader.ResultsFileName), s => ResultLoader.WriteResults(comparison.Current, s)),
                () => WriteBaseline(directory, comparison.Baseline),
                () => Report(directory, ReportFormat.Json, comparison),
                () =>
                {
                    summary = ReportRenderer.Render(comparison, ReportFormat.Text);
                    AtomicFile.Write(Path.Combine(directory, ReportFormat.Text.FileName()), s => TextFile.Write(summary, s));
                },
                () => Report(directory, ReportFormat.Markdown, comparison),
                () => Report(directory, ReportFormat.Html, comparison));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Callers handle the typed failure (RunFailedException), not the parallel wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return summary;
    }

    private static void WriteBaseline(string directory, Model.ResultSet? baseline)
    {
        var file = Path.Combine(directory, JsonReport.BaselineFileName);
        if (baseline is not null)
        {
            AtomicFile.Write(file, s => ResultLoader.WriteResults(baseline, s));
        }
        else if (File.Exists(file))
        {
            // A baseline left from an earlier run in this folder would be read as this verdict's.
            File.Delete(file);
        }
    }

    private static void Report(string directory, ReportFormat format, SuiteComparison comparison)
    {
        var renderer = ReportRenderer.For(format);
        AtomicFile.Write(Path.Combine(directory, format.FileName()), s => renderer.Write(comparison, s));
    }
}
