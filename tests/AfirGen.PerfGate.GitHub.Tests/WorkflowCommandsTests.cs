namespace AfirGen.PerfGate.GitHub.Tests;

public sealed class WorkflowCommandsTests
{
    [Fact]
    public void PropertiesEscapePercentLineBreaksColonAndComma()
    {
        var line = WorkflowCommands.Error("50% slower\r\nsecond line", file: "a,b:c.json", title: "x: 1%, y\n");

        Assert.Equal("::error file=a%2Cb%3Ac.json,title=x%3A 1%25%2C y%0A::50%25 slower%0D%0Asecond line", line);
    }

    [Fact]
    public void MessageKeepsColonsAndCommasWhichOnlyEndProperties()
    {
        Assert.Equal("::warning::a: b, c", WorkflowCommands.Warning("a: b, c"));
    }

    [Theory]
    [InlineData("Evil\n::set-output name=verdict::passed")]
    [InlineData("Evil\r::add-mask::x")]
    [InlineData("::stop-commands::token")]
    public void AnUntrustedIdNeverStartsACommandLine(string id)
    {
        var suite = Suites.Compare(1, _ => id, _ => 1.5);

        var lines = Annotations.For(suite, "perfgate.json");

        var line = Assert.Single(lines);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.StartsWith("::error file=perfgate.json,title=PerfGate%3A ", line, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(line, "::error "));
    }

    [Fact]
    public void AtMostTenAnnotationsTheLastCountingTheRest()
    {
        var suite = Suites.Compare(25, i => $"Bench.M{i:00}", _ => 1.4);

        var lines = Annotations.For(suite, null);

        Assert.Equal(Annotations.Max, lines.Count);
        Assert.All(lines, l => Assert.StartsWith("::error title=", l, StringComparison.Ordinal));
        Assert.Contains("and 16 more benchmarks fail the gate", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void NothingFailingGivesNoAnnotations()
    {
        Assert.Empty(Annotations.For(Suites.Compare(3, i => $"B{i}", _ => 1.0), null));
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
