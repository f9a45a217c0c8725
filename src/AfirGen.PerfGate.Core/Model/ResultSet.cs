namespace AfirGen.PerfGate.Model;

/// <summary>One run's results: every benchmark and scenario measured, where and from what source.</summary>
public sealed record ResultSet
{
    /// <summary>The schema identifier written into every results file.</summary>
    public const string SchemaId = "perfgate/results@1";

    /// <summary>When the run finished.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The machine and runtime the results were measured on.</summary>
    public EnvironmentFingerprint Environment { get; init; } = EnvironmentFingerprint.Unknown;

    /// <summary>The source revision measured, when known.</summary>
    public SourceInfo? Source { get; init; }

    /// <summary>True when the run was cancelled or cut short: not every benchmark was measured.</summary>
    public bool Incomplete { get; init; }

    /// <summary>The benchmarks and scenarios, each with a unique <see cref="BenchmarkResult.Id"/>.</summary>
    public IReadOnlyList<BenchmarkResult> Benchmarks { get; init; } = [];

    /// <summary>Scenarios that were not run because their service was not available, each with the reason.</summary>
    public IReadOnlyList<SkippedScenario> Skipped { get; init; } = [];

    /// <summary>How the system under test the api scenarios loaded was set up, when perfgate started it; null otherwise.</summary>
    public SystemSetup? Setup { get; init; }

    /// <summary>
    /// How long perfgate's reference kernel (<see cref="MachineSpeed"/>) took on the machine when these results were
    /// made, in nanoseconds; null when it was not measured. A baseline of a machine whose kernel ran much faster or
    /// slower is not compared on time.
    /// </summary>
    public double? ReferenceNanoseconds { get; init; }

    /// <inheritdoc />
    public bool Equals(ResultSet? other) =>
        other is not null && CreatedAt == other.CreatedAt && Environment == other.Environment && Source == other.Source
        && Incomplete == other.Incomplete && Benchmarks.SequenceEqual(other.Benchmarks) && Skipped.SequenceEqual(other.Skipped)
        && Setup == other.Setup;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CreatedAt, Benchmarks.Count);
}
