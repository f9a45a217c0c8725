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
        var results = new Argument<string>("RESULTS") { Description = "Results: a perfgate output folder (its stored verdict), a results.json, a BenchmarkDotNet JSON export, or a folder of them" };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline results to compare with (decides again, instead of a folder's stored verdict)" };
        var format = new Option<string>("--format") { Description = "text, detailed, markdown, json or html", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file (atomically) instead of standard output" };
        var gate = new GateOptions();
        var command = new Command("report", "Render a report of results, compared with a baseline when one is given") { results, baseline, format, output };
        gate.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var reportFormat = ReportFormats.Parse(parse.GetValue(format)!, "--format");
            if (parse.GetValue(output) is { } target)
            {
                RefuseOverwritingAnInput(target, parse.GetValue(results)!, parse.GetValue(baseline));
            }

            var comparison = gate.Verdict(parse, parse.GetValue(results)!, parse.GetValue(baseline));
            cancellationToken.ThrowIfCancellationRequested();
            var text = ReportRenderer.Render(comparison, reportFormat);
            if (parse.GetValue(output) is { } file)
            {
                AtomicFile.WriteAllText(file, text);
            }
            else
            {
                console.Out.Write(text);
            }

            return Task.FromResult(comparison.ExitCode);
        });
        return command;
    }

    // The report must never take the place of what it reports on: a results file, a baseline, or an output folder's own files.
    private static void RefuseOverwritingAnInput(string output, string results, string? baseline)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new InputException("--output", null, "is empty; name a file to write the report to");
        }

        var inputs = new List<string> { results };
        if (baseline is not null)
        {
            inputs.Add(baseline);
        }

        foreach (var folder in inputs.Where(Directory.Exists).ToList())
        {
            inputs.AddRange([Path.Combine(folder, ResultLoader.ResultsFileName), Path.Combine(folder, JsonReport.BaselineFileName), Path.Combine(folder, ComparisonReader.FileName)]);
        }

        if (inputs.FirstOrDefault(i => AtomicFile.SameFile(output, i)) is { } input)
        {
            throw new InputException("--output", null, $"'{PlainText.Clean(output, 200)}' is {PlainText.Clean(input, 200)}, which this report reads; writing there would replace it");
        }
    }
}
