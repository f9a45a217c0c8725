using System.Text.Json;
using AfirGen.PerfGate.Cli.Tests;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>
/// Every way a verdict is made and every way it is shown say the same thing: the exit code, summary.txt, report.md,
/// report.html, comparison.json, `report` of the folder in each format, the PR comment, the job summary and the step
/// outputs — stated from the output folder, and decided again from the original inputs only when asked.
/// </summary>
public sealed class VerdictConsistencyTests
{
    public static TheoryData<string, bool, bool, string[], string, string> Cases() => new()
    {
        // name, regressing, inconclusive, extra arguments, gate, counts the gate's line must hold
        { "regression", true, false, [], "failed", "fails the gate: 2 regressed" },
        { "command-line threshold", false, false, ["--threshold", "mean<1ns"], "failed", "fails the gate: 3 sla-violated" },
        { "inconclusive", false, true, [], "passed with warnings", "warnings: 1 inconclusive" },
        { "fail on inconclusive", false, true, ["--fail-on", "inconclusive"], "failed", "fails the gate: 1 inconclusive" },
        { "passed", false, false, [], "passed", "3 unchanged" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryOutputStatesTheRunsVerdict(string name, bool regressing, bool inconclusive, string[] extra, string gate, string counts)
    {
        using var run = new GateRun(regressing, inconclusive);
        using var github = new FakeGitHub();
        var folder = Path.Combine(run.Directory, "out");
        var decided = PerfGateProcess.Run(run.Directory, ["compare", run.Baseline, run.Current, "--out", folder, .. extra]);
        var code = gate == "failed" ? 1 : 0;
        Assert.True(decided.ExitCode == code, name + ": " + decided);

        // The folder's own files.
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "comparison.json")));
        var line = json.RootElement.GetProperty("summary").GetString()!;
        Assert.Equal(gate, json.RootElement.GetProperty("gate").GetString());
        Assert.Equal(code, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.StartsWith(gate + " · ", line, StringComparison.Ordinal);
        Assert.Contains(counts, line, StringComparison.Ordinal);
        Assert.Contains("Gate: " + gate + "\n", File.ReadAllText(Path.Combine(folder, "summary.txt")), StringComparison.Ordinal);
        Assert.Contains("Gate: " + gate + "\n", decided.Stdout, StringComparison.Ordinal);
        AssertMarkdown(File.ReadAllText(Path.Combine(folder, "report.md")), gate, counts);
        Assert.Contains("PerfGate: " + gate + "</h1>", File.ReadAllText(Path.Combine(folder, "report.html")), StringComparison.Ordinal);

        // `report` of the folder, in every format: the stored verdict and the run's exit code.
        foreach (var (format, expected) in new[]
        {
            ("text", "Gate: " + gate + "\n"), ("detailed", "Gate: " + gate + "\n"), ("markdown", "PerfGate: " + gate + "\n"),
            ("html", "PerfGate: " + gate + "</h1>"), ("json", "\"gate\": \"" + gate + "\""),
        })
        {
            var report = PerfGateProcess.Run(run.Directory, ["report", folder, "--format", format]);
            Assert.True(report.ExitCode == code, $"{name}, report --format {format}: {report}");
            Assert.Contains(expected, report.Stdout, StringComparison.Ordinal);
        }

        // The PR comment, the job summary and the step outputs, from the folder alone.
        var env = new Dictionary<string, string>
        {
            ["GITHUB_STEP_SUMMARY"] = run.SummaryFile,
            ["GITHUB_OUTPUT"] = run.OutputFile,
            ["GITHUB_REPOSITORY"] = "afirgen/backend",
            ["GITHUB_TOKEN"] = GateRun.Canary,
            ["PERFGATE_GITHUB_MAX_RETRY_DELAY_MS"] = "20",
        };
        var comment = PerfGateProcess.Run(run.Directory, env, ["comment", "--results", folder, "--pr", "42", "--api-url", github.BaseUrl]);
        Assert.True(comment.ExitCode == code, $"{name}, comment: {comment}");
        AssertMarkdown(Assert.Single(github.Comments).Body, gate, counts);
        AssertMarkdown(run.Summary, gate, counts);
        Assert.Equal(gate, run.Outputs["gate"]);
        Assert.Equal(code == 0 ? "passed" : "failed", run.Outputs["verdict"]);

        // Deciding again from the original inputs is explicit, and with the same settings says the same.
        var again = PerfGateProcess.Run(run.Directory, ["report", run.Current, "--baseline", run.Baseline, "--format", "json", .. extra]);
        Assert.True(again.ExitCode == code, $"{name}, decided again: {again}");
        using var againJson = JsonDocument.Parse(again.Stdout);
        Assert.Equal(line, againJson.RootElement.GetProperty("summary").GetString());
    }

    [Fact]
    public void AFolderKeepsItsVerdictWhenTheDefaultConfigWouldSayOtherwise()
    {
        // The threshold given to the run is stored: a later report of the folder does not silently drop it.
        using var run = new GateRun(regressing: false);
        var folder = Path.Combine(run.Directory, "out");
        Assert.Equal(1, PerfGateProcess.Run(run.Directory, ["compare", run.Baseline, run.Current, "--out", folder, "--threshold", "mean<1ns"]).ExitCode);

        var stored = PerfGateProcess.Run(run.Directory, ["report", folder]);
        Assert.Equal(1, stored.ExitCode);
        Assert.Contains("Fails the gate: 3 sla-violated\n", stored.Stdout, StringComparison.Ordinal);

        // Naming a configuration decides again, on purpose: here without the threshold.
        var redecided = PerfGateProcess.Run(run.Directory, ["report", folder, "--threshold", "5%"]);
        Assert.Equal(0, redecided.ExitCode);
        Assert.Contains("Gate: passed\n", redecided.Stdout, StringComparison.Ordinal);
    }

    private static void AssertMarkdown(string markdown, string gate, string counts)
    {
        Assert.Contains("PerfGate: " + gate + "\n", markdown, StringComparison.Ordinal);
        Assert.Contains(counts, markdown, StringComparison.Ordinal);
    }
}
