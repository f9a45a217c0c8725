using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Cli.Commands.Run;

/// <summary>Measures one kind of benchmark for <c>perfgate run</c> (micro, or the config's api/db/cache scenarios), reporting each result as soon as it exists so that Ctrl+C keeps what was measured.</summary>
internal interface ICategoryRunner
{
    /// <summary>Runs everything selected, calling <paramref name="report"/> once per result.</summary>
    /// <exception cref="RunFailedException">The run cannot be done (a target is down at start).</exception>
    Task RunAsync(Action<BenchmarkResult> report, CancellationToken cancellationToken);

    /// <summary>What was not run because its service was not available, once <see cref="RunAsync"/> has finished.</summary>
    IReadOnlyList<SkippedScenario> Skipped => [];
}
