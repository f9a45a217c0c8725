namespace AfirGen.PerfGate.GitHub.Tests;

public sealed class CommentBodyTests
{
    [Theory]
    [InlineData(null, "default")]
    [InlineData("perf/perfgate.json", "perf/perfgate.json")]
    [InlineData("x --> <script>", "x_-___script_")]
    [InlineData("a---b", "a-b")]
    public void KeysCannotEndTheHiddenComment(string? key, string expected)
    {
        Assert.Equal(expected, CommentBody.Key(key));
        Assert.DoesNotContain("--", CommentBody.Marker(key ?? "")[4..^3], StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeSuiteStaysUnderGitHubsLimitWithMarkerAndLink()
    {
        var suite = Suites.Compare(3000, i => $"Namespace.Very.Long.Benchmark.Name.With.Params(size: {i}, text: \"{new string('x', 120)}\")", i => i % 2 == 0 ? 1.3 : 1.0);
        var link = new Uri("https://github.com/afirgen/backend/actions/runs/1");

        var body = CommentBody.Render(suite, "perfgate.json", link);

        Assert.True(body.Length <= CommentBody.GitHubLimit, $"{body.Length} characters");
        Assert.StartsWith("<!-- perfgate:comment:perfgate.json -->\n", body, StringComparison.Ordinal);
        Assert.Contains("rows omitted", body, StringComparison.Ordinal);
        Assert.Contains("(https://github.com/afirgen/backend/actions/runs/1)", body, StringComparison.Ordinal);
        Assert.Contains("```mermaid", body, StringComparison.Ordinal);
    }

    [Fact]
    public void FitCutsAtALineClosesOpenBlocksAndLinksTheFullReport()
    {
        var text = "<!-- m -->\n<details><summary>x</summary>\n\n```mermaid\n" + string.Concat(Enumerable.Repeat("0123456789\n", 500));
        var link = new Uri("https://example.test/run(1)");

        var body = CommentBody.Fit(text, 2_000, link);

        Assert.True(body.Length <= 2_000);
        Assert.EndsWith("[full report](https://example.test/run(1%29).\n", body, StringComparison.Ordinal);
        Assert.Contains("\n```\n</details>\n\n> ✂️", body, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortBodiesAreLeftAlone()
    {
        Assert.Equal("abc", CommentBody.Fit("abc", 10, null));
    }
}
