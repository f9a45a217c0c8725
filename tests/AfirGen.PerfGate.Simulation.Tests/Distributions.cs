namespace AfirGen.PerfGate.Simulation;

/// <summary>The sample shapes the verdict is calibrated on, each with a coefficient of variation near 5%.</summary>
internal static class Distributions
{
    public static readonly (string Name, Func<Random, double> Draw)[] All =
    [
        ("normal", rng => 1 + (0.05 * Gaussian(rng))),
        ("log-normal", rng => Math.Exp(0.05 * Gaussian(rng))),
        // Two modes, as when a benchmark sometimes hits a slow path (GC, a cache miss): 75% near 1.0, 25% near 1.12.
        ("bimodal", rng => (rng.NextDouble() < 0.75 ? 1.0 : 1.12) * (1 + (0.02 * Gaussian(rng)))),
    ];

    public static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
