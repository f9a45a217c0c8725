using System.Globalization;
using AfirGen.PerfGate.Statistics;
using AfirGen.PerfGate.Tests.IO;

namespace AfirGen.PerfGate.Tests.Statistics;

/// <summary>
/// The normal and Student t tails and quantiles against 50-digit mpmath values (data/distributions.tsv, made by
/// data/generate-distributions.py), from tails of 0.4 down to 10⁻¹⁵ and 1 to 100,000 degrees of freedom: where a
/// Bonferroni-corrected interval over a large suite is drawn, 1 − 5·10⁻⁷ and beyond.
/// </summary>
public sealed class DistributionTailTests
{
    private const double Relative = 1e-10;

    public static TheoryData<string, double, double, double> Cases()
    {
        var data = new TheoryData<string, double, double, double>();
        foreach (var line in File.ReadLines(TestData.Path("distributions.tsv")).Where(l => !l.StartsWith('#')))
        {
            var f = line.Split('\t');
            data.Add(f[0], f[1] == "-" ? double.NaN : Parse(f[1]), Parse(f[2]), Parse(f[3]));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TailsAndQuantilesHoldTenDigits(string distribution, double df, double tail, double quantile)
    {
        var (upper, atQuantile, lower) = distribution == "t"
            ? (StudentT.Quantile(1 - tail, df), StudentT.UpperTail(quantile, df), StudentT.Quantile(tail, df))
            : (Normal.Quantile(1 - tail), Normal.UpperTail(quantile), Normal.Quantile(tail));

        // 1 − tail is itself rounded to a double: near 1 that moves the quantile, so the upper one is held to what that rounding allows.
        var rounding = Math.Abs((1 - tail) - (1 - (double)(decimal)tail)) + (tail * 1e-16);
        Assert.True(Near(atQuantile, tail, Relative), $"{distribution} df={df}: P(X ≥ {quantile}) = {atQuantile:R}, expected {tail:R}");
        Assert.True(Near(-lower, quantile, Relative), $"{distribution} df={df}: quantile({tail:R}) = {lower:R}, expected {-quantile:R}");
        Assert.True(Near(upper, quantile, Relative + (tail > 1e-6 ? 0 : 1e-16 / tail)), $"{distribution} df={df}: quantile(1 − {tail:R}) = {upper:R}, expected {quantile:R} (rounding {rounding:E1})");
    }

    [Fact]
    public void TwoSidedPValuesAreTwiceTheTail()
    {
        Assert.Equal(1, StudentT.TwoSidedPValue(0, 5));
        Assert.Equal(StudentT.TwoSidedPValue(-3, 7), StudentT.TwoSidedPValue(3, 7));
        var t = StudentT.Quantile(1 - 2.5e-7, 4);
        Assert.True(Near(StudentT.TwoSidedPValue(t, 4), 5e-7, 1e-9));
        Assert.True(StudentT.TwoSidedPValue(1e6, 2) is > 0 and < 1e-11);
    }

    [Fact]
    public void EdgesAreWhatTheDistributionSays()
    {
        Assert.Equal(0, StudentT.Quantile(0.5, 3));
        Assert.Equal(double.PositiveInfinity, StudentT.Quantile(1, 3));
        Assert.Equal(double.NegativeInfinity, StudentT.Quantile(0, 3));
        Assert.True(double.IsNaN(StudentT.Quantile(0.9, 0)));
        Assert.True(double.IsNaN(StudentT.Quantile(1.5, 3)));
        Assert.Equal(0.5, StudentT.UpperTail(0, 9), 15);
        Assert.Equal(0, StudentT.UpperTail(double.PositiveInfinity, 9));
        Assert.True(Near(StudentT.UpperTail(-2, 9), 1 - StudentT.UpperTail(2, 9), 1e-15));
    }

    private static bool Near(double actual, double expected, double relative) =>
        Math.Abs(actual - expected) <= relative * Math.Abs(expected);

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
