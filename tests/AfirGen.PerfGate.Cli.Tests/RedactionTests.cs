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
