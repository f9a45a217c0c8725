namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>
/// `perfgate ab`: checks out base and head in git worktrees, builds each once, and runs them in interleaved rounds
/// (A B, B A, A B, …) on the same machine, so that the machine's drift falls on both sides alike.
/// </summary>
public static class AbRunner
{
    /// <summary>Runs the comparison; worktrees are removed afterwards, also on failure or cancellation.</summary>
    public static async Task<AbOutcome> RunAsync(AbOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Rounds < 2)
        {
            throw new InputException("--rounds", null, "at least 2 rounds are needed to compare launch by launch");
        }

        if (options.BaseProject is { } baseProject)
        {
            using var scratch = new WorkDirectory();
            var here = new GitRevision(baseProject, null);
            return await RunRoundsAsync(options, Path.GetFullPath(baseProject), here, new GitRevision(options.Project, null), Path.GetFullPath(options.Project), scratch.Path, cancellationToken).ConfigureAwait(false);
        }

        var repository = await Git.TopLevelAsync(Environment.CurrentDirectory, cancellationToken).ConfigureAwait(false);
        var projectInRepo = Path.GetRelativePath(repository, Path.GetFullPath(options.Project));
        if (projectInRepo.StartsWith("..", StringComparison.Ordinal))
        {
            throw new InputException(options.Project, null, $"is not inside the repository {repository}");
        }

        var baseRevision = await Git.ResolveAsync(repository, options.BaseRef ?? throw new InputException("perfgate ab", "--base", "name the base revision"), "--base", cancellationToken).ConfigureAwait(false);
        var headRevision = options.HeadRef is { } h
            ? await Git.ResolveAsync(repository, h, "--head", cancellationToken).ConfigureAwait(false)
            : new GitRevision("working tree", null);

