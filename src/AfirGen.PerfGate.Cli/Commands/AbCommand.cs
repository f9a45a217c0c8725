using System.Globalization;
using System.CommandLine;
using AfirGen.PerfGate.BenchmarkDotNet;

namespace AfirGen.PerfGate.Cli.Commands;

/// <summary><c>perfgate ab --base REF [--head REF]</c>: base and head built from git and run interleaved on this machine.</summary>
internal static class AbCommand
{
    public static Command Create(CliConsole console)
    {
        var baseRef = new Option<string?>("--base") { Description = "The base revision (branch, tag or commit)" };
        var baseProject = new Option<string?>("--base-project") { Description = "Instead of --base: the base as a project already on disk, compared with --project (no git)" };
        var headRef = new Option<string?>("--head") { Description = "The head revision (default: the working tree as it is)" };
        var project = new Option<string?>("--project") { Description = "BenchmarkDotNet project (default: the config's first project)" };
        var rounds = new Option<int>("--rounds") { Description = "Process rounds with --processes (and for benchmarks that cannot be interleaved); each runs base and head once, alternating", DefaultValueFactory = _ => 10 };
        var pairs = new Option<int>("--pairs") { Description = "Quick job: alternating millisecond batches of base and head per benchmark in each worker process", DefaultValueFactory = _ => 50 };
        var workers = new Option<int>("--workers") { Description = "Quick job: worker processes, each interleaving base and head; each is one A/B round", DefaultValueFactory = _ => 12 };
        var processes = new Option<bool>("--processes") { Description = "Quick job: run base and head in alternating processes instead of interleaving them in one" };
        var budget = new Option<string>("--budget")
        {
            Description = "Quick job: time the interleaved looks may take; benchmarks still undecided get further looks while it lasts (e.g. 600, 90s, 15m)",
            DefaultValueFactory = _ => "15m",
        };
        var output = OutputFolder.NotEmpty(new Option<string>("--out") { Description = "Folder for results.json (head), baseline.json (base), comparison.json and the reports", DefaultValueFactory = _ => OutputFolder.Default });
        var micro = new MicroOptions();
        var gate = new GateOptions();
        var command = new Command("ab", "Compare two git revisions on this machine, run interleaved so machine drift cancels") { baseRef, baseProject, headRef, project, rounds, pairs, workers, processes, budget, output };
        micro.AddTo(command);
        gate.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = gate.Load(parse);
            var projectPath = parse.GetValue(project) ?? (loaded.Projects.Count > 0 ? loaded.Projects[0] : null)
                ?? throw new InputException("perfgate ab", "--project", "name a BenchmarkDotNet project with --project or list one in perfgate.json");
            if ((parse.GetValue(baseRef) is null) == (parse.GetValue(baseProject) is null))
            {
                throw new InputException("perfgate ab", "--base", "name the base revision with --base, or a base project on disk with --base-project");
            }

            var workerCount = parse.GetValue(workers) >= 3 ? parse.GetValue(workers) : throw new InputException("--workers", null, "at least 3 worker processes are needed");
            // Interleaved runs are a sequential design of looks of workerCount rounds each; the verdicts test each benchmark at its look's share of alpha.
            var config = loaded with { Comparison = loaded.Comparison with { RoundsPerLook = workerCount } };
            var options = new AbOptions
            {
                Project = projectPath,
                BaseRef = parse.GetValue(baseRef),
                BaseProject = parse.GetValue(baseProject),
                HeadRef = parse.GetValue(headRef),
                Rounds = parse.GetValue(rounds),
                Pairs = parse.GetValue(pairs) >= 10 ? parse.GetValue(pairs) : throw new InputException("--pairs", null, "at least 10 pairs are needed"),
                Processes = workerCount,
                Budget = Budget(parse.GetValue(budget)!),
                Undecided = (b, c) => Comparison.SuiteComparer.Compare(b, c, config).Benchmarks
                    .Where(x => x.Verdict == Comparison.Verdict.Inconclusive).Select(x => x.Id).ToList(),
                WorkerCommand = WorkerCommand(),
                WorkerEnvironment = WorkerEnvironment(Environment.GetEnvironmentVariable),
                Run = micro.Read(parse),
            };
            // Measured (docs/runner.md): alternating default-job processes took 76 s a benchmark, side and round, and saw a
            // 10% slowdown as +1.6%; interleaving decides the same question in about 10 s.
            if (options.Run.Job.Name != BenchmarkJob.Quick.Name)
            {
                throw new InputException("--job", null,
                    $"ab measures with the quick job, interleaved (or in alternating processes with --processes); BenchmarkDotNet's {options.Run.Job.Name} job is for run, as it saw a 10% slowdown as +1.6% in 76 s a benchmark");
            }

            options = options with { Interleave = !parse.GetValue(processes) };
            if (!options.Interleave)
            {
                config = loaded;
            }

            var outcome = await ProgressDisplay.RunAsync(progress => AbRunner.RunAsync(options with { Run = options.Run with { Progress = progress } }, cancellationToken)).ConfigureAwait(false);
            console.Error.WriteLine(options.Interleave
                ? string.Create(CultureInfo.InvariantCulture,
                    $"perfgate: compared base {outcome.Base} with head {outcome.Head}, interleaved in {outcome.Looks} look{(outcome.Looks == 1 ? "" : "s")} of {options.Processes} worker processes of {options.Pairs} pairs a benchmark, {outcome.Elapsed.TotalSeconds:0} s")
                : $"perfgate: compared base {outcome.Base} with head {outcome.Head}, {options.Rounds} process rounds");
            // The machine's own noise in this run, said beside the verdicts: a loaded machine shows here, not as a false alarm.
            if (RunNoise.Measure(outcome.Baseline, outcome.Current) is { } noise)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"perfgate: noise in this run: a benchmark's rounds moved ±{(Math.Exp(noise.Spread) - 1) * 100:0.0}% from one to the next (the median of {noise.Benchmarks} benchmark{(noise.Benchmarks == 1 ? "" : "s")}){LoadAverage()}"));
            }

            if (outcome.MeasuredInProcesses.Count > 0)
            {
                var n = outcome.MeasuredInProcesses.Count;
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"perfgate: {n} benchmark{(n == 1 ? "" : "s")} cannot be interleaved, so {(n == 1 ? "it was" : "they were")} measured in {options.Rounds} alternating rounds of BenchmarkDotNet processes instead: {string.Join("; ", outcome.MeasuredInProcesses.Select(m => $"{m.Key} ({m.Value})"))}"));
            }

            if (outcome.BudgetSpentOn.Count > 0)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"perfgate: the budget of {options.Budget.TotalSeconds:0} s would not fit another look for the {outcome.BudgetSpentOn.Count} benchmark{(outcome.BudgetSpentOn.Count == 1 ? "" : "s")} still undecided; give a larger --budget to decide them"));
            }

            var outDir = parse.GetValue(output)!;
            return Run.GateRun.Finish(console, config, outcome.Baseline, outcome.Current, outDir, outcome.Cancelled);
        });
        return command;
    }

    // "; load average 3.1" where the system tells it (Linux), else nothing.
    private static string LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
                ? string.Create(CultureInfo.InvariantCulture, $"; load average {load:0.0} on {Environment.ProcessorCount} cores") : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>A duration as seconds, or with a unit: 600, 90s, 15m, 1h.</summary>
    internal static TimeSpan Budget(string text)
    {
        var t = text.Trim();
        var (number, unit) = t.Length > 0 && char.IsLetter(t[^1]) ? (t[..^1], char.ToLowerInvariant(t[^1])) : (t, 's');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || !double.IsFinite(value)
            || unit is not ('s' or 'm' or 'h'))
        {
            throw new InputException("--budget", null, $"'{text}' is not a duration; give seconds or a number with s, m or h, e.g. 600, 90s, 15m");
        }

        var seconds = value * unit switch { 'm' => 60, 'h' => 3600, _ => 1 };
        return seconds <= TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : throw new InputException("--budget", null, $"'{text}' is too long");
    }

    // The worker is this very tool, started again with its hidden command: the same runtime and settings on both sides.
    private static string[] WorkerCommand()
    {
        var entry = System.Reflection.Assembly.GetEntryAssembly()!.Location;
        return ["dotnet", entry, InterleaveWorkerCommand.Name];
    }

    // The tool's runtimeconfig tunes the JIT for a short-lived command (no tiered PGO, no delay before hot methods are
    // optimised). The worker runs the user's benchmarks, which must see the runtime's defaults as BenchmarkDotNet's own
    // processes do; the environment outranks the runtimeconfig, and a value the user set is kept.
    internal static Dictionary<string, string> WorkerEnvironment(Func<string, string?> current)
    {
        var defaults = new Dictionary<string, string>
        {
            ["DOTNET_TieredPGO"] = "1",
            ["DOTNET_TC_CallCountingDelayMs"] = "100",
        };
        foreach (var name in defaults.Keys.ToList())
        {
            if (current(name) is not null)
            {
                defaults.Remove(name);
            }
        }

        return defaults;
    }
}
