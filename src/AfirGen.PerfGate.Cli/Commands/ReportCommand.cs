using System.CommandLine;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary><c>perfgate report RESULTS --format …</c>: renders results (against a baseline when given) in one format.</summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var results = new Argument<string>("RESULTS") { Description = "Results: a results.json, a BenchmarkDotNet JSON export, or a folder of them" };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline results to compare with" };
        var format = new Option<string>("--format") { Description = "text, detailed, markdown, json or html", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file (atomically) instead of standard output" };
        var gate = new GateOptions();
        var command = new Command("report", "Render a report of results, compared with a baseline when one is given") { results, baseline, format, output };
        gate.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var reportFormat = ReportFormats.Parse(parse.GetValue(format)!, "--format");
            var config = gate.Load(parse);
            var current = ResultLoader.Load(parse.GetValue(results)!);
            var baseResults = parse.GetValue(baseline) is { } b ? ResultLoader.Load(b) : null;
            cancellationToken.ThrowIfCancellationRequested();
            var comparison = SuiteComparer.Compare(baseResults, current, config);
            var text = ReportRenderer.Render(comparison, reportFormat);
            if (parse.GetValue(output) is { } file)
            {
                AtomicFile.WriteAllText(file, text);
            }
            else
            {
                console.Out.Write(text);
            }

            return Task.FromResult(comparison.Passed ? ExitCodes.Passed : ExitCodes.GateFailed);
        });
        return command;
    }
}
