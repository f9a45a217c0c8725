namespace AfirGen.PerfGate.Comparison;

/// <summary>How the verdict is made; defaults are the product's promises on a noisy shared machine.</summary>
public sealed record ComparisonSettings
{
    /// <summary>Relative change below which a difference is never called a regression (default 5%).</summary>
    public double Threshold { get; init; } = 0.05;

    /// <summary>Family-wise false-alarm rate for the whole suite (default 1%).</summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>Launch-to-launch spread assumed when neither the data nor the baseline tells it (default 10%, what BenchmarkDotNet's default job moves between launches on a shared 2-core runner).</summary>
    public double LaunchNoise { get; init; } = 0.10;

    /// <summary>Allowed relative increase of allocated bytes per operation (default 0: any increase fails).</summary>
    public double AllocationThreshold { get; init; }

    /// <summary>Times below this many nanoseconds are at the timer's resolution and never regress on their own.</summary>
    public double TimeFloorNanoseconds { get; init; } = 0.5;

    /// <summary>Whether an inconclusive result fails the gate (<c>--fail-on inconclusive</c>), for teams that want a decided verdict or a red build.</summary>
    public bool FailOnInconclusive { get; init; }

    /// <summary>
    /// Paired rounds per look when the results come from <c>perfgate ab</c>'s sequential design
    /// (<see cref="SequentialDesign"/>): each benchmark is then tested at its look's share of the alpha. Null for one look.
    /// </summary>
    public int? RoundsPerLook { get; init; }
}
