using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>Writes the files of a results folder: results.json, comparison.json, summary.txt, report.md, report.html.</summary>
internal static class OutputFolder
{
    public const string Default = "perfgate-results";

    /// <summary>Writes the folder and returns the text summary, for the terminal.</summary>
    public static string Write(string directory, SuiteComparison comparison) => ReportFolder.Write(directory, comparison);
}
