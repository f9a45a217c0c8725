using System.Text.RegularExpressions;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;
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
    public void ChromiumDrawsTheLoadChartsOfALoadRun()
    {
        var levels = new[] { 1, 5, 10, 15 }.Select(c => LoadChartsTests.Level("api/get_session_status", c)).ToArray();
        var comparison = SuiteComparer.Compare(null, new ResultSet { CreatedAt = DateTimeOffset.UnixEpoch, Benchmarks = levels }, PerfGateConfig.Default);
        var dom = RenderInChromium("load.html", new HtmlReport().Render(comparison));

        Assert.Contains("<section id=\"load\">", dom, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(dom, "<svg class=\"load\""));
        Assert.True(Regex.Count(dom, "<polyline") >= 4, "latency percentiles and throughput are drawn as lines");
    }

    [Fact]
    public void ChromiumDrawsTheChangeChartAndSamplesOfAnAbRun()
    {
        // Twelve interleaved rounds, head 10% slower: the evidence is paired by round.
        var rng = new Random(3);
        BenchmarkResult Side(double center) => new()
        {
            Id = "Suite.Parse",
            Launches = [.. Enumerable.Range(0, 12).Select(round => new Launch([.. Enumerable.Range(0, 20).Select(_ => center * (1 + (0.01 * rng.NextDouble())))], round))],
        };
        var comparison = SuiteComparer.Compare(
            new ResultSet { CreatedAt = DateTimeOffset.UnixEpoch, Benchmarks = [Side(100)] },
            new ResultSet { CreatedAt = DateTimeOffset.UnixEpoch, Benchmarks = [Side(110)] },
            PerfGateConfig.Default);
        var dom = RenderInChromium("ab.html", new HtmlReport().Render(comparison));

        Assert.Contains("PerfGate: failed", dom, StringComparison.Ordinal);
        Assert.Contains("12 A/B rounds, paired by round", dom, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", dom, StringComparison.Ordinal);
        Assert.Matches("<rect class=\"bar\"", dom);
        Assert.Contains("<svg class=\"dist\"", dom, StringComparison.Ordinal);
    }

    private string RenderInChromium(string name, string html)
    {
        var path = System.IO.Path.Combine(folder, name);
        File.WriteAllText(path, html);
        return Chromium.Run(System.IO.Path.Combine(folder, "profile-" + name), "--dump-dom", new Uri(path).AbsoluteUri);
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
