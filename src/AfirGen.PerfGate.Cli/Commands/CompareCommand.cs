using System.CommandLine;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary><c>perfgate compare BASELINE CURRENT</c>: the verdict on current results against a baseline.</summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var baseline = new Argument<string>("BASELINE") { Description = "Baseline results: a results.json, a BenchmarkDotNet JSON export, or a folder of them" };
        var current = new Argument<string>("CURRENT") { Description = "Current results, in any of the same forms" };
        var output = OutputFolder.NotEmpty(new Option<string>("--out") { Description = "Folder for results.json, comparison.json, summary.txt, report.md, report.html", DefaultValueFactory = _ => OutputFolder.Default });
        var gate = new GateOptions();
        var command = new Command("compare", "Compare current results with a baseline and gate on regressions and SLA thresholds") { baseline, current, output };
        gate.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = gate.Load(parse);
            var baseTask = Task.Run(() => ResultLoader.Load(parse.GetValue(baseline)!), cancellationToken);
            var currentTask = Task.Run(() => ResultLoader.Load(parse.GetValue(current)!), cancellationToken);
            await Task.WhenAll(baseTask, currentTask).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var comparison = SuiteComparer.Compare(await baseTask.ConfigureAwait(false), await currentTask.ConfigureAwait(false), config);
            console.Out.Write(OutputFolder.Write(parse.GetValue(output)!, comparison));
            return comparison.Passed ? ExitCodes.Passed : ExitCodes.GateFailed;
        });
        return command;
    }
}
