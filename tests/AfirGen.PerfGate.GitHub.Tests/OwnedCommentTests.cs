using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>
/// The comment PerfGate owns, with <c>perfgate comment</c> as a process and the real Octokit client against the loopback
/// GitHub: only its own author's marked comment is edited, runs are ordered by their stamp, races end in one comment, and a
/// run without a verdict says so.
/// </summary>
public sealed class OwnedCommentTests
{
    private const string Marker = "<!-- perfgate:comment:default -->";
    private static readonly string OldSha = new('a', 40);
    private static readonly string NewSha = new('c', 40);

    [Fact]
    public void AnotherUsersMarkerCommentIsLeftAlone()
    {
        using var github = new FakeGitHub();
        var planted = github.Seed(42, Marker + "\nplanted by someone else", "mallory");
        var quoted = github.Seed(42, "Why does the bot write `" + Marker + "`?", "a-reviewer");
        var botQuoting = github.Seed(42, "a bot's other comment that mentions " + Marker, StickyComment.ActionsBot);
        using var run = new GateRun(regressing: true);

        var outcome = Run(run, github, OldSha, 100);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Empty(github.Where("PATCH"));
        Assert.Empty(github.Where("DELETE"));
        Assert.Equal(planted, github.Comments.Single(c => c.Id == planted.Id));
        Assert.Equal(quoted, github.Comments.Single(c => c.Id == quoted.Id));
        Assert.Equal(botQuoting, github.Comments.Single(c => c.Id == botQuoting.Id));
        var mine = Assert.Single(github.Comments, c => c.User == StickyComment.ActionsBot && c.Body.StartsWith(Marker, StringComparison.Ordinal));
        Assert.Contains("PerfGate: failed", mine.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ACommentAuthorNamesTheIdentityOfAnotherToken()
    {
        using var github = new FakeGitHub { Login = "perfgate-app[bot]" };
        var actions = github.Seed(42, Marker + "\nposted with the Actions token", StickyComment.ActionsBot);
        var app = github.Seed(42, Marker + "\nposted by the app", "perfgate-app[bot]");
        using var run = new GateRun(regressing: false);

        var outcome = Run(run, github, OldSha, 100, "--author", "perfgate-app[bot]");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.EndsWith("/issues/comments/" + app.Id, Assert.Single(github.Where("PATCH")).Path, StringComparison.Ordinal);
        Assert.Equal(actions, github.Comments.Single(c => c.Id == actions.Id));
    }

    [Fact]
    public void TheBodyNamesTheHeadCommitAndTheRun()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);

        Assert.Equal(0, Run(run, github, NewSha, 4242, "--run-number", "57").ExitCode);

        var body = Assert.Single(github.Comments).Body;
        Assert.StartsWith(Marker + "\n<!-- perfgate:run sha=" + NewSha + " run-id=4242 run-number=57 attempt=1 -->\n", body, StringComparison.Ordinal);
        Assert.Contains("Reported for `ccccccc` · run #57", body, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOlderRunFinishingLastDoesNotOverwriteANewerOne()
    {
        using var github = new FakeGitHub();
        using var newer = new GateRun(regressing: true);
        using var older = new GateRun(regressing: false);

        Assert.Equal(1, Run(newer, github, NewSha, 200).ExitCode);
        var late = Run(older, github, OldSha, 100);

        // The older run's own verdict and exit code are unchanged; only the comment stays the newer run's.
        Assert.True(late.ExitCode == 0, late.ToString());
        var comment = Assert.Single(github.Comments);
        Assert.Contains("run-id=200", comment.Body, StringComparison.Ordinal);
        Assert.Contains("PerfGate: failed", comment.Body, StringComparison.Ordinal);
        Assert.Empty(github.Where("PATCH"));
        Assert.Contains("comment left as it is: a newer run reported there", late.Stdout, StringComparison.Ordinal);
        Assert.Equal("superseded", older.Outputs["comment-status"]);
    }

    [Fact]
    public void ALaterAttemptOfTheSameRunUpdates()
    {
        using var github = new FakeGitHub();
        using var first = new GateRun(regressing: true);
        using var rerun = new GateRun(regressing: false);

        Assert.Equal(1, Run(first, github, NewSha, 300).ExitCode);
        Assert.Equal(0, Run(rerun, github, NewSha, 300, "--run-attempt", "2").ExitCode);

        var body = Assert.Single(github.Comments).Body;
        Assert.Contains("attempt=2", body, StringComparison.Ordinal);
        Assert.Contains("PerfGate: passed", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoConcurrentRunsEndWithOneCommentHoldingTheNewerReport()
    {
        using var github = new FakeGitHub();
        // Both runs search before either creates: each creates its own, then finds the other's and settles.
        github.HoldListsUntil(2);
        using var older = new GateRun(regressing: false);
        using var newer = new GateRun(regressing: true);

        using var a = older.Start(CommentArgs(older, github, OldSha, 500));
        using var b = newer.Start(CommentArgs(newer, github, NewSha, 501));
        var outA = a.StandardOutput.ReadToEndAsync();
        var outB = b.StandardOutput.ReadToEndAsync();
        var errA = a.StandardError.ReadToEndAsync();
        var errB = b.StandardError.ReadToEndAsync();
        Assert.True(a.WaitForExit(TimeSpan.FromMinutes(3)) && b.WaitForExit(TimeSpan.FromMinutes(3)), "a racing run did not finish");

        var log = await outA + await errA + await outB + await errB;
        Assert.True(a.ExitCode == 0 && b.ExitCode == 1, log);
        Assert.Equal(2, github.Where("POST").Count());
        var comment = Assert.Single(github.Comments);
        Assert.Contains("run-id=501", comment.Body, StringComparison.Ordinal);
        Assert.Contains("PerfGate: failed", comment.Body, StringComparison.Ordinal);
        Assert.Contains("duplicate comment", log, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunWithoutAVerdictReplacesTheEarlierVerdict()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);
        Assert.Equal(0, Run(run, github, OldSha, 600).ExitCode);
        Assert.Contains("PerfGate: passed", Assert.Single(github.Comments).Body, StringComparison.Ordinal);

        var outcome = run.Perfgate(github, GateRun.Canary, null, "comment", "--no-verdict", "3", "--reason", "perfgate: error: the build of base failed: `<b>` | x",
            "--pr", "42", "--api-url", github.BaseUrl, "--head-sha", NewSha, "--run-id", "601");

        Assert.True(outcome.ExitCode == 3, outcome.ToString());
        var body = Assert.Single(github.Comments).Body;
        Assert.Contains("## ⚠️ PerfGate: no verdict for `ccccccc`: the run could not be done (exit code 3)", body, StringComparison.Ordinal);
        Assert.Contains("the build of base failed", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("PerfGate: passed", body, StringComparison.Ordinal);
        Assert.Equal("error", run.Outputs["verdict"]);
    }

    [Fact]
    public void NoVerdictAndResultsTogetherIsBadInput()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);

        var outcome = run.Comment(github, GateRun.Canary, "--no-verdict", "3");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--no-verdict", outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(github.Requests);
    }

    private static PerfGateProcess.Outcome Run(GateRun run, FakeGitHub github, string sha, long runId, params string[] extra) =>
        run.Comment(github, GateRun.Canary, ["--head-sha", sha, "--run-id", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra]);

    private static string[] CommentArgs(GateRun run, FakeGitHub github, string sha, long runId) =>
        ["comment", "--results", run.Current, "--baseline", run.Baseline, "--pr", "42", "--api-url", github.BaseUrl, "--head-sha", sha, "--run-id", runId.ToString(System.Globalization.CultureInfo.InvariantCulture)];
}
