using System.Runtime.CompilerServices;

namespace AfirGen.PerfGate.Model;

/// <summary>
/// perfgate's reference kernel: fixed integer and memory work whose time says how fast this machine runs, so that a
/// baseline measured on a machine three times slower (the same CPU name, another host) is not read as code three
/// times faster. The fastest of many repetitions is kept: interference only adds time.
/// </summary>
public static class MachineSpeed
{
    /// <summary>Machines whose kernels differ by more than this factor either way are not compared on time.</summary>
    public const double ComparableFactor = 1.25;

    private const int Repetitions = 41;
    private static readonly uint[] Table = CreateTable();

    /// <summary>The kernel's time on this machine in nanoseconds: the fastest of its repetitions after a warmup.</summary>
    public static double Measure()
    {
        var best = double.PositiveInfinity;
        var sink = 0u;
        for (var i = 0; i < Repetitions + 5; i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            sink ^= Kernel(Table, 1u + (uint)i);
            var ticks = System.Diagnostics.Stopwatch.GetTimestamp() - start;
            if (i >= 5)
            {
                best = Math.Min(best, ticks * 1e9 / System.Diagnostics.Stopwatch.Frequency);
            }
        }

        GC.KeepAlive(sink);
        return best;
    }

    /// <summary>How many times slower the current machine ran the kernel than the baseline's (below 1: faster); null when either is unknown.</summary>
    public static double? Ratio(double? baseline, double? current) =>
        baseline is > 0 && current is > 0 ? current.Value / baseline.Value : null;

    /// <summary>Whether a kernel ratio is beyond <see cref="ComparableFactor"/> either way.</summary>
    public static bool Differs(double ratio) => ratio > ComparableFactor || ratio < 1 / ComparableFactor;

    // About a millisecond: dependent table lookups (memory latency within the caches) and multiply-xorshift steps.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static uint Kernel(uint[] table, uint seed)
    {
        var x = seed;
        var index = 0u;
        for (var i = 0; i < 200_000; i++)
        {
            index = table[(index ^ x) & (uint)(table.Length - 1)];
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x = unchecked((x * 2654435761u) + index);
        }

        return x;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[1 << 14]; // 64 KB: beyond the first-level cache, within the second
        var x = 2463534242u;
        for (var i = 0; i < table.Length; i++)
        {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            table[i] = x;
        }

        return table;
    }
}
