using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Tests.Statistics;

public sealed class HodgesLehmannTests
{
    [Fact]
    public void SelectionEstimateEqualsTheSortedMedianOfDifferences()
    {
        var rng = new Random(5);
        for (var trial = 0; trial < 500; trial++)
        {
            var x = Enumerable.Range(0, rng.Next(1, 40)).Select(_ => Math.Round(rng.NextDouble() * 10, rng.Next(0, 3))).ToArray();
            var y = Enumerable.Range(0, rng.Next(1, 40)).Select(_ => Math.Round(rng.NextDouble() * 10, rng.Next(0, 3))).ToArray();
            var diffs = y.SelectMany(b => x.Select(a => b - a)).Order().ToArray();
            // Selection returns one of the differences (or the mean of two): equal to the last bit, not only close.
            Assert.Equal(Descriptive.Quantile(diffs, 0.5), HodgesLehmann.Estimate(x, y));
            Assert.Equal(HodgesLehmann.Shift(x, y, 0.9).Estimate, HodgesLehmann.Estimate(x, y), 1e-12);
        }
    }

    [Fact]
    public void EstimateIsExactForLargeSamplesWithHeavyTiesAndOutliers()
    {
        // Past 256 differences the median is bracketed by a sample before it is selected: every shape of data must
        // still give the very value the sorted differences give.
        var rng = new Random(23);
        for (var trial = 0; trial < 400; trial++)
        {
            var distinct = rng.Next(1, 6) == 1 ? rng.Next(1, 4) : 1_000_000; // now and then only one to three values
            double Draw() => trial % 7 == 0 && rng.Next(20) == 0 ? 1e6 * rng.NextDouble() : rng.Next(distinct) / 7.0 - (trial % 3);
            var x = Enumerable.Range(0, rng.Next(1, 130)).Select(_ => Draw()).ToArray();
            var y = Enumerable.Range(0, rng.Next(1, 130)).Select(_ => Draw()).ToArray();
            var diffs = y.SelectMany(b => x.Select(a => b - a)).Order().ToArray();
            Assert.Equal(Descriptive.Quantile(diffs, 0.5), HodgesLehmann.Estimate(x, y));
        }
    }

    [Fact]
    public void EstimateIsEquivariantUnderShift()
    {
        double[] x = [1, 5, 2, 8, 3];
        double[] y = [2, 6, 4, 9];
        Assert.Equal(HodgesLehmann.Estimate(x, y) + 3, HodgesLehmann.Estimate(x, y.Select(v => v + 3).ToArray()), 1e-12);
    }

    [Fact]
    public void MedianAndScaledMadEqualTheirSortedDefinitionsExactly()
    {
        var rng = new Random(11);
        for (var trial = 0; trial < 2000; trial++)
        {
            // Ties (rounded values) and both parities of the count.
            var v = Enumerable.Range(0, rng.Next(1, 70)).Select(_ => Math.Round(rng.NextDouble() * 100, rng.Next(0, 4)) - 50).ToArray();
            var sorted = v.Order().ToArray();
            var median = Descriptive.Quantile(sorted, 0.5);
            Assert.Equal(median, Descriptive.Median(v));
            Assert.Equal(median, Descriptive.Median(v.ToList()));
            var mad = v.Length < 2 ? 0 : 1.4826 * Descriptive.Quantile(v.Select(a => Math.Abs(a - median)).Order().ToArray(), 0.5);
            Assert.Equal(mad, Descriptive.ScaledMad(v));
            Assert.Equal(mad, Descriptive.ScaledMad(v.ToList()));
        }

        Assert.True(double.IsNaN(Descriptive.Median(Array.Empty<double>())));
    }
}
