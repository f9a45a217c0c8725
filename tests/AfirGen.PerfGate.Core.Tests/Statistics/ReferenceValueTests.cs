using AfirGen.PerfGate.Statistics;

namespace AfirGen.PerfGate.Tests.Statistics;

// Reference values were computed independently with SciPy 1.10.1 (Debian 12's python3-scipy):
// scipy.stats.norm.ppf/cdf/sf, scipy.stats.t.ppf, scipy.stats.mannwhitneyu, numpy.quantile (default, type 7),
// and for the Hodges–Lehmann interval a brute-force Python enumeration of the exact null distribution of U.
public sealed class ReferenceValueTests
{
    [Theory]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(0.025, -1.9599639845400545)]
    [InlineData(0.3, -0.5244005127080409)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.9995, 3.2905267314919255)]
    public void NormalQuantileMatchesScipy(double p, double expected) =>
        Assert.Equal(expected, Normal.Quantile(p), 1e-9);

    [Theory]
    [InlineData(-6, 9.865876450376946e-10)]
    [InlineData(-2.5, 0.006209665325776132)]
    [InlineData(-0.3, 0.3820885778110474)]
    [InlineData(0.0, 0.5)]
    [InlineData(0.7, 0.758036347776927)]
    [InlineData(1.96, 0.9750021048517795)]
    public void NormalCdfMatchesScipy(double z, double expected) =>
        Assert.Equal(expected, Normal.Cdf(z), 1e-12 + (expected * 1e-7));

    [Theory]
    [InlineData(4.5, 3.3976731247300535e-06)]
    [InlineData(8, 6.22096057427174e-16)]
    [InlineData(1.96, 0.024997895148220435)]
    public void NormalUpperTailKeepsRelativePrecision(double z, double expected) =>
        Assert.Equal(expected, Normal.UpperTail(z), expected * 1e-7);

    [Theory]
    [InlineData(0.975, 1, 12.706204736432095)]
    [InlineData(0.975, 2, 4.302652729911275)]
    [InlineData(0.975, 3, 3.182446305284263)]
    [InlineData(0.975, 5, 2.5705818366147395)]
    [InlineData(0.995, 10, 3.169272667175838)]
    [InlineData(0.975, 30, 2.0422724563012373)]
    [InlineData(0.9, 4, 1.533206273713144)]
    [InlineData(0.025, 7, -2.3646242510103)]
    public void StudentTQuantileMatchesScipy(double p, double df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(p, df), Math.Abs(expected) * 1e-4);

    [Theory]
    [InlineData(2.5, 5, 0.054490099342376204)]
    [InlineData(1.0, 3, 0.39100221895577053)]
    [InlineData(4.0, 7, 0.005189913349296813)]
    [InlineData(10.0, 10, 1.5895531755964102e-06)]
    [InlineData(0.2, 2, 0.8599719915971991)]
    public void StudentTTwoSidedPValueMatchesScipy(double t, double df, double expected) =>
        Assert.Equal(expected, StudentT.TwoSidedPValue(t, df), expected * 2e-3);

    [Fact]
    public void SignedRankMatchesScipyWilcoxon()
    {
        double[] d = [0.5, -0.2, 1.3, 0.8, -0.1, 0.9, 1.1, 0.4, 0.05, 0.7, -0.3, 0.6, 1.0, 0.2, 0.35, -0.05, 0.45, 0.75, 0.15, 0.55, 0.25];
        var (shift, p) = SignedRank.Estimate(d, 0.95);
        Assert.Equal(0.0007462409687938389, p, 1e-9); // scipy.stats.wilcoxon(d, method='approx', correction=True)
        Assert.Equal(0.45, shift.Estimate, 1e-12);   // median of the Walsh averages, by brute force
        Assert.True(shift.Lower < 0.45 && shift.Upper > 0.45 && shift.Lower > 0);
    }

    private static readonly double[] X = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
    private static readonly double[] Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

    [Fact]
    public void MannWhitneyExactMatchesScipy()
    {
        double[] y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.07, 3.14, 1.28]; // Y without its ties
        Assert.Equal(23.0, MannWhitney.U(X, y));
        Assert.Equal(0.13591114767585355, MannWhitney.TwoSidedPValue(X, y), 1e-12);
    }

    [Fact]
    public void MannWhitneyFallsBackToTieCorrectedNormalWithTies()
    {
        Assert.Equal(23.0, MannWhitney.U(X, Y));
        Assert.Equal(0.13291945818531892, MannWhitney.TwoSidedPValue(X, Y), 1e-12);
    }

    [Fact]
    public void MannWhitneyWithTiesMatchesScipyAsymptotic()
    {
        double[] x = [1, 2, 2, 3, 4, 5, 5, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
        double[] y = [3, 4, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25];
        Assert.Equal(380.5, MannWhitney.U(x, y));
        Assert.Equal(0.10928160464790185, MannWhitney.TwoSidedPValue(x, y), 1e-9);
    }

    [Theory]
    [InlineData(0.95, -1.183, 0.37)]
    [InlineData(0.99, -1.42, 0.66)]
    public void HodgesLehmannIntervalMatchesBruteForceEnumeration(double confidence, double lo, double hi)
    {
        var shift = HodgesLehmann.Shift(X, Y, confidence);
        Assert.Equal(-0.56, shift.Estimate, 1e-12);
        Assert.Equal(lo, shift.Lower, 1e-12);
        Assert.Equal(hi, shift.Upper, 1e-12);
    }

    [Fact]
    public void QuantileIsType7LikeNumpy()
    {
        double[] sorted = [1, 2, 3, 4, 5, 10];
        Assert.Equal(3.5, Descriptive.Quantile(sorted, 0.5), 1e-12);
        Assert.Equal(8.75, Descriptive.Quantile(sorted, 0.95), 1e-12);
        Assert.Equal(9.75, Descriptive.Quantile(sorted, 0.99), 1e-12);
    }

    [Fact]
    public void TooFewValuesGiveAnUnboundedInterval()
    {
        var shift = HodgesLehmann.Shift([1.0, 2.0], [3.0, 4.0], 0.99);
        Assert.True(double.IsNegativeInfinity(shift.Lower));
        Assert.True(double.IsPositiveInfinity(shift.Upper));
    }
}
