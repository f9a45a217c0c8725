using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>Writes the files of a results folder: results.json, comparison.json, summary.txt, report.md, report.html.</summary>
internal static class OutputFolder
{
    public const string Default = "perfgate-results";

    public static void Write(string directory, SuiteComparison comparison) => ReportFolder.Write(directory, comparison);
}
