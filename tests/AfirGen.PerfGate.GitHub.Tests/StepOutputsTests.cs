namespace AfirGen.PerfGate.GitHub.Tests;

public sealed class StepOutputsTests
{
    [Fact]
    public void MultiLineValuesReadBackAsWritten()
    {
        var outputs = new Dictionary<string, string>
        {
            ["verdict"] = "failed",
            ["summary"] = "line one\nverdict=passed\nEOF\n",
            ["empty"] = "",
        };

        var parsed = OutputFileParser.Parse(StepOutputs.Format(outputs));

        Assert.Equal("failed", parsed["verdict"]);
        Assert.Equal("line one\nverdict=passed\nEOF\n", parsed["summary"]);
        Assert.Equal("", parsed["empty"]);
    }

    [Fact]
    public void DelimitersAreRandomSoAValueCannotCloseItsBlockEarly()
    {
        var first = StepOutputs.Format([new("a", "x")]).Split('\n')[0];
        var second = StepOutputs.Format([new("a", "x")]).Split('\n')[0];

        Assert.StartsWith("a<<ghadelimiter_", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void AnOutputNameWithALineBreakIsRefused()
    {
        Assert.Throws<ArgumentException>(() => StepOutputs.Format([new("a\nb", "x")]));
    }
}
