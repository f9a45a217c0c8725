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
            Assert.Equal(Descriptive.Quantile(diffs, 0.5), HodgesLehmann.Estimate(x, y), 1e-12);
            Assert.Equal(HodgesLehmann.Shift(x, y, 0.9).Estimate, HodgesLehmann.Estimate(x, y), 1e-12);
        }
    }

    [Fact]
    public void EstimateIsEquivariantUnderShift()
    {
        double[] x = [1, 5, 2, 8, 3];
        double[] y = [2, 6, 4, 9];
        Assert.Equal(HodgesLehmann.Estimate(x, y) + 3, HodgesLehmann.Estimate(x, y.Select(v => v + 3).ToArray()), 1e-12);
    }
}
