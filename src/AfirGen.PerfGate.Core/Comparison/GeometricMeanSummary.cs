using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Comparison;

/// <summary>
/// The suite's overall change: the geometric mean of per-benchmark time ratios, with a 95% interval that carries each
/// benchmark's own uncertainty (not the spread between benchmarks, which says how different they are, not how sure we are).
/// </summary>
/// <param name="Ratio">Geometric mean ratio, current over baseline.</param>
/// <param name="CiLower">Lower bound at the suite's confidence (1 − alpha).</param>
/// <param name="CiUpper">Upper bound at the suite's confidence.</param>
/// <param name="Count">Benchmarks it is computed from.</param>
public sealed record GeometricMeanSummary(double Ratio, double? CiLower, double? CiUpper, int Count)
{
    /// <summary>The method, as written in comparison.json.</summary>
    public const string Method = "mean of log ratios; interval at the suite's confidence (1 - alpha), standard error the mean of the benchmarks' own";

    /// <summary>
    /// Averages the log ratios; each benchmark's standard error is read back from its interval and confidence, and the
    /// mean's standard error is their mean, (Σ se) / n. When every benchmark moved clearly one way, so does the interval.
    /// </summary>
    /// <remarks>
    /// The interval is drawn at the suite's own confidence, 1 − <paramref name="alpha"/>, so that it never sounds surer than
    /// the verdicts: a single inconclusive benchmark does not get a suite interval that clears zero.
    /// </remarks>
    public static GeometricMeanSummary? Of(IEnumerable<MetricComparison> times, double alpha)
    {
        ArgumentNullException.ThrowIfNull(times);
        var items = times.Where(m => m.Ratio is { } r && r > 0 && double.IsFinite(r)).ToList();
        if (items.Count == 0)
        {
            return null;
        }

        var mean = items.Average(m => Math.Log(m.Ratio!.Value));
        var sum = 0.0;
        foreach (var m in items)
        {
            if (StandardError(m) is not { } se)
            {
                // One benchmark without an interval leaves the suite's interval unknown rather than too narrow.
                return new GeometricMeanSummary(Math.Exp(mean), null, null, items.Count);
            }

            sum += se;
        }

        // Not sqrt(Σ se²) / n: the benchmarks of one run share its machine, so their errors move together (a slower
        // runner slows them all). The standard deviation of an average is at most the average of the standard
        // deviations, whatever the correlation, so this interval holds without knowing it.
        var half = Normal.Quantile(1 - (alpha / 2)) * sum / items.Count;
        return new GeometricMeanSummary(Math.Exp(mean), Math.Exp(mean - half), Math.Exp(mean + half), items.Count);
    }

    private static double? StandardError(MetricComparison m)
    {
        if (m is not { CiLower: { } lo, CiUpper: { } hi, Confidence: { } c } || lo <= 0 || hi <= 0 || !double.IsFinite(hi) || c <= 0 || c >= 1)
        {
            return null;
        }

        return (Math.Log(hi) - Math.Log(lo)) / (2 * Normal.Quantile(1 - ((1 - c) / 2)));
    }
}
