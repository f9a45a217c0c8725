using System.CommandLine;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.BenchmarkDotNet;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary><c>perfgate run</c>: measures, compares with the baseline when given, writes the output folder and gates.</summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var projects = new Option<string[]>("--project") { Description = "BenchmarkDotNet project to run (repeatable; default: the config's projects)", Arity = ArgumentArity.ZeroOrMore };
        var micro = new MicroOptions();
        var baseline = new Option<string?>("--baseline") { Description = "Baseline results to compare with" };
        var output = new Option<string>("--out") { Description = "Folder for results.json, comparison.json, summary.txt, report.md, report.html", DefaultValueFactory = _ => OutputFolder.Default };
        var save = new Option<string?>("--save-baseline") { Description = "Also save the results as a baseline (default file: " + Baselines.DefaultFile + ")", Arity = ArgumentArity.ZeroOrOne };
        var gate = new GateOptions();
        var command = new Command("run", "Run benchmarks, compare with a baseline, report and gate") { projects, baseline, output, save };
        micro.AddTo(command);
        gate.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = gate.Load(parse);
            var baseResults = parse.GetValue(baseline) is { } b ? ResultLoader.Load(b) : null;
            var list = parse.GetValue(projects) is { Length: > 0 } given ? given : config.Projects;
            if (list.Count == 0)
            {
                throw new InputException("perfgate run", "--project", "nothing to run: name a BenchmarkDotNet project with --project or list projects in perfgate.json");
            }

            var options = micro.Read(parse);
            var outcome = await ProgressDisplay.RunAsync(progress => RunAllAsync(list, options with { Progress = progress }, cancellationToken)).ConfigureAwait(false);
            var saveTo = parse.GetResult(save) is null ? null : parse.GetValue(save) ?? Baselines.DefaultFile;
            return GateRun.Finish(console, config, baseResults, outcome.Results, parse.GetValue(output)!, outcome.Cancelled, saveTo);
        });
        return command;
    }

    private static async Task<RunOutcome> RunAllAsync(IReadOnlyList<string> projects, MicroRunOptions options, CancellationToken cancellationToken)
    {
        var parts = new List<(string, ResultSet)>();
        foreach (var project in projects)
        {
            var outcome = await MicroRunner.RunAsync(project, options, cancellationToken).ConfigureAwait(false);
            parts.Add((project, outcome.Results));
            if (outcome.Cancelled)
            {
                return new RunOutcome(ResultSets.Merge(parts) with { Incomplete = true }, Cancelled: true);
            }
        }

        return new RunOutcome(ResultSets.Merge(parts), Cancelled: false);
    }
}
