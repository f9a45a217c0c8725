namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>How much load a phase applies: for a duration, or a number of operations.</summary>
/// <param name="Duration">Run for this long, when set.</param>
/// <param name="Iterations">Run this many operations in all (shared by the workers), when set.</param>
public readonly record struct LoadAmount(TimeSpan? Duration, long? Iterations)
{
    /// <summary>No load at all (e.g. no warmup).</summary>
    public static LoadAmount None { get; } = new(TimeSpan.Zero, null);

    /// <summary>A phase that runs for <paramref name="duration"/>.</summary>
    public static LoadAmount For(TimeSpan duration) => new(duration, null);

    /// <summary>A phase that runs <paramref name="iterations"/> operations.</summary>
    public static LoadAmount Count(long iterations) => new(null, iterations);

    /// <summary>Whether the phase does nothing.</summary>
    public bool IsNone => Iterations is null or 0 && (Duration is null || Duration <= TimeSpan.Zero);

    /// <inheritdoc />
    public override string ToString() => Iterations is { } n
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n} iterations")
        : DurationText.Format(Duration ?? TimeSpan.Zero);
}
