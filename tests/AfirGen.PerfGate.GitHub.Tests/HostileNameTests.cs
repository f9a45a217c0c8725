using AfirGen.PerfGate.Tests.Reports;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>Every hostile name through what PerfGate writes to GitHub: the comment, the job summary, the annotations.</summary>
public sealed class HostileNameTests
{
    // Regressed, unchanged and improved in turn, so every kind of row and annotation carries a hostile name.
    private static readonly Comparison.SuiteComparison Suite =
        Suites.Compare(HostileIds.All.Count, i => HostileIds.All[i], i => (i % 3) switch { 0 => 1.5, 1 => 1.0, _ => 0.6 });

    [Fact]
    public void CommentBodyKeepsEveryNameInert()
    {
        var body = CommentBody.Render(Suite, "perf", new Uri("https://github.com/o/r/actions/runs/1"));

        HostileNameChecks.AssertInert(body);
        Assert.All(body.Split('\n').Where(l => l.StartsWith('|')), row => Assert.Equal(5, row.Count(c => c == '|')));
        Assert.DoesNotContain("@octocat", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("](http://evil", body, StringComparison.Ordinal);
        // Only the report's own link is live.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, @"\]\(https?://"));
    }

    [Fact]
    public void StepSummaryKeepsEveryNameInert()
    {
        var summary = StepSummary.Render(Suite, null)!;

        HostileNameChecks.AssertInert(summary);
        Assert.All(summary.Split('\n').Where(l => l.StartsWith('|')), row => Assert.Equal(5, row.Count(c => c == '|')));
        Assert.DoesNotContain("](", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AnnotationsAreOneEscapedCommandEach()
    {
        var lines = Annotations.For(Suite, "perf,gate:cfg.json");

        Assert.Equal(Annotations.Max, lines.Count);
        foreach (var line in lines)
        {
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.StartsWith("::error file=perf%2Cgate%3Acfg.json,title=PerfGate%3A ", line, StringComparison.Ordinal);
            var (properties, message) = Split(line);
            // A property ends at ',' or '::': no name may add one. In the message "::" is only data.
            Assert.Equal(2, properties.Split(',').Length);
            Assert.DoesNotContain("%0A", message, StringComparison.Ordinal);
            Assert.DoesNotContain('\u202E', line);
        }
    }

    [Fact]
    public void WorkflowCommandEscapingFollowsGitHubsRules()
    {
        foreach (var name in HostileIds.All)
        {
            var line = WorkflowCommands.Error(name, file: name, title: name);
            var (properties, message) = Split(line);

            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.Equal(name, Unescape(message));
            Assert.Equal(["file", "title"], properties.Split(',').Select(p => p.Split('=', 2)[0]));
            Assert.Equal(name, Unescape(properties.Split(',')[0]["file=".Length..]));
        }
    }

    private static (string Properties, string Message) Split(string line)
    {
        var body = line["::error ".Length..];
        var end = body.IndexOf("::", StringComparison.Ordinal);
        return (body[..end], body[(end + 2)..]);
    }

    private static string Unescape(string text) => text.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal)
        .Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
}
