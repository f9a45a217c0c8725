using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Reports;
using Microsoft.Build.Framework;

namespace AfirGen.PerfGate.MSBuild;

/// <summary>Writes the results folder (results.json, comparison.json, summary.txt, report.md, report.html); it reports and does not gate.</summary>
public sealed class PerfGateWriteReports : PerfGateTask
{
    /// <summary>The folder to write.</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <inheritdoc />
    protected override void Run()
    {
        var config = LoadConfig();
        var current = ResultLoader.Load(Results);
        var comparison = SuiteComparer.Compare(LoadBaseline(missingIsError: false), current, config);
        ReportFolder.Write(OutputDirectory, comparison);
        Log.LogMessage(MessageImportance.High, "{0}", $"PerfGate: wrote the reports to {OutputDirectory} ({GateDiagnostics.Summary(comparison)})");
    }
}
