using System.Text;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.GitHub;

/// <summary>The job summary (<c>GITHUB_STEP_SUMMARY</c>): the Markdown report with room for more rows than a comment, under GitHub's 1 MiB cap.</summary>
public static class StepSummary
{
    /// <summary>GitHub drops a step summary larger than this many bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    // A report character is at most 4 UTF-8 bytes (an emoji); the rest of the cap is margin.
    private const int MaxChars = 240_000;

    /// <summary>The summary text, given how many bytes the summary file already holds; null when there is no room left.</summary>
    public static string? Render(SuiteComparison comparison, Uri? fullReport, long existingBytes = 0, string? trends = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var room = MaxBytes - existingBytes;
        var chart = (ChangeChart.Render(comparison) is { } c ? "\n" + c : "") + (trends ?? "");
        var chars = (int)Math.Min(MaxChars, (room - Encoding.UTF8.GetByteCount(chart)) / 4);
        if (chars < 2_000)
        {
            return null;
        }

        var report = new MarkdownReport(fullReport, chars).Render(comparison);
        return report + chart + "\n";
    }

    /// <summary>Appends the summary to <paramref name="path"/>; false when the file had no room left.</summary>
    public static bool Append(string path, SuiteComparison comparison, Uri? fullReport, string? trends = null)
    {
        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        if (Render(comparison, fullReport, existing, trends) is not { } text)
        {
            return false;
        }

        File.AppendAllText(path, text, new UTF8Encoding(false));
        return true;
    }
}
