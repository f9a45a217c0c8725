namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>What to run of a BenchmarkDotNet project and how.</summary>
public sealed record MicroRunOptions
{
    /// <summary>BenchmarkDotNet glob over Namespace.Type.Method; null runs everything.</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>The target framework to build a multi-targeting project for; null chooses the newest one this runtime runs.</summary>
    public string? Framework { get; init; }

    /// <summary>The job: iteration settings and launch count.</summary>
    public BenchmarkJob Job { get; init; } = BenchmarkJob.Quick;

    /// <summary>Only this slice of the suite, when set.</summary>
    public Shard? Shard { get; init; }

    /// <summary>How long a benchmark process may print nothing before it is taken as hung, stopped, and its benchmark reported failed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Receives progress, for a live display.</summary>
    public Action<RunProgress>? Progress { get; init; }
}
