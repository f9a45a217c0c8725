using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Tests.Reports;

public sealed class DisplayFormatTests
{
    [Theory]
    [InlineData(0.4567, "0.457ns")]
    [InlineData(812.44, "812.4ns")]
    [InlineData(1_234.5, "1.235μs")]
    [InlineData(45_230_000, "45.23ms")]
    [InlineData(134_200_000, "134.2ms")]
    [InlineData(2_500_000_000, "2.500s")]
    [InlineData(double.NaN, "n/a")]
    public void TimesUseTheLargestUnitWithFourDigits(double ns, string expected)
    {
        using var scope = new CultureScope("de-DE");
        Assert.Equal(expected, DisplayFormat.Time(ns));
    }

    [Theory]
    [InlineData(512, "512B")]
    [InlineData(1536, "1.50KB")]
    [InlineData(3 * 1024 * 1024 + 419_430, "3.40MB")]
    public void BytesAre1024Based(double bytes, string expected)
    {
        using var scope = new CultureScope("de-DE");
        Assert.Equal(expected, DisplayFormat.Bytes(bytes));
    }

    [Theory]
    [InlineData(1.082, "+8.2%")]
    [InlineData(0.875, "-12.5%")]
    [InlineData(0.99999, "+0.0%")]
    [InlineData(1.0, "+0.0%")]
    public void ChangesAreSignedPercents(double ratio, string expected)
    {
        using var scope = new CultureScope("de-DE");
        Assert.Equal(expected, DisplayFormat.Change(ratio));
    }

    [Fact]
    public void ChangeWithCiShowsBothBounds()
    {
        using var scope = new CultureScope("de-DE");
        Assert.Equal("+8.2% [+3.1%, +13.6%]", DisplayFormat.ChangeWithCi(1.082, 1.031, 1.136));
        Assert.Equal("+8.2%", DisplayFormat.ChangeWithCi(1.082, null, 1.136));
    }

    [Theory]
    [InlineData(0.00001, "p<0.0001")]
    [InlineData(0.0031, "p=0.0031")]
    [InlineData(0.4167, "p=0.42")]
    public void PValuesKeepTheirInformativeDigits(double p, string expected)
    {
        using var scope = new CultureScope("de-DE");
        Assert.Equal(expected, DisplayFormat.PValue(p));
    }

    [Fact]
    public void OtherUnitsAreInvariant()
    {
        using var scope = new CultureScope("de-DE");
        Assert.Equal("92.0%", DisplayFormat.Percent(0.92));
        Assert.Equal("99.86%", DisplayFormat.Confidence(0.9986));
        Assert.Equal("1234.5/s", DisplayFormat.Rate(1234.5));
        Assert.Equal("2024-01-15T10:30:00Z", DisplayFormat.Timestamp(new DateTimeOffset(2024, 1, 15, 11, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal("1.50KB", DisplayFormat.MetricValue(ComparedMetric.Allocated, 1536));
        Assert.Equal("80.0%", DisplayFormat.ThresholdValue(ThresholdMetric.HitRate, 0.8));
    }
}

public sealed class LegacyWorkflowCommandTests
{
    [Theory]
    [InlineData("Suite.Parse ##[error]pwned")]
    [InlineData("##[add-mask]x")]
    [InlineData("a\n##[group]b")]
    public void NoLineCarriesALegacyWorkflowCommandAnywhere(string text)
    {
        var clean = PlainText.Clean(text);

        Assert.DoesNotContain("##[", clean, StringComparison.Ordinal);
        Assert.Contains("#＃[", clean, StringComparison.Ordinal);
    }
}
