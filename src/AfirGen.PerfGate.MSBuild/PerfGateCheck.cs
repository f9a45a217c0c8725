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

    /// <summary>
    /// Whether to state the verdict <c>perfgate run</c> stored in the results folder instead of deciding one: set by the
    /// PerfGateRun target, whose run was given the same baseline, config, thresholds and fail policy.
    /// </summary>
    public bool UseStoredVerdict { get; set; }

    /// <summary>The project's source files, searched for the benchmark methods that diagnostics point at.</summary>
    public ITaskItem[] SourceFiles { get; set; } = [];

    /// <inheritdoc />
    protected override void Run()
    {
        SuiteComparison comparison;
        if (UseStoredVerdict && ComparisonReader.HoldsVerdict(Results))
        {
            comparison = ComparisonReader.Read(Results);
            if (comparison.Baseline is null)
            {
                // The run had no baseline to compare with: say so as the deciding path does.
                LoadBaseline(FailOnRegression);
            }
        }
        else
        {
            var config = LoadConfig();
            var current = ResultLoader.Load(Results);
            comparison = SuiteComparer.Compare(LoadBaseline(FailOnRegression), current, config);
        }

        Log.LogMessage(MessageImportance.Normal, "{0}", ReportRenderer.Render(comparison, ReportFormat.Text));
        Log.LogMessage(MessageImportance.High, "{0}", "PerfGate: " + GateDiagnostics.Summary(comparison));
        var locator = new SourceLocator(SourceFiles.Select(f => f.ItemSpec));
        foreach (var d in GateDiagnostics.For(comparison, Results, comparison.Baseline is null ? null : Baseline, FailOnRegression, locator))
        {
            Report(d);
        }
    }
}
