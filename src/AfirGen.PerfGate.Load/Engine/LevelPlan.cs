using AfirGen.PerfGate.Config.Scenarios;

namespace AfirGen.PerfGate.Load.Engine;

/// <summary>One load level: how many workers, closed or open model, warmup and the measured phase.</summary>
public sealed record LevelPlan
{
    /// <summary>Concurrent workers.</summary>
    public required int Workers { get; init; }

    /// <summary>Open model: arrivals per second; null for the closed model.</summary>
    public double? Rate { get; init; }

    /// <summary>Load before measuring.</summary>
    public LoadAmount Warmup { get; init; } = LoadAmount.None;

    /// <summary>The measured phase.</summary>
    public required LoadAmount Measure { get; init; }

    /// <summary>Open model: a start later than this after its intended time, by a free worker, counts as late.</summary>
    public TimeSpan LateAllowance { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The plans for every level of a scenario's load settings.</summary>
    public static IReadOnlyList<LevelPlan> For(LoadSettings load)
    {
        ArgumentNullException.ThrowIfNull(load);
        return load.IsOpen
            ? [.. load.Rates.Select(r => new LevelPlan { Workers = load.Connections ?? DefaultWorkers(r), Rate = r, Warmup = load.Warmup, Measure = load.Measure })]
            : [.. load.Levels.Select(c => new LevelPlan { Workers = c, Warmup = load.Warmup, Measure = load.Measure })];
    }

    /// <summary>Open model default: enough workers that each waits 20 ms per operation on average before a backlog builds (Little's law), 4 to 256.</summary>
    public static int DefaultWorkers(double rate) => (int)Math.Clamp(Math.Ceiling(rate / 50), 4, 256);

    /// <summary>The level's suffix of a result id: "@c10" (closed) or "@r500" (open).</summary>
    public string IdSuffix => Rate is { } r
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@r{r:0.##}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@c{Workers}");
}
