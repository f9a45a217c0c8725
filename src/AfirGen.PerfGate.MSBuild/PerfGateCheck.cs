using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Reports;
using Microsoft.Build.Framework;

namespace AfirGen.PerfGate.MSBuild;

/// <summary>The gate: compares the results with the baseline and checks SLA thresholds, reporting each regression, broken SLA and failed benchmark as a PERFnnnn diagnostic.</summary>
public sealed class PerfGateCheck : PerfGateTask
{
    /// <summary>Whether regressions, broken SLAs, failed benchmarks and a missing baseline are errors (true) or warnings (false).</summary>
    public bool FailOnRegression { get; set; } = true;

    /// <summary>The project's source files, searched for the benchmark methods that diagnostics point at.</summary>
    public ITaskItem[] SourceFiles { get; set; } = [];

    /// <inheritdoc />
    protected override void Run()
    {
        var config = LoadConfig();
        var current = ResultLoader.Load(Results);
        var baseline = LoadBaseline(FailOnRegression);
        var comparison = SuiteComparer.Compare(baseline, current, config);
        Log.LogMessage(MessageImportance.Normal, "{0}", ReportRenderer.Render(comparison, ReportFormat.Text));
        Log.LogMessage(MessageImportance.High, "{0}", "PerfGate: " + GateDiagnostics.Summary(comparison));
        var locator = new SourceLocator(SourceFiles.Select(f => f.ItemSpec));
        foreach (var d in GateDiagnostics.For(comparison, Results, baseline is null ? null : Baseline, FailOnRegression, locator))
        {
            Report(d);
        }
    }
}
