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
        var runner = new LaunchRunner(built, options.Job, options.IdleTimeout, work.Path) { OnBenchmarkStarted = tracker.Started };
        var methods = await SelectAsync(runner, options, project, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The methods to run: the filter's, narrowed to the shard; a filter that selects nothing is bad input.</summary>
    internal static async Task<IReadOnlyList<string>> SelectAsync(LaunchRunner runner, MicroRunOptions options, string project, CancellationToken cancellationToken)
    {
        var all = await runner.ListAsync(options.Filter, cancellationToken).ConfigureAwait(false);
        if (all.Count == 0)
        {
            throw NoneSelected(project, options.Filter);
        }

        return options.Shard is { } shard ? all.Where(shard.Contains).ToList() : all;
    }

    /// <summary>The bad input of a project or filter that selects nothing.</summary>
    internal static InputException NoneSelected(string project, IReadOnlyList<string>? filter) => filter is null
        ? new InputException(project, null, "holds no benchmarks")
        : new InputException(project, "--filter", $"{string.Join(" ", filter.Select(f => $"'{f}'"))} {(filter.Count == 1 ? "selects" : "select")} no benchmarks");
}
