using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>The check run on the head commit, and the workflow_run half of the fork pattern, against the loopback GitHub with the real Octokit client.</summary>
public sealed class CheckRunTests
{
    private static readonly string Sha = new('d', 40);

    [Fact]
    public void ARegressionGivesAFailedCheckWithAnnotationsAtTheBenchmarkMethods()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: true);
        var sources = Directory.CreateDirectory(Path.Combine(run.Directory, "repo", "bench")).FullName;
        File.WriteAllText(Path.Combine(sources, "Fir.cs"), "namespace Bench;\n\npublic class Fir\n{\n    [Benchmark]\n    public int Parse() => 1;\n\n    [Benchmark]\n    public int Render() => 2;\n}\n");

        var outcome = run.Comment(github, GateRun.Canary, "--check-name", "PerfGate", "--head-sha", Sha, "--run-id", "10",
            "--source-root", Path.Combine(run.Directory, "repo"));

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        var check = Assert.Single(github.CheckRuns);
        Assert.Equal(("PerfGate", Sha, "completed", "failure"), (check.Name, check.HeadSha, check.Status, check.Conclusion));
        Assert.StartsWith("failed · 3 benchmarks · fails the gate: 2 regressed", check.Title, StringComparison.Ordinal);
        Assert.Contains("## ❌ PerfGate: failed", check.Summary, StringComparison.Ordinal);
        Assert.Equal("https://github.example/afirgen/backend/runs/" + check.Id, run.Outputs["check-run-url"]);
        Assert.Equal(
            [("bench/Fir.cs", 6, "failure"), ("bench/Fir.cs", 9, "failure")],
            check.Annotations.Select(a => (a.Path, a.Line, a.Level)).OrderBy(a => a.Line));
        Assert.All(check.Annotations, a => Assert.Contains("regressed +", a.Message, StringComparison.Ordinal));
        // The step's own annotations point at the same lines.
        Assert.Contains("::error file=bench/Fir.cs,line=6,col=16,title=PerfGate%3A Fir.Parse regressed::", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void APassGivesASuccessfulCheckAndARetriedRunEditsItsOwnCheck()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);

        Assert.Equal(0, run.Comment(github, GateRun.Canary, "--check-name", "PerfGate (micro)", "--head-sha", Sha, "--run-id", "11", "--when", "off").ExitCode);
        Assert.Equal(0, run.Comment(github, GateRun.Canary, "--check-name", "PerfGate (micro)", "--head-sha", Sha, "--run-id", "11", "--when", "off").ExitCode);

        var check = Assert.Single(github.CheckRuns);
        Assert.Equal(("PerfGate (micro)", "success"), (check.Name, check.Conclusion));
        Assert.Empty(github.Comments);
    }

    [Theory]
    [InlineData(3, "failure")]
    [InlineData(130, "cancelled")]
    public void NoVerdictGivesAFailedOrCancelledCheck(int exitCode, string conclusion)
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);

        var outcome = run.Perfgate(github, GateRun.Canary, null, "comment", "--no-verdict", exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--check-name", "PerfGate", "--head-sha", Sha, "--run-id", "12", "--repo", "afirgen/backend", "--api-url", github.BaseUrl);

        Assert.True(outcome.ExitCode == exitCode, outcome.ToString());
        var check = Assert.Single(github.CheckRuns);
        Assert.Equal(conclusion, check.Conclusion);
        Assert.StartsWith("no verdict for ddddddd", check.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void AReadOnlyTokenWarnsAndKeepsTheGatesExitCode()
    {
        using var github = new FakeGitHub();
        github.FailNext(1, "GET", 403, "Resource not accessible by integration");
        using var run = new GateRun(regressing: true);

        var outcome = run.Comment(github, GateRun.Canary, "--check-name", "PerfGate", "--head-sha", Sha, "--run-id", "13", "--when", "off");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("the check run was not created: 403 Forbidden: the token may not create check runs here (it needs checks: write)", outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(github.CheckRuns);
    }

    [Fact]
    public async Task ManyAnnotationsGoFiftyARequest()
    {
        using var github = new FakeGitHub();
        var client = StickyComment.CreateClient(new Uri(github.BaseUrl), GateRun.Canary);
        var annotations = Enumerable.Range(1, 120).Select(i => new CheckAnnotation("src/Bench.cs", i, "B" + i, "regressed")).ToList();
        var post = new CheckRunPost("afirgen", "backend", "PerfGate", Sha, Octokit.CheckConclusion.Failure, "failed", "summary", annotations, null, "perfgate:x:1:1");

        var outcome = await new CheckRunReport(client, new RetryPolicy { Delay = (_, _) => Task.CompletedTask }, GateRun.Canary).PostAsync(post, null, CancellationToken.None);

        Assert.Null(outcome.Failure);
        var check = Assert.Single(github.CheckRuns);
        Assert.Equal(Enumerable.Range(1, 120), check.Annotations.Select(a => a.Line));
        Assert.Single(github.Where("POST"));
        Assert.Equal(2, github.Where("PATCH").Count());
    }

    [Fact]
    public void AWorkflowRunCommentsOnlyOnThePullRequestAtTheRunsHeadCommit()
    {
        using var github = new FakeGitHub();
        github.PullRequest(42, Sha, "fork-owner/backend");
        github.PullRequest(43, new string('9', 40), "fork-owner/backend"); // another pull request, elsewhere
        github.PullRequest(44, Sha, "someone-else/backend"); // same commit, another head repository
        using var run = new GateRun(regressing: true);
        var eventFile = WorkflowRunEvent(run.Directory, Sha, "fork-owner/backend");
        var env = new Dictionary<string, string> { ["GITHUB_EVENT_PATH"] = eventFile, ["GITHUB_EVENT_NAME"] = "workflow_run", ["GITHUB_RUN_ID"] = "99999", ["GITHUB_SHA"] = new string('e', 40) };

        foreach (var forged in new[] { "43", "44", "45" })
        {
            var refused = run.Perfgate(github, GateRun.Canary, env, "comment", "--results", run.Current, "--baseline", run.Baseline, "--pr", forged, "--api-url", github.BaseUrl, "--check-name", "PerfGate");
            Assert.True(refused.ExitCode == 1, refused.ToString());
            Assert.Contains("no comment posted", refused.Stderr, StringComparison.Ordinal);
        }

        Assert.Empty(github.Comments);
        var accepted = run.Perfgate(github, GateRun.Canary, env, "comment", "--results", run.Current, "--baseline", run.Baseline, "--pr", "42", "--api-url", github.BaseUrl, "--check-name", "PerfGate");

        Assert.True(accepted.ExitCode == 1, accepted.ToString());
        var comment = Assert.Single(github.Comments);
        Assert.Equal(42, comment.Issue);
        // The stamp is the measuring run's (from the event), not this workflow_run's own id or commit.
        Assert.Contains("<!-- perfgate:run sha=" + Sha + " run-id=555 run-number=31 attempt=2 -->", comment.Body, StringComparison.Ordinal);
        Assert.All(github.CheckRuns, c => Assert.Equal(Sha, c.HeadSha));
        Assert.Equal("failure", github.CheckRuns[0].Conclusion);
    }

    [Fact]
    public void APullRequestWhoseHeadMovedGetsNoComment()
    {
        using var github = new FakeGitHub();
        github.PullRequest(42, new string('f', 40), "fork-owner/backend");
        using var run = new GateRun(regressing: false);
        var env = new Dictionary<string, string> { ["GITHUB_EVENT_PATH"] = WorkflowRunEvent(run.Directory, Sha, "fork-owner/backend"), ["GITHUB_EVENT_NAME"] = "workflow_run" };

        var outcome = run.Perfgate(github, GateRun.Canary, env, "comment", "--results", run.Current, "--baseline", run.Baseline, "--pr", "42", "--api-url", github.BaseUrl);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("pull request #42 is at fffffff, not at ddddddd that the run measured", outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(github.Comments);
    }

    internal static string WorkflowRunEvent(string directory, string sha, string headRepository)
    {
        var path = Path.Combine(directory, "workflow-run-event.json");
        File.WriteAllText(path, "{\"action\":\"completed\",\"workflow_run\":{\"id\":555,\"run_number\":31,\"run_attempt\":2,\"event\":\"pull_request\",\"conclusion\":\"success\",\"head_sha\":\""
            + sha + "\",\"head_branch\":\"feature\",\"head_repository\":{\"full_name\":\"" + headRepository + "\"},\"pull_requests\":[]}}");
        return path;
    }
}
