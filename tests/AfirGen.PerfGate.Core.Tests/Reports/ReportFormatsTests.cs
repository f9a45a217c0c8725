using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Tests.Reports;

public sealed class ReportFormatsTests
{
    [Theory]
    [InlineData("text", ReportFormat.Text)]
    [InlineData("Detailed", ReportFormat.Detailed)]
    [InlineData("markdown", ReportFormat.Markdown)]
    [InlineData("md", ReportFormat.Markdown)]
    [InlineData("JSON", ReportFormat.Json)]
    [InlineData(" html ", ReportFormat.Html)]
    public void KnownNamesParse(string name, ReportFormat expected) =>
        Assert.Equal(expected, ReportFormats.Parse(name, "--format"));

    [Fact]
    public void EveryFormatRoundTripsThroughItsName()
    {
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            Assert.Equal(format, ReportFormats.Parse(format.ToName(), "--format"));
            Assert.Equal(format, ReportRenderer.For(format).Format);
        }
    }

    [Fact]
    public void UnknownNameIsAnInputErrorNamingTheSource()
    {
        var e = Assert.Throws<InputException>(() => ReportFormats.Parse("pdf", "--format"));
        Assert.Equal("--format", e.File);
        Assert.Contains("'pdf' is not a report format", e.Message);
    }
}