        using var work = new WorkDirectory();
        var worktrees = new List<string>();
        try
        {
            var baseDir = await AddWorktreeAsync(repository, work.Path, "base", baseRevision, worktrees, cancellationToken).ConfigureAwait(false);
            var headDir = headRevision.Commit is null ? repository
                : await AddWorktreeAsync(repository, work.Path, "head", headRevision, worktrees, cancellationToken).ConfigureAwait(false);
            return await RunRoundsAsync(options, Path.Combine(baseDir, projectInRepo), baseRevision, headRevision, Path.Combine(headDir, projectInRepo), work.Path, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var dir in worktrees)
            {
                // Cleanup must run even when the run was cancelled, so it does not take the cancelled token.
                try
                {
                    await Git.RunAsync(repository, CancellationToken.None, "worktree", "remove", "--force", dir).ConfigureAwait(false);
                }
                catch (Git.GitException)
                {
                    await Git.RunAsync(repository, CancellationToken.None, "worktree", "prune").ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task<string> AddWorktreeAsync(string repository, string work, string name, GitRevision revision, List<string> worktrees, CancellationToken cancellationToken)
    {
        var dir = Path.Combine(work, name);
        await Git.RunAsync(repository, cancellationToken, "worktree", "add", "--detach", "--quiet", dir, revision.Commit!).ConfigureAwait(false);
        worktrees.Add(dir);
        return dir;
    }

    private static async Task<AbOutcome> RunRoundsAsync(AbOptions options, string baseProject, GitRevision baseRevision,
        GitRevision headRevision, string headProject, string work, CancellationToken cancellationToken)
    {
        var run = options.Run;
        var tracker = new ProgressTracker(run.Progress);
        tracker.Report("building base " + baseRevision);
        var baseBuilt = await ProjectBuilder.BuildAsync(baseProject, run.Framework, cancellationToken).ConfigureAwait(false);
        tracker.Report("building head " + headRevision);
        var headBuilt = await ProjectBuilder.BuildAsync(headProject, run.Framework, cancellationToken).ConfigureAwait(false);

        var sides = new[]
        {
            new Side("base", new LaunchRunner(baseBuilt, run.Job, run.IdleTimeout, Path.Combine(work, "runs-base")) { OnBenchmarkStarted = tracker.Started }),
            new Side("head", new LaunchRunner(headBuilt, run.Job, run.IdleTimeout, Path.Combine(work, "runs-head")) { OnBenchmarkStarted = tracker.Started }),
        };
        var builds = new[] { baseBuilt, headBuilt };
        string Named(Side side) => side.Name + " " + Path.GetFileName(headProject);
        for (var i = 0; i < sides.Length; i++)
        {
            if (options.Interleave)
            {
                sides[i].Methods = await SelectInterleavedAsync(options, sides[i].Runner, builds[i], Named(sides[i]), work, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                (sides[i].Runner, sides[i].Methods) = await MicroRunner.PrepareAsync(builds[i], run, Named(sides[i]), Path.Combine(work, "runs-" + sides[i].Name), tracker, cancellationToken).ConfigureAwait(false);
            }
        }

        var baseSource = new Model.SourceInfo(baseRevision.Commit, baseRevision.Ref);
        var headSource = headRevision.Commit is null
            ? await Git.SourceAsync(Path.GetDirectoryName(headProject)!, CancellationToken.None).ConfigureAwait(false)
            : new Model.SourceInfo(headRevision.Commit, headRevision.Ref);
        if (options.Interleave)
        {
            var methods = sides[0].Methods.Union(sides[1].Methods, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var done = await InterleaveAsync(options, baseBuilt, headBuilt, methods, work, tracker, baseSource, headSource, cancellationToken).ConfigureAwait(false);
            var cancelledToo = done.Cancelled;
            // A shape the harness cannot call is measured the way BenchmarkDotNet measures it, in alternating processes:
            // a verdict all the same, never a benchmark failed for its shape.
            var notInterleaved = NotInterleaved(done.Baseline.Build(baseSource, false), done.Current.Build(headSource, false));
            if (notInterleaved.Count > 0 && !done.Cancelled)
            {
                var only = run with { Filter = [.. notInterleaved.Keys], Shard = null };
                for (var i = 0; i < sides.Length; i++)
                {
                    (sides[i].Runner, sides[i].Methods) = await MicroRunner.PrepareAsync(builds[i], only, Named(sides[i]),
                        Path.Combine(work, "processes-" + sides[i].Name), tracker, cancellationToken).ConfigureAwait(false);
                }

                cancelledToo = await ProcessRoundsAsync(options, sides, tracker, cancellationToken).ConfigureAwait(false);
                done.Baseline.Replace(notInterleaved.Keys, sides[0].Results.Build(baseSource, cancelledToo));
                done.Current.Replace(notInterleaved.Keys, sides[1].Results.Build(headSource, cancelledToo));
            }

            return new AbOutcome(baseRevision, headRevision, done.Baseline.Build(baseSource, cancelledToo), done.Current.Build(headSource, cancelledToo), cancelledToo)
            {
                Looks = done.Looks,
                Elapsed = done.Elapsed,
                BudgetSpentOn = done.BudgetSpentOn,
                MeasuredInProcesses = notInterleaved,
            };
        }

        var cancelled = await ProcessRoundsAsync(options, sides, tracker, cancellationToken).ConfigureAwait(false);
        return new AbOutcome(baseRevision, headRevision, sides[0].Results.Build(baseSource, cancelled), sides[1].Results.Build(headSource, cancelled), cancelled);
    }

    /// <summary>Runs <see cref="AbOptions.Rounds"/> rounds of one process a side; true when Ctrl+C stopped them.</summary>
    private static async Task<bool> ProcessRoundsAsync(AbOptions options, Side[] sides, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        tracker.Total = options.Rounds * sides.Sum(s => s.Methods.Count);
        try
        {
            for (var round = 1; round <= options.Rounds; round++)
            {
                // Alternate which side goes first, so that a trend within a round does not favour one side.
                foreach (var side in round % 2 == 1 ? sides : sides.Reverse())
                {
                    tracker.Report($"round {round}/{options.Rounds}, {side.Name}");
                    side.Results.Add(await side.Runner.RunAsync(side.Methods, cancellationToken).ConfigureAwait(false), round);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return true;
        }

        return false;
    }

    /// <summary>The methods either side's worker could not call, with the reason (the base side's first).</summary>
    private static Dictionary<string, string> NotInterleaved(Model.ResultSet baseline, Model.ResultSet current)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var b in baseline.Benchmarks.Concat(current.Benchmarks))
        {
            if (b is { Status: Model.BenchmarkStatus.Failed, Error: { } error } && error.StartsWith(Interleaved.BenchmarkDiscovery.NotInterleaved, StringComparison.Ordinal))
            {
                found.TryAdd(b.Id, error[Interleaved.BenchmarkDiscovery.NotInterleaved.Length..]);
            }
        }

        return found;
    }

    /// <summary>
    /// The methods to interleave: as the project's own entry point lists them, or, when it lists none (a test project
    /// whose tests call BenchmarkRunner, with no BenchmarkSwitcher of its own), as the worker finds them by reflection,
    /// narrowed by the filter's globs as BenchmarkDotNet matches them (Namespace.Type.Method, * and ?, any case).
    /// </summary>
    private static async Task<IReadOnlyList<string>> SelectInterleavedAsync(AbOptions options, LaunchRunner runner, BuiltProject built, string project,
        string work, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> listed = [];
        try
        {
            listed = await runner.ListAsync(options.Run.Filter, cancellationToken).ConfigureAwait(false);
        }
        catch (RunFailedException)
        {
            // An entry point that does not take BenchmarkDotNet's arguments: the worker lists the benchmarks instead.
        }

        if (listed.Count == 0)
        {
            var outcome = await ChildProcess.RunAsync(options.WorkerCommand[0], [.. options.WorkerCommand.Skip(1), "--list", "--base-assembly", built.AssemblyPath],
                work, null, TimeSpan.FromMinutes(2), cancellationToken, options.WorkerEnvironment).ConfigureAwait(false);
            if (outcome.ExitCode != 0)
            {
                throw new RunFailedException($"{built.ProjectPath}: listing its benchmarks failed: {outcome.Output.LastOrDefault(l => l.Length > 0) ?? "no output"}");
            }

            listed = outcome.Output.Select(l => l.Trim()).Where(l => l.Length > 0)
                .Where(m => options.Run.Filter is not { } globs || globs.Any(g => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(g, m, ignoreCase: true)))
                .ToList();
        }

        if (listed.Count == 0)
        {
            throw MicroRunner.NoneSelected(project, options.Run.Filter);
        }

        return options.Run.Shard is { } shard ? listed.Where(shard.Contains).ToList() : listed;
    }

    private sealed record Interleaving(LaunchAccumulator Baseline, LaunchAccumulator Current, bool Cancelled, int Looks, TimeSpan Elapsed, IReadOnlyList<string> BudgetSpentOn);

    /// <summary>
    /// The sequential design: looks of <see cref="AbOptions.Processes"/> worker rounds each, the first over every
    /// benchmark, each further one over the benchmarks still undecided, until none is, the design's looks are spent, or
    /// the next look's expected time would overrun the budget.
    /// </summary>
    private static async Task<Interleaving> InterleaveAsync(AbOptions options, BuiltProject baseBuilt, BuiltProject headBuilt, IReadOnlyList<string> methods,
        string work, ProgressTracker tracker, Model.SourceInfo? baseSource, Model.SourceInfo? headSource, CancellationToken cancellationToken)
    {
        var baseline = new LaunchAccumulator();
        var current = new LaunchAccumulator();
        var methodsFile = Path.Combine(work, "methods.txt");
        await File.WriteAllLinesAsync(methodsFile, methods, cancellationToken).ConfigureAwait(false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var maxLooks = options.Undecided is null ? 1 : Comparison.SequentialDesign.MaxLooks;
        HashSet<string>? only = null;
        var looks = 0;
        var lastLook = TimeSpan.Zero;
        var lastCases = 0;
        IReadOnlyList<string> budgetSpentOn = [];
        try
        {
            for (var look = 1; look <= maxLooks; look++)
            {
                string? casesFile = null;
                if (look > 1)
                {
                    var undecided = options.Undecided!(baseline.Build(baseSource, false), current.Build(headSource, false));
                    if (undecided.Count == 0)
                    {
                        break;
                    }

                    var expected = lastLook * undecided.Count / Math.Max(1, lastCases);
                    if (clock.Elapsed + expected > options.Budget)
                    {
                        budgetSpentOn = undecided.Order(StringComparer.Ordinal).ToList();
                        break;
                    }

                    only = undecided.ToHashSet(StringComparer.Ordinal);
                    casesFile = Path.Combine(work, $"cases-{look}.txt");
                    await File.WriteAllLinesAsync(casesFile, only, cancellationToken).ConfigureAwait(false);
                }

                var lookStart = clock.Elapsed;
                tracker.Total = options.Processes;
                var cases = 0;
                for (var worker = 1; worker <= options.Processes; worker++)
                {
                    var round = ((look - 1) * options.Processes) + worker;
                    tracker.Report(look == 1
                        ? $"interleaving base and head, process {worker}/{options.Processes}"
                        : $"look {look}: {only!.Count} undecided, process {worker}/{options.Processes}");
                    var (b, h) = await WorkerAsync(options, baseBuilt, headBuilt, methodsFile, casesFile, Path.Combine(work, $"interleave-{round}"), round, cancellationToken).ConfigureAwait(false);
                    cases = Math.Max(cases, b.Benchmarks.Count);
                    baseline.Add(b, round);
                    current.Add(h, round);
                }

                looks = look;
                lastLook = clock.Elapsed - lookStart;
                lastCases = cases;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new Interleaving(baseline, current, true, looks, clock.Elapsed, []);
        }

        return new Interleaving(baseline, current, false, looks, clock.Elapsed, budgetSpentOn);
    }

    private static async Task<(Model.ResultSet Base, Model.ResultSet Head)> WorkerAsync(AbOptions options, BuiltProject baseBuilt, BuiltProject headBuilt, string methodsFile,
        string? casesFile, string output, int round, CancellationToken cancellationToken)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var args = options.WorkerCommand.Skip(1).Concat(
        [
            "--base-assembly", baseBuilt.AssemblyPath, "--head-assembly", headBuilt.AssemblyPath,
            "--methods", methodsFile, "--pairs", options.Pairs.ToString(invariant), "--out", output,
            "--seed", round.ToString(invariant),
        ]).Concat(casesFile is null ? [] : ["--cases", casesFile]);
        var outcome = await ChildProcess.RunAsync(options.WorkerCommand[0], args, Path.GetDirectoryName(methodsFile)!, null, options.Run.IdleTimeout, cancellationToken, options.WorkerEnvironment).ConfigureAwait(false);
        var baseFile = Path.Combine(output, "base.json");
        if (outcome.ExitCode != 0 || !File.Exists(baseFile))
        {
            var why = outcome.TimedOut ? "timed out" : outcome.Output.LastOrDefault(l => l.Length > 0) ?? $"exit code {outcome.ExitCode}";
            throw new RunFailedException($"the interleaving worker failed: {why}");
        }

        return (IO.ResultsJson.Read(baseFile), IO.ResultsJson.Read(Path.Combine(output, "head.json")));
    }

    private sealed class Side(string name, LaunchRunner runner)
    {
        public string Name { get; } = name;

        public LaunchRunner Runner { get; set; } = runner;

        public IReadOnlyList<string> Methods { get; set; } = [];

        public LaunchAccumulator Results { get; } = new();
    }
}
