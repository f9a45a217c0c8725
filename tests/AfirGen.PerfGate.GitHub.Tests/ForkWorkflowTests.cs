using System.Diagnostics;
using AfirGen.PerfGate.Runner.Tests;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>
/// The fork-safe pattern end to end: examples/workflows/perfgate-pull-request.yml measures a pull request with
/// `ab` and uploads the report, examples/workflows/perfgate-comment.yml reports it from the base repository, against
/// the loopback GitHub with the real Octokit client. The artifact is the fork's to forge: what it plants is not honoured.
/// </summary>
public sealed class ForkWorkflowTests
{
    private const string Fork = "fork-owner/backend";
    private static readonly string Root = WorkflowRun.RepositoryRoot();
    private static readonly string ToolCommand = "dotnet " + Path.Combine(AppContext.BaseDirectory, "dotnet-perfgate.dll");

    [Fact]
    public void ThePullRequestIsMeasuredReadOnlyAndReportedFromTheBaseRepositoryHonouringNothingTheArtifactPlants()
    {
        using var github = new FakeGitHub();
        using var dir = new TempDir();
        var (baseSha, headSha) = PullRequestRepository(dir.File("repo"));
        var artifacts = dir.File("artifacts");

        // Step 1: the fork's code, measured with the read-only token; it posts nothing.
        var measure = new WorkflowRun(Path.Combine(Root, "examples", "workflows", "perfgate-pull-request.yml")) { Artifacts = artifacts };
        var pullRequestEvent = Write(dir.File("pull-request-event.json"), System.Text.Json.JsonSerializer.Serialize(new
        {
            action = "synchronize",
            number = 42,
            pull_request = new { number = 42, head = new { @ref = "feature", sha = headSha, repo = new { full_name = Fork } }, @base = new { @ref = "main", sha = baseSha } },
        }));
        var measured = measure.Run(pullRequestEvent, Environment(github, dir, "pull_request", pullRequestEvent, new string('e', 40), dir.File("repo")), dir.File("repo"), "ghs_READONLY", ToolCommand);

        // The regression fails the job; the report and the number are uploaded all the same.
        Assert.True(measured.JobRan && !measured.Succeeded, measured.ToString());
        Assert.Equal(["actions/checkout", "actions/setup-dotnet", "afirgen/perfgate", "Keep the pull request number beside the report", "actions/upload-artifact"], measured.StepsRun);
        Assert.Empty(github.Requests);
        var report = Path.Combine(artifacts, "perfgate-report");
        Assert.True(File.Exists(Path.Combine(report, "comparison.json")), measured.ToString());
        Assert.Equal("42", File.ReadAllText(Path.Combine(report, "pr-number.txt")).Trim());

        // Step 2, honest artifact: one comment on #42 and a failed check on the head the run measured.
        github.PullRequest(42, headSha, Fork);
        github.PullRequest(43, new string('9', 40), Fork);
        var honest = Comment(github, dir, "honest", artifacts, headSha);
        Assert.True(honest.JobRan && honest.Succeeded, honest.ToString());
        var comment = Assert.Single(github.Comments);
        Assert.Equal(42, comment.Issue);
        Assert.Contains("PerfGate: failed", comment.Body, StringComparison.Ordinal);
        Assert.Contains("sha=" + headSha, comment.Body, StringComparison.Ordinal);
        // The regression is annotated without a file: the downloaded report folder is none, and no source is here.
        Assert.Contains("::error title=PerfGate%3A Sample.Work.Sum regressed::", honest.Log, StringComparison.Ordinal);
        var check = Assert.Single(github.CheckRuns);
        Assert.Equal(("PerfGate", headSha, "failure"), (check.Name, check.HeadSha, check.Conclusion));

        // The fork forges the artifact: a broken perfgate.json, nuget.config and global.json beside the report (any of
        // them read would make a step fail), and another pull request's number.
        foreach (var planted in new[] { "perfgate.json", "nuget.config", "global.json" })
        {
            File.WriteAllText(Path.Combine(report, planted), "{ planted by the fork <");
        }

        File.WriteAllText(Path.Combine(report, "pr-number.txt"), "43\n");
        var otherNumber = Comment(github, dir, "forged-number", artifacts, headSha);
        // The job still succeeds: a planted config read by the tool would have been bad input, and failed it.
        Assert.True(otherNumber.JobRan && otherNumber.Succeeded, otherNumber.ToString());
        Assert.Contains("no comment posted", otherNumber.Log, StringComparison.Ordinal);
        Assert.Equal(comment, Assert.Single(github.Comments));

        // A number that is not one never reaches the tool.
        File.WriteAllText(Path.Combine(report, "pr-number.txt"), "42\n::set-output name=x::y\n");
        var injected = Comment(github, dir, "injected-number", artifacts, headSha);
        Assert.False(injected.Succeeded, injected.ToString());
        Assert.Contains("pr-number.txt does not hold a pull request number", injected.Log, StringComparison.Ordinal);
        Assert.Equal(["actions/setup-dotnet", "actions/download-artifact", "Read the pull request number"], injected.StepsRun);

        // The pull request moved on after the run: the old report is not put on the new head.
        File.WriteAllText(Path.Combine(report, "pr-number.txt"), "42\n");
        github.PullRequest(42, new string('f', 40), Fork);
        var moved = Comment(github, dir, "moved-head", artifacts, headSha);
        Assert.True(moved.JobRan, moved.ToString());
        Assert.Contains("pull request #42 is at fffffff", moved.Log, StringComparison.Ordinal);
        Assert.Equal(comment, Assert.Single(github.Comments));

        // Nothing the fork planted is where dotnet or the tool looks: the workspaces' roots hold none of it.
        foreach (var workspace in new[] { "honest", "forged-number", "moved-head" })
        {
            Assert.All(new[] { "perfgate.json", "nuget.config", "global.json" }, f => Assert.False(File.Exists(Path.Combine(dir.File(workspace), f))));
            Assert.Equal(0, Dotnet(dir.File(workspace), "--version"));
        }

        // A run that was cancelled gets no comment job at all.
        var cancelledWorkspace = Directory.CreateDirectory(dir.File("cancelled")).FullName;
        var cancelled = new WorkflowRun(Path.Combine(Root, "examples", "workflows", "perfgate-comment.yml")) { Artifacts = artifacts }
            .Run(WorkflowRunEvent(dir, "cancelled", headSha, "cancelled"), Environment(github, dir, "workflow_run", dir.File("cancelled-event.json"), new string('e', 40), cancelledWorkspace),
                cancelledWorkspace, GateRun.Canary, ToolCommand);
        Assert.False(cancelled.JobRan);
        Assert.DoesNotContain(GateRun.Canary, measured.Log + honest.Log + otherNumber.Log + moved.Log, StringComparison.Ordinal);
    }

