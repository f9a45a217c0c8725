using System.CommandLine;
using AfirGen.PerfGate.Cli.Commands.Run;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary><c>perfgate run</c>: measures BenchmarkDotNet projects (micro) and the config's api, db and cache scenarios, compares with a baseline, and gates.</summary>
internal static class RunCommand
{
    private static readonly string[] CategoryNames = ["micro", "api", "db", "cache"];

    public static Command Create(CliConsole console)
    {
        var projects = new Option<string[]>("--project") { Description = "BenchmarkDotNet project to run (repeatable; default: the config's projects)", Arity = ArgumentArity.ZeroOrMore };
        var categories = new Option<string[]>("--category") { Description = "Only these categories: micro, api, db, cache (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var micro = new MicroOptions();
        var baseline = new Option<string?>("--baseline") { Description = "Baseline results to compare with" };
        var output = OutputFolder.NotEmpty(new Option<string>("--out") { Description = "Folder for results.json, comparison.json, summary.txt, report.md, report.html", DefaultValueFactory = _ => OutputFolder.Default });
        var save = new Option<string?>("--save-baseline") { Description = $"Also save the results as a baseline (default file {Baselines.DefaultFile})", Arity = ArgumentArity.ZeroOrOne };
        var gate = new GateOptions();
        var command = new Command("run", "Run benchmarks and load scenarios, compare with a baseline, and gate on regressions and SLA thresholds")
        {
            projects, categories, baseline, output, save,
        };
        micro.AddTo(command);
        gate.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = gate.Load(parse);
            var selected = Categories(parse.GetValue(categories) ?? []);
            var options = micro.Read(parse);
            var runners = new List<ICategoryRunner>();
            var projectList = parse.GetValue(projects) is { Length: > 0 } given ? given : config.Projects;
            if (selected.Contains(Category.Micro) && projectList.Count > 0)
            {
                runners.Add(new MicroCategoryRunner(projectList, options));
            }

            var glob = options.Filter;
            var scenarios = config.Scenarios.Scenarios
                .Where(s => selected.Contains(s.Category))
                .Where(s => glob is null || glob.Any(g => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(g, s.BaseId, ignoreCase: true)))
                .ToList();
            // The target runs only while its api scenarios do: it would otherwise share the cores with the micro-benchmarks.
            var api = scenarios.Where(s => s.Category == Category.Api).ToList();
            if (api.Count > 0)
            {
                runners.Add(config.Target is { } target
                    ? new TargetCategoryRunner(target, pid => new ScenarioCategoryRunner(api, pid))
                    : new ScenarioCategoryRunner(api, targetProcessId: null));
            }

            if (scenarios.Count > api.Count)
            {
                runners.Add(new ScenarioCategoryRunner([.. scenarios.Except(api)], targetProcessId: null));
            }

            if (runners.Count == 0)
            {
                throw new InputException(parse.GetValue(gate.Config) ?? "perfgate run", "--project",
                    "nothing to run: name a BenchmarkDotNet project with --project, or list projects or scenarios in perfgate.json");
            }

            var saveTo = parse.GetResult(save) is null ? null : parse.GetValue(save) ?? Baselines.DefaultFile;
            var gateOptions = new GateRunOptions(config, parse.GetValue(baseline), parse.GetValue(output)!, saveTo);
            return await GateRun.RunAsync(console, runners, gateOptions, cancellationToken).ConfigureAwait(false);
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
