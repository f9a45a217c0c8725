using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Cli.Tests;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("http://h/x?access_token=s3cr3t&n=1", "http://h/x?access_token=***&n=1")]
    [InlineData("http://h/x?n=1&api_key=s3cr3t#top", "http://h/x?n=1&api_key=***#top")]
    [InlineData("http://h/x?Token=s3cr3t", "http://h/x?Token=***")]
    [InlineData("https://b.blob/x?sv=1&sig=s3cr3t%2Bz", "https://b.blob/x?sv=1&sig=***")]
    [InlineData("http://u:s3cr3t@h/x?id=7&monkey=banana", "http://u:***@h/x?id=7&monkey=banana")]
    public void CredentialsInUrlsAreHidden(string line, string expected) => Assert.Equal(expected, Redaction.Apply(line));

    [Fact]
    public void AnUnreachableUrlIsQuotedWithoutItsToken()
    {
        using var dir = new TempDir();
        // Nothing listens on port 9 of the loopback: the command fails and names the URL.
        var r = PerfGateProcess.Run(dir.Path, "load", "http://127.0.0.1:9/fir?access_token=canary-8d41", "-c", "1", "-n", "1");

        Assert.Equal(3, r.ExitCode);
        Assert.Contains("access_token=***", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-8d41", r.Stderr + r.Stdout, StringComparison.Ordinal);
    }
}

public sealed class BaselineShowTests
{
    [Fact]
    public void EveryFieldOfABaselineIsInertOnATerminalAndInAWorkflowLog()
    {
        using var dir = new TempDir();
        var set = new Model.ResultSet
        {
            CreatedAt = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
            Environment = new Model.EnvironmentFingerprint { Os = "Linux\u001b]8;;http://x\u0007link\u001b]8;;\u0007", Cpu = "Xeon\n::error::pwned", Cores = 2, Runtime = "net\u202E01", GcMode = "##[add-mask]x" },
            Source = new Model.SourceInfo("abc\u0007", "main\n::add-mask::y"),
            Benchmarks = [Results.Micro("A", 1, 100)],
        };
        File.WriteAllText(dir.File("b.json"), IO.ResultsJson.Serialize(set));

        var r = PerfGateProcess.Run(dir.Path, "baseline", "show", "b.json");

        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (var ch in new[] { '\u001b', '\u0007', '\u202E' })
        {
            Assert.DoesNotContain(ch, r.Stdout);
        }

        Assert.All(r.Stdout.Split('\n'), line => Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line));
        Assert.DoesNotContain("##[", r.Stdout, StringComparison.Ordinal);
    }
}
