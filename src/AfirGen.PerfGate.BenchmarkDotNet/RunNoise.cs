using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>
/// How noisy the machine was during an A/B run, from the run itself: for each benchmark, how much the head-to-base
/// ratio of its rounds moved from round to round (robust spread of the log ratios), and the median of that over the
/// benchmarks. On a quiet machine the rounds of one benchmark agree within a few percent; a co-tenant widens it.
/// </summary>
/// <param name="Spread">The median benchmark's round-to-round spread of the log ratio (a robust standard deviation).</param>
/// <param name="Benchmarks">The benchmarks with at least three paired rounds that it was taken over.</param>
public sealed record RunNoise(double Spread, int Benchmarks)
{
    /// <summary>The noise of the run whose sides are <paramref name="baseline"/> and <paramref name="current"/>; null with no benchmark of three paired rounds.</summary>
    public static RunNoise? Measure(ResultSet baseline, ResultSet current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var bases = baseline.Benchmarks.Where(b => b.Status == BenchmarkStatus.Succeeded).ToDictionary(b => b.Id, StringComparer.Ordinal);
        var spreads = new List<double>();
        foreach (var head in current.Benchmarks.Where(b => b.Status == BenchmarkStatus.Succeeded))
        {
            if (!bases.TryGetValue(head.Id, out var @base))
            {
                continue;
            }

            var baseRounds = Medians(@base);
            var ratios = Medians(head).Where(r => baseRounds.ContainsKey(r.Key) && baseRounds[r.Key] > 0 && r.Value > 0)
                .Select(r => Math.Log(r.Value / baseRounds[r.Key])).ToList();
            if (ratios.Count >= 3)
            {
                var middle = Descriptive.Median(ratios);
                spreads.Add(1.4826 * Descriptive.Median(ratios.Select(x => Math.Abs(x - middle))));
            }
        }

        return spreads.Count == 0 ? null : new RunNoise(Descriptive.Median(spreads), spreads.Count);
    }

    private static Dictionary<int, double> Medians(BenchmarkResult b) => b.Launches.Where(l => l.Round is not null && l.Samples.Count > 0)
        .GroupBy(l => l.Round!.Value).ToDictionary(g => g.Key, g => Descriptive.Median(g.SelectMany(l => l.Samples)));
}
