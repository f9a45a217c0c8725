using System.Text.RegularExpressions;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Tests.Reports;

public sealed partial class HtmlReportTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("perfgate-html-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ChromiumRendersBannerChartsAndTable()
    {
        var path = System.IO.Path.Combine(folder, "report.html");
        File.WriteAllText(path, new HtmlReport().Render(SampleComparison.Create()));

        var dom = Chromium.Run(System.IO.Path.Combine(folder, "profile-dom"), "--dump-dom", new Uri(path).AbsoluteUri);
        Assert.Contains("id=\"verdict\"", dom);
        Assert.Contains("PerfGate: failed", dom);
        Assert.Contains("<table>", dom);
        Assert.Contains("<svg class=\"chart\"", dom);
        Assert.Contains("<svg class=\"dist\"", dom);
        Assert.Contains("api/get_fir_status@c10", dom);

        var png = System.IO.Path.Combine(folder, "report.png");
        Chromium.Run(System.IO.Path.Combine(folder, "profile-shot"), "--screenshot=" + png, "--window-size=1200,2000", new Uri(path).AbsoluteUri);
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 10_000, $"screenshot is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [Fact]
    public void TheChangeChartShowsTheFirstHundredAndTheTableEveryBenchmark()
    {
        var ids = Enumerable.Range(0, 2 * HtmlReport.MaxChangeBars).Select(i => $"Suite.B{i:000}").ToList();
        var html = new HtmlReport().Render(SampleComparison.WithIds(ids));

        var chart = html[html.IndexOf("<svg class=\"chart\"", StringComparison.Ordinal)..];
        chart = chart[..chart.IndexOf("</svg>", StringComparison.Ordinal)];
        Assert.Equal(HtmlReport.MaxChangeBars, Regex.Count(chart, "<rect class=\"bar\""));
        // New, missing and failed benchmarks have no change to draw: the count is of those that have one.
        var comparable = SampleComparison.WithIds(ids).Benchmarks.Count(b => b.Metrics.Any(m => m.Ratio is not null));
        Assert.Contains($"The first {HtmlReport.MaxChangeBars} of {comparable}, changed ones first", html, StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Contains($"<td class=\"id\">{id}</td>", html, StringComparison.Ordinal));
    }

    [Fact]
    public void ReportReferencesNoExternalUrl()
    {
        var html = new HtmlReport().Render(SampleComparison.Create());
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public void HostileUrlsOnlyAppearAsEscapedText()
    {
        var html = new HtmlReport().Render(SampleComparison.WithIds(HostileIds.All));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        // Any URL left is text between tags, never an attribute value or a style url().
        foreach (Match m in UrlInMarkup().Matches(html))
        {
            Assert.Fail("URL inside markup: " + m.Value);
        }
    }

    [GeneratedRegex(@"(href|src|action|url)\s*[=(]\s*[""']?\s*https?:", RegexOptions.IgnoreCase)]
    private static partial Regex UrlInMarkup();
}
