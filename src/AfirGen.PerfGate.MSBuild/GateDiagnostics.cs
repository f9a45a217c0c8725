using System.Globalization;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.MSBuild;

/// <summary>Turns the gate's verdict into build diagnostics, one clear line each, pointing at the file each one concerns.</summary>
internal static class GateDiagnostics
{
    private const int MaxTextLength = 300;

    /// <summary>Every diagnostic for <paramref name="comparison"/>; gate failures are errors unless <paramref name="failOnRegression"/> is false.</summary>
    public static IReadOnlyList<GateDiagnostic> For(SuiteComparison comparison, string resultsPath, string? baselinePath, bool failOnRegression, SourceLocator? locator)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var list = new List<GateDiagnostic>();
        GateDiagnostic At(string code, bool error, BenchmarkComparison b, string message)
        {
            var where = b.Category == Category.Micro ? locator?.Find(b.Id) : null;
            return where is null
                ? new GateDiagnostic(code, error, resultsPath, 0, 0, message)
                : new GateDiagnostic(code, error, where.File, where.Line, where.Column, message);
        }

        foreach (var b in comparison.Benchmarks)
        {
            var id = PlainText.Clean(b.Id);
            switch (b.Verdict)
            {
                case Verdict.Failed:
                    list.Add(At(DiagnosticCodes.BenchmarkFailed, failOnRegression, b, $"{id} failed: {PlainText.Clean(b.Error ?? "no measurements", MaxTextLength)}"));
                    continue;
                case Verdict.Missing:
                    list.Add(new GateDiagnostic(DiagnosticCodes.MissingBenchmark, false, baselinePath ?? resultsPath, 0, 0, $"{id} is in the baseline but not in the current results"));
                    continue;
                case Verdict.Inconclusive when b.Metrics.FirstOrDefault(m => m.Verdict == Verdict.Inconclusive) is { } m:
                    var decide = m.Hint is { } hint ? PlainText.Clean(hint, MaxTextLength) : "measure more launches or use `perfgate ab`";
                    list.Add(At(DiagnosticCodes.Inconclusive, failOnRegression && comparison.FailsGate(Verdict.Inconclusive), b,
                        $"{Subject(id, m)} is inconclusive: {Change(m)}{Evidence(m)} is too noisy to tell; {decide}"));
                    continue;
            }

            foreach (var m in b.Metrics.Where(m => m.Verdict == Verdict.Regressed))
            {
                list.Add(At(DiagnosticCodes.Regression, failOnRegression, b, $"{Subject(id, m)} regressed {Change(m)}{Evidence(m)}"));
            }

            foreach (var c in b.Checks.Where(c => !c.Passed))
            {
                list.Add(At(DiagnosticCodes.SlaBroken, failOnRegression, b,
                    $"{id} broke the SLA threshold {PlainText.Clean(c.Threshold.Text)}: measured {DisplayFormat.ThresholdValue(c.Threshold.Metric, c.Actual)}"));
            }
        }

        AddRunWarnings(comparison, resultsPath, baselinePath, list);
        return list;
    }

    /// <summary>One line for the build log, in the words of every other output ("failed · 3 benchmarks · fails the gate: 1 regressed · 2 unchanged · against the baseline").</summary>
    public static string Summary(SuiteComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var against = comparison.Baseline is null ? "no baseline: SLA thresholds only" : "against the baseline";
        return GateText.Line(comparison) + " · " + against;
    }

    private static void AddRunWarnings(SuiteComparison comparison, string resultsPath, string? baselinePath, List<GateDiagnostic> list)
    {
        foreach (var w in comparison.Warnings)
        {
            var (code, file) = w.Kind switch
            {
                WarningKind.NoiseAssumed => (DiagnosticCodes.NoiseAssumed, resultsPath),
                WarningKind.Skipped => (DiagnosticCodes.ScenarioSkipped, resultsPath),
                WarningKind.ThresholdUnused => (DiagnosticCodes.ThresholdUnused, resultsPath),
                WarningKind.EnvironmentDiffers => (DiagnosticCodes.EnvironmentDiffers, baselinePath ?? resultsPath),
                WarningKind.SetupDiffers => (DiagnosticCodes.SetupDiffers, baselinePath ?? resultsPath),
                WarningKind.MachineSpeedDiffers => (DiagnosticCodes.MachineSpeedDiffers, baselinePath ?? resultsPath),
                WarningKind.BaselineIncomplete => (DiagnosticCodes.IncompleteResults, baselinePath ?? resultsPath),
                _ => (DiagnosticCodes.IncompleteResults, resultsPath),
            };
            list.Add(new GateDiagnostic(code, false, file, 0, 0, PlainText.Clean(w.Text, MaxTextLength)));
        }
    }

    private static string Subject(string id, MetricComparison m) => m.Metric == ComparedMetric.Time ? id : $"{id} {m.Metric.ToName()}";

    private static string Change(MetricComparison m) => m.Ratio is { } r ? DisplayFormat.ChangeWithCi(r, m.CiLower, m.CiUpper) : "";

    // Allocations are compared exactly and carry no p-value: their values say more.
    private static string Evidence(MetricComparison m) => m switch
    {
        { PValue: { } p } => $" ({DisplayFormat.PValue(p)})",
        { Baseline: { } b, Current: { } c } => $" ({DisplayFormat.MetricValue(m.Metric, b)} -> {DisplayFormat.MetricValue(m.Metric, c)})",
        _ => "",
    };
}
