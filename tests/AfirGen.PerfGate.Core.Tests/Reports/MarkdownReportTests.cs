using System.Text.RegularExpressions;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Tests.Reports;

public sealed partial class MarkdownReportTests
{
    [Fact]
    public void HostileIdsNeverBreakTheTableOrComeAlive()
    {
        var markdown = new MarkdownReport().Render(SampleComparison.WithIds(HostileIds.All));
        var lines = markdown.Split('\n');
        var tableRows = lines.Where(l => l.StartsWith('|')).ToList();
        Assert.True(tableRows.Count >= HostileIds.All.Count + 4);
        Assert.All(tableRows, row => Assert.Equal(5, row.Count(c => c == '|')));
        Assert.DoesNotContain("](", markdown);
        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!--", markdown);
        Assert.DoesNotContain("http://", markdown);
        Assert.DoesNotContain("https://", markdown);
        Assert.DoesNotContain("www.", markdown);
        Assert.DoesNotContain("\u202E", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2066", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", markdown);
        Assert.DoesNotMatch(Mention(), markdown);
        Assert.DoesNotMatch(UnescapedMarkup(), markdown);
        Assert.All(lines, l => Assert.False(l.StartsWith("::", StringComparison.Ordinal), l));
        Assert.Contains(new string('A', 200) + "…", markdown);
        Assert.DoesNotContain(new string('A', 201), markdown);
    }

    [Fact]
    public void TheLinkToTheFullReportIsShown()
    {
        var markdown = new MarkdownReport(new Uri("https://github.com/o/r/actions/runs/1")).Render(SampleComparison.Create());
        Assert.Contains("[Full report](https://github.com/o/r/actions/runs/1)", markdown);
    }

    [Fact]
    public void FiveThousandBenchmarksStayUnderTheCapWithANote()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => $"Company.Product.Benchmarks.Bench{i:D4}.Method(Size: {i})").ToList();
        var markdown = new MarkdownReport().Render(SampleComparison.WithIds(ids));
        Assert.True(markdown.Length < MarkdownReport.DefaultMaxLength, $"{markdown.Length} chars");
        Assert.Matches(@"\n> \d+ rows omitted; see the full report \(report\.html / comparison\.json\)", markdown);
        Assert.Contains("| Verdict | Benchmark | Change [CI] | Base → current |", markdown);
        Assert.Contains("<details>", markdown);
        Assert.Contains("</details>", markdown);
    }

    [Fact]
    public void ChangedRowsComeWorstFirst()
    {
        var markdown = new MarkdownReport().Render(SampleComparison.Create());
        var changed = markdown[..markdown.IndexOf("<details>", StringComparison.Ordinal)];
        // What fails the gate, then what warns, then the rest.
        var order = new[] { " regressed |", " sla-violated |", " failed |", " inconclusive |", " missing |", " improved |", " new |" }
            .Select(v => changed.IndexOf(v, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain(" unchanged |", changed);
    }

    [Theory]
    [InlineData(Verdict.Regressed, "## ❌")]
    [InlineData(Verdict.Inconclusive, "## ⚠️")]
    [InlineData(Verdict.Unchanged, "## ✅")]
    public void HeadlineShowsTheSuiteVerdict(Verdict verdict, string headline)
    {
        var sample = SampleComparison.Create();
        var comparison = sample with
        {
            Warnings = [],
            Benchmarks = [sample.Benchmarks[0] with { Verdict = verdict }],
        };
        Assert.StartsWith(headline, new MarkdownReport().Render(comparison));
    }

    // An @ followed by a word character would notify someone.
    [GeneratedRegex(@"@\w")]
    private static partial Regex Mention();

    // Markdown punctuation that is not preceded by a backslash, inside a benchmark cell (second column).
    [GeneratedRegex(@"^\| [^|]* \| [^|]*(?<!\\)[`*_~\[\]]", RegexOptions.Multiline)]
    private static partial Regex UnescapedMarkup();
}