    private static WorkflowRun.Outcome Comment(FakeGitHub github, TempDir dir, string name, string artifacts, string headSha)
    {
        var workspace = Directory.CreateDirectory(dir.File(name)).FullName;
        var eventFile = WorkflowRunEvent(dir, name, headSha, "failure");
        var run = new WorkflowRun(Path.Combine(Root, "examples", "workflows", "perfgate-comment.yml")) { Artifacts = artifacts };
        return run.Run(eventFile, Environment(github, dir, "workflow_run", eventFile, new string('e', 40), workspace), workspace, GateRun.Canary, ToolCommand);
    }

    private static string WorkflowRunEvent(TempDir dir, string name, string headSha, string conclusion) => Write(dir.File(name + "-event.json"), $$$"""
        {"action":"completed","workflow_run":{"id":555,"run_number":31,"run_attempt":1,"event":"pull_request","conclusion":"{{{conclusion}}}",
         "head_sha":"{{{headSha}}}","head_branch":"feature","head_repository":{"full_name":"{{{Fork}}}"},"pull_requests":[]}}
        """);

    private static Dictionary<string, string> Environment(FakeGitHub github, TempDir dir, string eventName, string eventFile, string sha, string workspace)
    {
        var runnerTemp = Directory.CreateDirectory(dir.File("runner-temp-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        var env = new Dictionary<string, string>
        {
            ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = System.Environment.GetEnvironmentVariable("HOME") ?? dir.Path,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["RUNNER_TEMP"] = runnerTemp,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(runnerTemp, "summary.md"),
            ["GITHUB_EVENT_PATH"] = eventFile,
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_REPOSITORY"] = "afirgen/backend",
            ["GITHUB_REF"] = "refs/pull/42/merge",
            ["GITHUB_API_URL"] = github.BaseUrl,
            ["GITHUB_SERVER_URL"] = "https://github.example",
            ["GITHUB_RUN_ID"] = "901",
            ["GITHUB_RUN_NUMBER"] = "7",
            ["GITHUB_RUN_ATTEMPT"] = "1",
            ["GITHUB_SHA"] = sha,
            ["PERFGATE_GITHUB_MAX_RETRY_DELAY_MS"] = "20",
        };
        if (System.Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } dotnetRoot)
        {
            env["DOTNET_ROOT"] = dotnetRoot;
        }

        return env;
    }

    /// <summary>A repository with a one-benchmark project: the base commit, and the pull request's head 40% slower.</summary>
    private static (string Base, string Head) PullRequestRepository(string repo)
    {
        var project = BenchProject.Create(Path.Combine(repo, "bench"), ("Work.cs", BenchProject.Work(50)));
        File.WriteAllText(Path.Combine(repo, "perfgate.json"), $$"""{ "projects": ["{{Path.GetRelativePath(repo, project)}}"] }""");
        File.WriteAllText(Path.Combine(repo, ".gitignore"), "bin/\nobj/\nperfgate-results/\n");
        BenchProject.Git(repo, "init", "--quiet", "-b", "main");
        BenchProject.Git(repo, "add", ".");
        BenchProject.Git(repo, "commit", "--quiet", "-m", "base");
        var baseSha = BenchProject.Git(repo, "rev-parse", "HEAD");
        File.WriteAllText(Path.Combine(repo, "bench", "Work.cs"), BenchProject.Work(70));
        BenchProject.Git(repo, "commit", "--quiet", "-am", "the pull request: Sum 40% slower");
        return (baseSha, BenchProject.Git(repo, "rev-parse", "HEAD"));
    }

    private static string Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }

    private static int Dotnet(string directory, string argument)
    {
        var psi = new ProcessStartInfo("dotnet", argument) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode;
    }
}
