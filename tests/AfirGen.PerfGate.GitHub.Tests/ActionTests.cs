namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>action.yml's composite steps run in order in bash against the loopback GitHub, with the tool from this build.</summary>
public sealed class ActionTests
{
    private static readonly string Root = RepositoryRoot();
    private static readonly string ToolCommand = "dotnet " + Path.Combine(AppContext.BaseDirectory, "dotnet-perfgate.dll");

    [Fact]
    public void EveryStepIsBashAndInputsReachScriptsOnlyThroughEnv()
    {
        var action = new CompositeAction(Path.Combine(Root, "action.yml"));

        Assert.NotEmpty(action.Steps);
        Assert.All(action.Steps, s => Assert.Equal("bash", s.Shell));
        foreach (var (path, value) in action.Scalars().Where(s => s.Value.Contains("${{", StringComparison.Ordinal)))
        {
            // Expressions belong in env values, output values and input defaults: never in a run script or elsewhere.
            Assert.Matches(@"^/(runs/steps/\d+/env/[A-Z_]+|outputs/[a-z-]+/value|inputs/[a-z-]+/default)$", path);
        }
    }

    [Fact]
    public void PassingRunCommentsAndSucceeds()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);

        var outcome = RunAction(github, run, new() { ["comment"] = "always" });

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(6, outcome.StepsRun.Count);
        Assert.Equal("passed", outcome.Outputs["verdict"]);
        Assert.Equal("0", outcome.Outputs["exit-code"]);
        Assert.Equal("0", outcome.Outputs["regressions"]);
        Assert.Equal("perfgate-results/report.md", outcome.Outputs["report-markdown"]);
        Assert.True(File.Exists(Path.Combine(run.Directory, "perfgate-results", "report.html")));
        var comment = Assert.Single(github.Comments);
        Assert.Equal(42, comment.Issue);
        Assert.EndsWith("#issuecomment-" + comment.Id, outcome.Outputs["comment-url"], StringComparison.Ordinal);
        Assert.Contains("PerfGate: passed", run.Summary, StringComparison.Ordinal);
        Assert.Contains("[Full report](https://github.example/afirgen/backend/actions/runs/777)", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", outcome.Log + run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void RegressingRunCommentsAnnotatesAndFailsTheJob()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: true);

        var outcome = RunAction(github, run, []);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Equal("Verdict", outcome.StepsRun[^1]);
        Assert.Equal("failed", outcome.Outputs["verdict"]);
        Assert.Equal("2", outcome.Outputs["regressions"]);
        Assert.Contains("PerfGate: failed", Assert.Single(github.Comments).Body, StringComparison.Ordinal);
        Assert.Contains("PerfGate: failed", run.Summary, StringComparison.Ordinal);
        // One annotation per regression; the results folder is not a file to put them on.
        Assert.Equal(2, outcome.Log.Split('\n').Count(l => l.StartsWith("::error title=PerfGate%3A ", StringComparison.Ordinal)));
        Assert.Contains("::stop-commands::", outcome.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", outcome.Log + run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void RegressionOnlyReportsWhenFailOnRegressionIsFalse()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: true);

        var outcome = RunAction(github, run, new() { ["fail-on-regression"] = "false" });

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("failed", outcome.Outputs["verdict"]);
        Assert.Contains("::warning title=PerfGate::the gate failed", outcome.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOnlyTokenStillGivesTheSummaryAndTheGatesResult()
    {
        using var github = new FakeGitHub();
        github.FailNext(1, "POST", 403, "Resource not accessible by integration");
        using var run = new GateRun(regressing: true);

        var outcome = RunAction(github, run, []);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Empty(github.Comments);
        Assert.Equal("", outcome.Outputs["comment-url"]);
        Assert.Contains("perfgate: warning: the pull-request comment was not posted: 403", outcome.Log, StringComparison.Ordinal);
        Assert.Contains("PerfGate: failed", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void CommentOffSendsNothingToGitHub()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);

        var checkOnly = RunAction(github, run, new() { ["comment"] = "off" });
        Assert.True(checkOnly.ExitCode == 0, checkOnly.ToString());
        Assert.Empty(github.Comments);
        Assert.Single(github.CheckRuns);
        var before = github.Requests.Count;

        var outcome = RunAction(github, run, new() { ["comment"] = "off", ["check-name"] = "" });

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(before, github.Requests.Count);
        Assert.Contains("PerfGate: passed", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInputFailsTheJobWhateverFailOnRegressionSays()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);
        File.WriteAllText(Path.Combine(run.Directory, "broken.json"), "{");

        var outcome = RunAction(github, run, new() { ["results"] = "broken.json", ["fail-on-regression"] = "false" });

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Equal("error", outcome.Outputs["verdict"]);
        Assert.Contains("could not give a verdict", run.Summary, StringComparison.Ordinal);
        // The pull request and the check say there is no verdict for this commit, and why, instead of keeping an old one.
        var comment = Assert.Single(github.Comments);
        Assert.Contains("## ⚠️ PerfGate: no verdict for `" + HeadSha[..7] + "`: bad input (exit code 2)", comment.Body, StringComparison.Ordinal);
        Assert.Contains("broken.json", comment.Body, StringComparison.Ordinal);
        var check = Assert.Single(github.CheckRuns);
        Assert.Equal(("PerfGate", HeadSha, "failure"), (check.Name, check.HeadSha, check.Conclusion));
        Assert.StartsWith("no verdict for " + HeadSha[..7], check.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoCreatesNoCommentForAQuietPassButKeepsAnEarlierOneCurrent()
    {
        using var github = new FakeGitHub();
        using var quiet = new GateRun(regressing: false);
        using var loud = new GateRun(regressing: true);

        Assert.Equal(0, RunAction(github, quiet, []).ExitCode);
        Assert.Empty(github.Comments);
        Assert.Equal("success", Assert.Single(github.CheckRuns).Conclusion);

        Assert.Equal(1, RunAction(github, loud, []).ExitCode);
        Assert.Contains("PerfGate: failed", Assert.Single(github.Comments).Body, StringComparison.Ordinal);

        var fixedRun = RunAction(github, quiet, new() { ["comment-key"] = "default" }, runId: 778);
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Contains("PerfGate: passed", Assert.Single(github.Comments).Body, StringComparison.Ordinal);
        Assert.Equal("updated", fixedRun.Outputs["comment-status"]);
    }

    [Fact]
    public void AFirstRunWithoutABaselineIsANoticeAndChecksThresholds()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);

        var outcome = RunAction(github, run, new() { ["mode"] = "run", ["project"] = "missing.csproj", ["baseline"] = "baselines/none.json", ["comment"] = "off", ["check-name"] = "" });

        Assert.Contains("::notice title=PerfGate::no baseline at baselines/none.json yet", outcome.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("--baseline", outcome.Log, StringComparison.Ordinal);
        Assert.Empty(github.Requests);
    }

    [Fact]
    public void AThresholdInputFailsTheJobAndTheCommentSaysSo()
    {
        // No regression, but a threshold no benchmark meets: the step that decides applies it, the comment states it.
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);

        var outcome = RunAction(github, run, new() { ["threshold"] = "mean<1ns" });

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Equal("failed", outcome.Outputs["verdict"]);
        Assert.Contains("## ❌ PerfGate: failed", Assert.Single(github.Comments).Body, StringComparison.Ordinal);
        Assert.Contains("## ❌ PerfGate: failed", run.Summary, StringComparison.Ordinal);
        Assert.Contains("fails the gate: 3 sla-violated", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void FailOnInconclusiveReachesTheGateAndTheComment()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false, inconclusive: true);

        var lenient = RunAction(github, run, []);
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Contains("PerfGate: passed with warnings", github.Comments[^1].Body, StringComparison.Ordinal);

        var strict = RunAction(github, run, new() { ["fail-on"] = "inconclusive" });
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Contains("PerfGate: failed", github.Comments[^1].Body, StringComparison.Ordinal);
        Assert.Contains("fails the gate: 1 inconclusive", github.Comments[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ANightlyRunIsAddedToTheHistoryAndAPullRequestOnlyReadsIt()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);
        var store = Path.Combine(run.Directory, "hist");
        var pr = RunAction(github, run, new() { ["history"] = store, ["comment"] = "off" });
        Assert.True(pr.ExitCode == 0, pr.ToString());
        Assert.Equal("false", pr.Outputs["history-added"]);
        Assert.False(Directory.Exists(store));

        var nightly = RunAction(github, run, new() { ["history"] = store, ["comment"] = "off", ["history-page"] = "page" }, overrides: new() { ["GITHUB_EVENT_NAME"] = "schedule" });
        Assert.True(nightly.ExitCode == 0, nightly.ToString());
        Assert.Equal("true", nightly.Outputs["history-added"]);
        Assert.Single(History.HistoryStore.Open(store).Entries());
        Assert.True(File.Exists(Path.Combine(run.Directory, "page", "index.html")));
        Assert.Contains("#### Performance history", run.Summary, StringComparison.Ordinal);
        Assert.Contains("history gate passed", run.Summary, StringComparison.Ordinal);
    }

    private static readonly string HeadSha = "0123456789abcdef0123456789abcdef01234567";

    private static CompositeAction.Outcome RunAction(FakeGitHub github, GateRun run, Dictionary<string, string> inputs, long runId = 777, Dictionary<string, string>? overrides = null)
    {
        var action = new CompositeAction(Path.Combine(Root, "action.yml"));
        var eventFile = Path.Combine(run.Directory, "event.json");
        File.WriteAllText(eventFile, "{\"action\":\"synchronize\",\"number\":42,\"pull_request\":{\"number\":42,\"head\":{\"ref\":\"feature\",\"sha\":\"" + HeadSha
            + "\",\"repo\":{\"full_name\":\"afirgen/backend\"}},\"base\":{\"ref\":\"main\"}}}");
        var runnerTemp = Directory.CreateDirectory(Path.Combine(run.Directory, "runner-temp")).FullName;
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? run.Directory,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["RUNNER_TEMP"] = runnerTemp,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = run.Directory,
            ["GITHUB_STEP_SUMMARY"] = run.SummaryFile,
            ["GITHUB_EVENT_PATH"] = eventFile,
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_REPOSITORY"] = "afirgen/backend",
            ["GITHUB_API_URL"] = github.BaseUrl,
            ["GITHUB_SERVER_URL"] = "https://github.example",
            ["GITHUB_RUN_ID"] = runId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GITHUB_RUN_NUMBER"] = "12",
            ["GITHUB_RUN_ATTEMPT"] = "1",
            ["GITHUB_SHA"] = new string('e', 40), // the merge commit of a pull_request run: not what is reported
            ["PERFGATE_GITHUB_MAX_RETRY_DELAY_MS"] = "20",
        };
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } dotnetRoot)
        {
            environment["DOTNET_ROOT"] = dotnetRoot;
        }

        foreach (var (k, v) in overrides ?? [])
        {
            environment[k] = v;
        }

        var given = new Dictionary<string, string>
        {
            ["mode"] = "compare",
            ["baseline"] = "baseline.json",
            ["results"] = "current.json",
            ["tool-command"] = ToolCommand,
        };
        foreach (var (k, v) in inputs)
        {
            given[k] = v;
        }

        var context = new Dictionary<string, string> { ["token"] = GateRun.Canary, ["repository"] = "afirgen/backend", ["event_name"] = "pull_request" };
        return action.Run(given, context, environment, run.Directory);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "action.yml")) && File.Exists(Path.Combine(dir.FullName, "AfirGen.PerfGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("action.yml not found above the test folder");
    }
}
