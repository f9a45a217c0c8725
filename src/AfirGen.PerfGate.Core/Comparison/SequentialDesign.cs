using System.Globalization;

namespace AfirGen.PerfGate.Comparison;

/// <summary>
/// The group-sequential design of <c>perfgate ab</c>: rounds come in looks of a fixed number of worker rounds; after
/// each look the benchmarks still undecided get another. Each look k tests at its own share of the benchmark's alpha,
/// fixed in advance and summing to one, so that by the union bound the chance of a false verdict over every look a
/// benchmark can have stays within its alpha whatever the stopping rule (Bonferroni over looks). Most of the alpha goes
/// to the first look, where most benchmarks are decided, so the first look is nearly as sharp as a single fixed test.
/// </summary>
public static class SequentialDesign
{
    private static readonly double[] Shares = [0.5, 0.25, 0.125, 0.125];

    /// <summary>The most looks a benchmark can have.</summary>
    public static int MaxLooks => Shares.Length;

    /// <summary>The look a benchmark with <paramref name="rounds"/> paired rounds is at, with <paramref name="roundsPerLook"/> rounds a look.</summary>
    public static int Look(int rounds, int roundsPerLook) =>
        Math.Clamp((int)Math.Ceiling(rounds / (double)Math.Max(1, roundsPerLook)), 1, Shares.Length);

    /// <summary>The share of the alpha spent at <paramref name="look"/> (1-based).</summary>
    public static double Share(int look) => Shares[Math.Clamp(look, 1, Shares.Length) - 1];

    /// <summary>How the evidence's note names the look.</summary>
    public static string Describe(int look) => string.Create(CultureInfo.InvariantCulture, $"look {look} of {Shares.Length}");
}
