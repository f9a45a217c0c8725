using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Cli.Tests;

public sealed class ExitCodeTests
{
    private static (string Baseline, string Same, string Slower) Files(TempDir dir)
    {
        var b = Results.Write(dir.File("baseline.json"), Results.Micro("Suite.Parse", 1, 1000), Results.Micro("Suite.Render", 2, 5000));
        var same = Results.Write(dir.File("same.json"), Results.Micro("Suite.Parse", 3, 1000), Results.Micro("Suite.Render", 4, 5000));
        var slower = Results.Write(dir.File("slower.json"), Results.Micro("Suite.Parse", 5, 1250), Results.Micro("Suite.Render", 6, 5000));
        return (b, same, slower);
    }

    [Fact]
    public void CompareUnchangedExitsZeroAndWritesEveryFile()
    {
        using var dir = new TempDir();
        var (b, same, _) = Files(dir);
        var r = PerfGateProcess.Run(dir.Path, "compare", b, same, "--out", "out");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("PERFORMANCE BENCHMARK SUMMARY", r.Stdout, StringComparison.Ordinal);
        foreach (var f in new[] { "results.json", "comparison.json", "summary.txt", "report.md", "report.html" })
        {
            Assert.True(File.Exists(Path.Combine(dir.Path, "out", f)), f);
        }

        // The terminal shows the summary the folder keeps, rendered once for both.
        Assert.Equal(File.ReadAllText(Path.Combine(dir.Path, "out", "summary.txt")), r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void CompareRegressionExitsOne()
    {
        using var dir = new TempDir();
        var (b, _, slower) = Files(dir);
        var r = PerfGateProcess.Run(dir.Path, "compare", b, slower);
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("Suite.Parse", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("+25", r.Stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "perfgate-results")), "default --out");
    }

    [Fact]
    public void CompareThresholdOptionLoosensTheGate()
    {
        using var dir = new TempDir();
        var (b, _, slower) = Files(dir);
        Assert.Equal(0, PerfGateProcess.Run(dir.Path, "compare", b, slower, "--threshold", "30%").ExitCode);
    }

    [Fact]
    public void CompareBrokenSlaExitsOne()
    {
        using var dir = new TempDir();
        var (b, same, _) = Files(dir);
        var r = PerfGateProcess.Run(dir.Path, "compare", b, same, "--threshold", "p95<2us");
        Assert.True(r.ExitCode == 1, r.ToString());
    }

    [Fact]
    public void ConfigFileInWorkingDirectoryIsUsed()
    {
        using var dir = new TempDir();
        var (b, _, slower) = Files(dir);
        File.WriteAllText(dir.File("perfgate.json"), """{ "benchmarks": { "*.Parse": ["regression<40%"] } }""");
        Assert.Equal(0, PerfGateProcess.Run(dir.Path, "compare", b, slower).ExitCode);
    }

    [Theory]
    [InlineData("compare", "missing.json", "missing.json")]
    [InlineData("report", "missing.json")]
    [InlineData("baseline", "show", "missing.json")]
    [InlineData("baseline", "save", "missing.json")]
    public void MissingInputExitsTwoWithOneLine(params string[] args)
    {
        using var dir = new TempDir();
        var r = PerfGateProcess.Run(dir.Path, args);
        Assert.True(r.ExitCode == 2, r.ToString());
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("missing.json", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compare")]
    [InlineData("compare", "a.json", "b.json", "--no-such-option")]
    [InlineData("report", "a.json", "--format", "pdf")]
    [InlineData("frobnicate")]
    [InlineData("compare", "a.json", "b.json", "--threshold", "p95<<1ms")]
    public void BadUsageExitsTwoWithOneLine(params string[] args)
    {
        using var dir = new TempDir();
        Results.Write(dir.File("a.json"), Results.Micro("A", 1, 100));
        Results.Write(dir.File("b.json"), Results.Micro("A", 2, 100));
        var r = PerfGateProcess.Run(dir.Path, args);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void BadConfigNamesFileAndField()
    {
        using var dir = new TempDir();
        var (b, same, _) = Files(dir);
        File.WriteAllText(dir.File("gate.json"), """{ "defaults": { "regression": "lots" } }""");
        var r = PerfGateProcess.Run(dir.Path, "compare", b, same, "--config", "gate.json");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("gate.json: $.defaults.regression:", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", "PERFORMANCE BENCHMARK SUMMARY")]
    [InlineData("detailed", "Suite.Render")]
    [InlineData("markdown", "Suite.Parse")]
    [InlineData("json", "\"schema\": \"perfgate/comparison@2\"")]
    [InlineData("html", "<html")]
    public void ReportRendersEachFormat(string format, string expected)
    {
        using var dir = new TempDir();
        var (b, same, _) = Files(dir);
        var r = PerfGateProcess.Run(dir.Path, "report", same, "--baseline", b, "--format", format);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains(expected, r.Stdout, StringComparison.Ordinal);
        var toFile = PerfGateProcess.Run(dir.Path, "report", same, "--baseline", b, "--format", format, "--output", "r.out");
        Assert.Equal(0, toFile.ExitCode);
        Assert.Contains(expected, File.ReadAllText(dir.File("r.out")), StringComparison.Ordinal);
    }

    [Fact]
    public void ReportOfARegressionExitsOne()
    {
        using var dir = new TempDir();
        var (b, _, slower) = Files(dir);
        Assert.Equal(1, PerfGateProcess.Run(dir.Path, "report", slower, "--baseline", b, "--format", "markdown").ExitCode);
    }

    [Fact]
    public void BaselineSaveThenShowRoundTrips()
    {
        using var dir = new TempDir();
        var (_, same, _) = Files(dir);
        var save = PerfGateProcess.Run(dir.Path, "baseline", "save", same, "--to", "baselines/main.json");
        Assert.True(save.ExitCode == 0, save.ToString());
        Assert.Contains("saved 2 benchmarks", save.Stdout, StringComparison.Ordinal);
        var show = PerfGateProcess.Run(dir.Path, "baseline", "show", "baselines/main.json");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("Suite.Render", show.Stdout, StringComparison.Ordinal);
        Assert.Equal([dir.File("baselines/main.json")], Directory.GetFiles(dir.File("baselines")));
        // The saved baseline carries the measured launch noise and compares as unchanged with itself.
        Assert.Contains("\"launchNoise\"", File.ReadAllText(dir.File("baselines/main.json")), StringComparison.Ordinal);
        Assert.Equal(0, PerfGateProcess.Run(dir.Path, "compare", "baselines/main.json", same).ExitCode);
    }

    [Fact]
    public void BaselineSaveThatCannotWriteExitsThree()
    {
        using var dir = new TempDir();
        var (_, same, _) = Files(dir);
        // A file where the baseline's folder should be: nothing can be written there.
        File.WriteAllText(dir.File("blocker"), "");
        var r = PerfGateProcess.Run(dir.Path, "baseline", "save", same, "--to", "blocker/base.json");
        Assert.True(r.ExitCode == 3, r.ToString());
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void HelpExitsZero()
    {
        using var dir = new TempDir();
        var r = PerfGateProcess.Run(dir.Path, "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("compare", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("same")]
    [InlineData("folder")]
    public void AReportNeverReplacesWhatItReads(string shape)
    {
        using var dir = new TempDir();
        var results = Results.Write(dir.File("results.json"), Results.Micro("A", 1, 100));
        var before = File.ReadAllBytes(results);
        string[] args = shape == "same"
            ? ["report", results, "--format", "markdown", "--output", results]
            : ["report", dir.Path, "--format", "markdown", "--output", dir.File("results.json")];

        var r = PerfGateProcess.Run(dir.Path, args);

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("which this report reads", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(results));
    }

    [Theory]
    [InlineData("compare", "--out")]
    [InlineData("report", "--output")]
    [InlineData("merge", "--output")]
    public void AnEmptyOutputPathIsBadInputInOneLine(string command, string option)
    {
        using var dir = new TempDir();
        var results = Results.Write(dir.File("r.json"), Results.Micro("A", 1, 100));
        string[] args = command switch
        {
            "compare" => ["compare", results, results, option, ""],
            "report" => ["report", results, option, ""],
            _ => ["merge", results, option, ""],
        };

        var r = PerfGateProcess.Run(dir.Path, args);

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("is empty", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
