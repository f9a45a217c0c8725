using System.CommandLine;
using AfirGen.PerfGate.Cli.Commands.Run;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary><c>perfgate run</c>: measures what the config names (its api, db and cache scenarios), compares with a baseline, and gates.</summary>
internal static class RunCommand
{
    private static readonly string[] CategoryNames = ["micro", "api", "db", "cache"];

    public static Command Create(CliConsole console)
    {
        var categories = new Option<string[]>("--category") { Description = "Only these categories: micro, api, db, cache (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var filter = new Option<string?>("--filter") { Description = "Only scenarios whose id matches this glob, e.g. \"api/get_*\"" };
        var baseline = new Option<string?>("--baseline") { Description = "Baseline results to compare with" };
        var output = new Option<string>("--out") { Description = "Folder for results.json, comparison.json, summary.txt, report.md, report.html", DefaultValueFactory = _ => OutputFolder.Default };
        var save = new Option<string?>("--save-baseline") { Description = $"Also save the results as a baseline (default file {BaselineCommand.DefaultFile})", Arity = ArgumentArity.ZeroOrOne };
        var gate = new GateOptions();
        var command = new Command("run", "Run the config's load scenarios (api, db, cache), compare with a baseline, and gate on regressions and SLA thresholds")
        {
            categories, filter, baseline, output, save,
        };
        gate.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = gate.Load(parse);
            var selected = Categories(parse.GetValue(categories) ?? []);
            var glob = parse.GetValue(filter);
            var scenarios = config.Scenarios.Scenarios
                .Where(s => selected.Contains(s.Category))
                .Where(s => glob is null || System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(glob, s.BaseId, ignoreCase: true))
                .ToList();
            var runners = new List<ICategoryRunner>();
            if (scenarios.Count > 0)
            {
                runners.Add(new ScenarioCategoryRunner(scenarios, targetProcessId: null));
            }

            // BenchmarkDotNet projects (category micro) join here as one more runner.
            if (runners.Count == 0)
            {
                throw new InputException(parse.GetValue(gate.Config) ?? "perfgate.json", "$.scenarios", "nothing to run: no scenario matches the selected categories and filter");
            }

            var saveTo = parse.GetResult(save) is null ? null : parse.GetValue(save) ?? BaselineCommand.DefaultFile;
            var options = new GateRunOptions(config, parse.GetValue(baseline), parse.GetValue(output)!, saveTo);
            return await GateRun.RunAsync(console, runners, options, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static HashSet<Category> Categories(string[] names)
    {
        if (names.Length == 0)
        {
            return [.. Enum.GetValues<Category>()];
        }

        return [.. names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(n =>
            Array.IndexOf(CategoryNames, n.ToLowerInvariant()) is var i and >= 0
                ? (Category)i
                : throw new InputException("--category", null, $"'{n}' is not one of: {string.Join(", ", CategoryNames)}"))];
    }
}
