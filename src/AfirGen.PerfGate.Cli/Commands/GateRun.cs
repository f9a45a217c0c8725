using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary>The common end of every gating command: compare, write the output folder, print the summary, pick the exit code.</summary>
internal static class GateRun
{
    public static int Finish(CliConsole console, PerfGateConfig config, ResultSet? baseline, ResultSet current,
        string outDirectory, bool cancelled, string? saveBaseline = null)
    {
        var comparison = SuiteComparer.Compare(baseline, current, config);
        OutputFolder.Write(outDirectory, comparison);
        console.Out.Write(ReportRenderer.Render(comparison, ReportFormat.Text));
        if (cancelled)
        {
            console.Error.WriteLine($"perfgate: cancelled: partial results written to {outDirectory}, marked incomplete");
            return ExitCodes.Cancelled;
        }

        if (saveBaseline is not null)
        {
            Baselines.Save(current, saveBaseline, config.Comparison);
            console.Error.WriteLine($"perfgate: baseline saved to {saveBaseline}");
        }

        return comparison.Passed ? ExitCodes.Passed : ExitCodes.GateFailed;
    }
}
