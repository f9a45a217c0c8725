using System.Globalization;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>How each launch of a benchmark is run: BenchmarkDotNet's own arguments, and how many launches perfgate makes.</summary>
/// <param name="Name">The job's name as users pass it to <c>--job</c>.</param>
/// <param name="Launches">Separate processes per benchmark for <c>run</c>; launch-to-launch spread is the evidence, so more than one.</param>
/// <param name="Arguments">BenchmarkDotNet command-line arguments for one launch.</param>
public sealed record BenchmarkJob(string Name, int Launches, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// Tuned for CI on a shared 2-core runner (docs/runner.md has the measurements): short iterations,
    /// several launches. Each launch runs in-process in its own fresh host process, so no per-launch rebuild.
    /// </summary>
    public static BenchmarkJob Quick { get; } = new("quick", 3,
        ["--inProcess", "--warmupCount", "3", "--iterationCount", "10", "--iterationTime", "100"]);

    /// <summary>BenchmarkDotNet's default job, one launch as BenchmarkDotNet runs it.</summary>
    public static BenchmarkJob Default { get; } = new("default", 1, []);

    /// <summary>The job of a name; <paramref name="source"/> names the option in errors.</summary>
    public static BenchmarkJob Parse(string name, string source) => name.ToLowerInvariant() switch
    {
        "quick" => Quick,
        "default" => Default,
        _ => throw new InputException(source, null, $"unknown job '{name}'; use quick or default"),
    };

    /// <summary>The same job with another launch count.</summary>
    public BenchmarkJob WithLaunches(int launches) =>
        launches >= 1 ? this with { Launches = launches } : throw new ArgumentOutOfRangeException(nameof(launches));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Launches} launches)");
}
