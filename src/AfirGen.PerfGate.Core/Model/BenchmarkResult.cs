namespace AfirGen.PerfGate.Model;

/// <summary>One benchmark or scenario level: its identity, raw evidence and status.</summary>
public sealed record BenchmarkResult
{
    /// <summary>Unique name in the result set, e.g. "Sample.Bench.Parse(Size: 10)" or "api/get_fir@c10".</summary>
    public required string Id { get; init; }

    /// <summary>What kind of thing was measured.</summary>
    public Category Category { get; init; } = Category.Micro;

    /// <summary>Benchmark parameters (name to display value), in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Whether it produced measurements.</summary>
    public BenchmarkStatus Status { get; init; } = BenchmarkStatus.Succeeded;

    /// <summary>Why it failed, when it did.</summary>
    public string? Error { get; init => field = value is null ? null : Secrets.Redact(value); }

    /// <summary>Micro-benchmarks: the raw samples of each launch.</summary>
    public IReadOnlyList<Launch> Launches { get; init; } = [];

    /// <summary>Micro-benchmarks: allocation and GC per operation, when the memory diagnoser ran.</summary>
    public MemoryInfo? Memory { get; init; }

    /// <summary>Scenarios: the latency distribution.</summary>
    public LatencySummary? Latency { get; init; }

    /// <summary>Scenarios: load, throughput, errors, hit rate and the histogram.</summary>
    public ScenarioInfo? Scenario { get; init; }

    /// <summary>Relative launch-to-launch spread (standard deviation of log launch medians) measured when this result was made, if known.</summary>
    public double? LaunchNoise { get; init; }

    /// <summary>Every micro sample of every launch, in order.</summary>
    public IEnumerable<double> AllSamples => Launches.SelectMany(l => l.Samples);

    /// <inheritdoc />
    public bool Equals(BenchmarkResult? other) =>
        other is not null && Id == other.Id && Category == other.Category && Parameters.SequenceEqual(other.Parameters)
        && Status == other.Status && Error == other.Error && Launches.SequenceEqual(other.Launches)
        && Equals(Memory, other.Memory) && Equals(Latency, other.Latency) && Equals(Scenario, other.Scenario)
        && LaunchNoise.Equals(other.LaunchNoise);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Category, Status);
}
