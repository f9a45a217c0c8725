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

    /// <summary>
    /// Whether a job's display in a BenchmarkDotNet export ("Job-QZTYQL(Toolchain=InProcessEmitToolchain, …)",
    /// "DefaultJob") is this job, as against a job the benchmark class declares for itself.
    /// </summary>
    public bool IsOwn(string display)
    {
        ArgumentNullException.ThrowIfNull(display);
        if (Arguments.Count == 0)
        {
            return display == "DefaultJob";
        }

        // BenchmarkDotNet names a command-line job "Job-" and six capitals, and lists the characteristics it sets.
        var open = display.IndexOf('(', StringComparison.Ordinal);
        if (open != 10 || !display.EndsWith(')') || !display.StartsWith("Job-", StringComparison.Ordinal))
        {
            return false;
        }

        var shown = display[(open + 1)..^1].Split(", ").ToHashSet(StringComparer.Ordinal);
        return Characteristics.All(shown.Contains);
    }

    /// <summary>The characteristics BenchmarkDotNet shows for this job's <see cref="Arguments"/>.</summary>
    private IEnumerable<string> Characteristics
    {
        get
        {
            for (var i = 0; i < Arguments.Count; i++)
            {
                switch (Arguments[i])
                {
                    case "--inProcess":
                        yield return "Toolchain=InProcessEmitToolchain";
                        break;
                    case "--warmupCount" when i + 1 < Arguments.Count:
                        yield return "WarmupCount=" + Arguments[++i];
                        break;
                    case "--iterationCount" when i + 1 < Arguments.Count:
                        yield return "IterationCount=" + Arguments[++i];
                        break;
                    case "--iterationTime" when i + 1 < Arguments.Count:
                        yield return "IterationTime=" + Arguments[++i] + "ms";
                        break;
                }
            }
        }
    }

    /// <summary>The same job with another launch count.</summary>
    public BenchmarkJob WithLaunches(int launches) =>
        launches >= 1 ? this with { Launches = launches } : throw new ArgumentOutOfRangeException(nameof(launches));

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Launches} launches)");
}
