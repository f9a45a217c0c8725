using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Tests.Reports;

/// <summary>Every hostile name through every report format of Core: shapes hold, nothing comes alive, nothing starts a workflow command.</summary>
public sealed partial class HostileNameTests
{
    [Fact]
    public void ThereAreAtLeastFiftyHostileNames() => Assert.True(HostileIds.All.Count >= 50, $"{HostileIds.All.Count} names");

    [Theory]
    [InlineData(ReportFormat.Text)]
    [InlineData(ReportFormat.Detailed)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Html)]
    public void HumanReportsKeepEveryNameInertOnOneLine(ReportFormat format)
    {
        var text = ReportRenderer.Render(SampleComparison.WithIds(HostileIds.All), format);

        AssertInert(text);
        // A 10,000-character name is cut for people; the HTML keeps up to 1,000 in its tooltip and row.
        Assert.DoesNotContain(new string('A', 1001), text, StringComparison.Ordinal);
        Assert.Contains("AAAA…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainTextReportsShowEveryBenchmarkOnOneLine()
    {
        var comparison = SampleComparison.WithIds(HostileIds.All);
        var lines = new DetailedReport().Render(comparison).Split('\n');

        Assert.Equal(HostileIds.All.Count, lines.Count(l => (l.StartsWith("✓ ", StringComparison.Ordinal) || l.StartsWith("✗ ", StringComparison.Ordinal) || l.StartsWith("? ", StringComparison.Ordinal)) && l.EndsWith(']')));
        Assert.All(lines, l => Assert.True(l.Length < 2_000, $"a line of {l.Length} characters"));
    }

    [Fact]
    public void MarkdownTableKeepsFourColumnsAndNoLiveMarkup()
    {
        var markdown = new MarkdownReport().Render(SampleComparison.WithIds(HostileIds.All));
        var rows = markdown.Split('\n').Where(l => l.StartsWith('|')).ToList();

        Assert.True(rows.Count >= HostileIds.All.Count + 4);
        Assert.All(rows, row => Assert.Equal(5, row.Count(c => c == '|')));
        Assert.DoesNotMatch(LiveMarkdown(), markdown);
        Assert.DoesNotMatch(Mention(), markdown);
        // Seven to forty hex digits standing alone are linked to the commit they name.
        var commit = CommitLink().Match(markdown);
        Assert.False(commit.Success, "commit link: " + commit.Value);
        var link = IssueLink().Match(markdown);
        Assert.False(link.Success, "issue link: " + link.Value);
        Assert.DoesNotMatch(RawTag(), markdown.Replace("<details>", "", StringComparison.Ordinal).Replace("</details>", "", StringComparison.Ordinal)
            .Replace("<summary>", "", StringComparison.Ordinal).Replace("</summary>", "", StringComparison.Ordinal));
        // Nothing a name holds can close the report's own <details> (the notes and the full table).
        Assert.Equal(2, Regex.Count(markdown, "<details>"));
        Assert.Equal(2, Regex.Count(markdown, "</details>"));
    }

    [Fact]
    public void HtmlBodyParsesWithOneRowOfSevenCellsPerName()
    {
        var html = new HtmlReport().Render(SampleComparison.WithIds(HostileIds.All));
        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..(html.IndexOf("</body>", StringComparison.Ordinal) + 7)];
        var document = new XmlDocument();
        document.LoadXml(body);

        var rows = document.SelectNodes("//table/tbody/tr")!.Cast<XmlNode>().ToList();
        Assert.Equal(HostileIds.All.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(7, r.SelectNodes("td")!.Count));
        Assert.Empty(document.SelectNodes("//script|//img|//a|//iframe|//svg//*[@onload]|//*[@onmouseover]|//*[@onerror]")!.Cast<XmlNode>());
    }

    [Fact]
    public void JsonReportKeepsEveryNameWhole()
    {
        var json = new JsonReport().Render(SampleComparison.WithIds(HostileIds.All));
        using var document = JsonDocument.Parse(json);
        var ids = document.RootElement.GetProperty("benchmarks").EnumerateArray().Select(b => b.GetProperty("id").GetString()).ToList();

        // Ill-formed UTF-16 (a lone surrogate) cannot be JSON text: it is carried as U+FFFD; every other name is kept exactly, 10,000 characters included.
        Assert.Equal(HostileIds.All.Select(WellFormed), ids);
        Assert.All(json.Split('\n'), l => Assert.False(l.StartsWith("::", StringComparison.Ordinal)));
    }

    internal static void AssertInert(string text) => HostileNameChecks.AssertInert(text);

    private static string WellFormed(string text) => string.Concat(text.EnumerateRunes().Select(r => r.ToString()));

    // A link or image: "](", an autolink "<http", or a bare URL GitHub would link.
    [GeneratedRegex(@"\]\(|<https?:|https?://|www\.|mailto:", RegexOptions.IgnoreCase)]
    private static partial Regex LiveMarkdown();

    [GeneratedRegex(@"(?<![0-9A-Za-z_])[0-9A-Fa-f]{7,40}(?![0-9A-Za-z_])")]
    private static partial Regex CommitLink();

    // "@name" with a letter right after the @ pings someone.
    [GeneratedRegex(@"(^|[^\w])@[A-Za-z0-9]")]
    private static partial Regex Mention();

    [GeneratedRegex(@"(^|[^\\\w&])#\d|\bGH-\d", RegexOptions.IgnoreCase)]
    private static partial Regex IssueLink();

    [GeneratedRegex(@"<[A-Za-z!/]")]
    private static partial Regex RawTag();
}
