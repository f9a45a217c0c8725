using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>Runs a BenchmarkDotNet project: builds it once, then runs the job's launches, each a fresh process.</summary>
public static class MicroRunner
{
    /// <summary>Runs <paramref name="project"/>; cancellation returns what was measured so far, marked incomplete.</summary>
    public static async Task<RunOutcome> RunAsync(string project, MicroRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var work = new WorkDirectory();
        options.Progress?.Invoke(new RunProgress("building " + Path.GetFileName(project), null, 0, 0));
        var built = await ProjectBuilder.BuildAsync(project, options.Framework, cancellationToken).ConfigureAwait(false);
        var source = await Git.SourceAsync(Path.GetDirectoryName(built.ProjectPath)!, cancellationToken).ConfigureAwait(false);
        var tracker = new ProgressTracker(options.Progress);
        var (runner, methods) = await PrepareAsync(built, options, project, work.Path, tracker, cancellationToken).ConfigureAwait(false);
        tracker.Total = methods.Count * options.Job.Launches;

        var accumulator = new LaunchAccumulator();
        try
        {
            for (var launch = 1; launch <= options.Job.Launches; launch++)
            {
                tracker.Stage = $"launch {launch}/{options.Job.Launches}";
                accumulator.Add(await runner.RunAsync(methods, cancellationToken).ConfigureAwait(false), round: null);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new RunOutcome(accumulator.Build(source, incomplete: true), Cancelled: true);
        }

        return new RunOutcome(accumulator.Build(source, incomplete: false), Cancelled: false);
    }

    /// <summary>
    /// The launcher of <paramref name="built"/> and the methods to run: the filter's, narrowed to the shard. A project
    /// whose entry point does not take BenchmarkDotNet's arguments (a library, or a test project whose tests call
    /// BenchmarkRunner) runs through a host perfgate builds for it. A filter that selects nothing is bad input.
    /// </summary>
    internal static async Task<(LaunchRunner Runner, IReadOnlyList<string> Methods)> PrepareAsync(BuiltProject built, MicroRunOptions options, string project,
        string work, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        LaunchRunner Runner(BuiltProject b, string name) => new(b, options.Job, options.IdleTimeout, Path.Combine(work, name)) { OnBenchmarkStarted = tracker.Started };
        var runner = Runner(built, "runs");
        IReadOnlyList<string>? listed;
        try
        {
            listed = await runner.ListAsync(options.Filter, cancellationToken).ConfigureAwait(false);
        }
        catch (RunFailedException)
        {
            listed = null; // no entry point that BenchmarkDotNet's --list reaches
        }

        if (listed is { Count: 0 } && options.Filter is not null && (await runner.ListAsync(null, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            throw NoneSelected(project, options.Filter);
        }

        if (listed is not { Count: > 0 })
        {
            tracker.Report("building a BenchmarkSwitcher host for " + Path.GetFileName(built.ProjectPath) + ", which has no entry point of its own that lists benchmarks");
            BuiltProject host;
            try
            {
                host = await BenchmarkHost.BuildAsync(built, Path.Combine(work, "host"), cancellationToken).ConfigureAwait(false);
            }
            catch (RunFailedException e)
            {
                throw new RunFailedException($"{project} has no entry point that lists its benchmarks, and the host perfgate builds for it failed: {e.Message}");
            }

            runner = Runner(host, "runs-hosted");
            listed = await runner.ListAsync(options.Filter, cancellationToken).ConfigureAwait(false);
        }

        if (listed.Count == 0)
        {
            throw NoneSelected(project, options.Filter);
        }

        return (runner, options.Shard is { } shard ? listed.Where(shard.Contains).ToList() : listed);
    }

    /// <summary>The bad input of a project or filter that selects nothing.</summary>
    internal static InputException NoneSelected(string project, IReadOnlyList<string>? filter) => filter is null
        ? new InputException(project, null, "holds no benchmarks")
        : new InputException(project, "--filter", $"{string.Join(" ", filter.Select(f => $"'{f}'"))} {(filter.Count == 1 ? "selects" : "select")} no benchmarks");
}
