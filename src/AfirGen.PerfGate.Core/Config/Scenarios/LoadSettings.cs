namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>How a scenario is loaded: the levels, the load model, warmup, the measured phase and the per-call timeout.</summary>
public sealed record LoadSettings
{
    /// <summary>The default concurrency levels.</summary>
    public static IReadOnlyList<int> DefaultLevels { get; } = [1, 5, 10, 15];

    /// <summary>Closed model: the numbers of concurrent workers, one result per level.</summary>
    public IReadOnlyList<int> Levels { get; init; } = DefaultLevels;

    /// <summary>Open model: arrival rates in operations per second, one result per rate; empty for the closed model.</summary>
    public IReadOnlyList<double> Rates { get; init; } = [];

    /// <summary>Open model: most operations in flight at once (workers); null means enough for the rate.</summary>
    public int? Connections { get; init; }

    /// <summary>Load applied before measuring; not recorded.</summary>
    public LoadAmount Warmup { get; init; } = LoadAmount.For(TimeSpan.FromSeconds(1));

    /// <summary>The measured phase.</summary>
    public LoadAmount Measure { get; init; } = LoadAmount.For(TimeSpan.FromSeconds(10));

    /// <summary>The longest one operation may take before it counts as a timeout error.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether the open model (constant arrival rate) is used.</summary>
    public bool IsOpen => Rates.Count > 0;
}
