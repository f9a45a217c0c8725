namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary><c>perfgate comment</c> as a separate process, with the real Octokit client, against the loopback GitHub.</summary>
public sealed class CommentCommandTests
{
    private const string Marker = "<!-- perfgate:comment:default -->";

    [Fact]
    public void FirstRunCreatesSecondRunUpdatesTheSameComment()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: true);

        var first = run.Comment(github);
        Assert.True(first.ExitCode == 1, first.Stdout + first.Stderr);
        var created = Assert.Single(github.Comments);
        Assert.Contains(Marker, created.Body, StringComparison.Ordinal);
        Assert.Contains("PerfGate: failed", created.Body, StringComparison.Ordinal);
        Assert.Contains("perfgate: comment created: https://github.example/afirgen/backend/pull/42#issuecomment-" + created.Id, first.Stdout, StringComparison.Ordinal);

        var second = run.Comment(github);
        Assert.True(second.ExitCode == 1, second.Stdout + second.Stderr);
        var updated = Assert.Single(github.Comments);
        Assert.Equal(created.Id, updated.Id);
        Assert.Single(github.Where("POST"));
        var patch = Assert.Single(github.Where("PATCH"));
        Assert.EndsWith("/issues/comments/" + created.Id, patch.Path, StringComparison.Ordinal);
        Assert.Contains("perfgate: comment updated:", second.Stdout, StringComparison.Ordinal);
        Assert.Equal("updated", run.Outputs["comment-status"]);
        Assert.EndsWith("#issuecomment-" + created.Id, run.Outputs["comment-url"], StringComparison.Ordinal);
    }

    [Fact]
    public void WithAHistoryStoreTheCommentAndSummaryShowTheChangedBenchmarksTrend()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: true);
        var store = History.HistoryStore.Open(Path.Combine(run.Directory, "history"));
        for (var i = 0; i < 12; i++)
        {
            var set = new Model.ResultSet
            {
                CreatedAt = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero).AddDays(i),
                Source = new Model.SourceInfo($"{i:x4}{new string('c', 36)}", "main"),
                Benchmarks = [Cli.Tests.Results.Micro("Fir.Parse", 100 + i, 1000 + i)],
            };
            store.Add(History.HistoryEntries.Create(set, null, null, null), History.HistoryEntries.Compress(set));
        }

        var outcome = run.Comment(github, GateRun.Canary, "--history", Path.Combine(run.Directory, "history"));
        Assert.True(outcome.ExitCode == 1, outcome.Stdout + outcome.Stderr);
        foreach (var text in new[] { Assert.Single(github.Comments).Body, run.Summary })
        {
            Assert.Contains("#### Recent trends", text, StringComparison.Ordinal);
            Assert.Contains("| Fir.Parse time | regressed | `▁", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Fir.Render time", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnotherConfigGetsItsOwnComment()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);

        Assert.Equal(0, run.Comment(github).ExitCode);
        Assert.Equal(0, run.Comment(github, GateRun.Canary, "--key", "api").ExitCode);

        Assert.Equal(2, github.Comments.Count);
        Assert.Contains(github.Comments, c => c.Body.Contains("<!-- perfgate:comment:api -->", StringComparison.Ordinal));
    }

    [Fact]
    public void MarkerOnPageThreeIsFound()
    {
        using var github = new FakeGitHub();
        for (var i = 0; i < 230; i++)
        {
            github.Seed(42, i == 215 ? Marker + "\nold report" : $"review comment {i}", i == 215 ? StickyComment.ActionsBot : "someone");
        }

        github.Seed(7, Marker, StickyComment.ActionsBot); // another pull request's comment must not be touched
        var target = github.Comments.Single(c => c.Issue == 42 && c.Body.StartsWith(Marker, StringComparison.Ordinal));
        using var run = new GateRun(regressing: false);

        var outcome = run.Comment(github);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(github.Where("POST"));
        Assert.EndsWith("/issues/comments/" + target.Id, Assert.Single(github.Where("PATCH")).Path, StringComparison.Ordinal);
        var pages = github.Where("GET").Select(r => r.Query).ToList();
        Assert.Contains(pages, q => q.Contains("page=3", StringComparison.Ordinal));
        Assert.Contains("PerfGate: passed", github.Comments.Single(c => c.Id == target.Id).Body, StringComparison.Ordinal);
    }

    /// <summary>GitHub's failures that end in a warning: how often the fake fails, how many requests that costs, what the user reads.</summary>
    public static TheoryData<string, int, string?, int, string, string[], int, string> Failures => new()
    {
        // A GET, then the refused POST: neither 403 nor 422 is retried.
        { "forbidden", 1, "POST", 403, "Resource not accessible by integration", [], 2, "403 Forbidden: the token may not comment here" },
        { "validation", 1, "POST", 422, "Validation Failed: body is too long", [], 2, "422 Unprocessable Entity: GitHub refused the comment (GitHub said: Validation Failed: body is too long)" },
        // 4 tries in all, each a GET that fails.
        { "server error", 50, null, 500, "Internal Server Error", [], 4, "GitHub answered 500, still after retrying" },
        // The primary limit resets within the hour: not waited for.
        { "primary rate limit", 1, "GET", 403, "API rate limit exceeded for installation ID 1.", ["X-RateLimit-Remaining=0", "X-RateLimit-Limit=1000", "X-RateLimit-Reset=1893456000"], 1, "rate limit exceeded; it resets at" },
        { "rate limit without a message", 1, "GET", 403, "Forbidden", ["X-RateLimit-Remaining=0"], 1, "rate limit exceeded (no requests remaining)" },
        // Secondary limits and 429 wait at least a minute: RateLimitTests runs them on a test clock, in process.
        { "secondary rate limit asking for hours", 1, null, 403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", ["Retry-After=7200"], 1, "secondary rate limit" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void GitHubFailureWarnsAndKeepsTheGatesExitCodeAndSummary(string what, int times, string? method, int status, string message, string[] headers, int requests, string warning)
    {
        foreach (var regressing in new[] { true, false })
        {
            using var github = new FakeGitHub();
            github.FailNext(times, method, status, message, headers.Select(h => (h.Split('=')[0], h.Split('=')[1])).ToArray());
            using var run = new GateRun(regressing);

            var outcome = run.Comment(github);

            Assert.True(outcome.ExitCode == (regressing ? 1 : 0), what + ": " + outcome);
            Assert.Contains("perfgate: warning: the pull-request comment was not posted: " + warning, outcome.Stderr, StringComparison.Ordinal);
            Assert.Contains("::warning title=PerfGate::", outcome.Stdout, StringComparison.Ordinal);
            Assert.Equal(requests, github.Requests.Count);
            Assert.Empty(github.Comments);
            Assert.Contains(regressing ? "PerfGate: failed" : "PerfGate: passed", run.Summary, StringComparison.Ordinal);
            Assert.Equal("failed", run.Outputs["comment-status"]);
            Assert.Equal(regressing ? "failed" : "passed", run.Outputs["verdict"]);
        }
    }

    [Fact]
    public void ServerErrorIsRetriedAndTheCommentStillPosted()
    {
        using var github = new FakeGitHub();
        github.FailNext(2, null, 502, "Bad Gateway");
        using var run = new GateRun(regressing: true);

        var outcome = run.Comment(github);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Single(github.Comments);
        Assert.Equal(2, outcome.Stderr.Split('\n').Count(l => l.Contains("GitHub answered 502", StringComparison.Ordinal) && l.Contains("retrying", StringComparison.Ordinal)));
        Assert.DoesNotContain("warning", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateAnsweredWith5xxIsEditedNotDuplicatedOnRetry()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: true);
        Assert.Equal(1, run.Comment(github).ExitCode);
        github.FailNext(1, "PATCH", 503, "Service Unavailable");

        var outcome = run.Comment(github);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Single(github.Comments);
        Assert.Equal(2, github.Where("PATCH").Count());
    }

    [Fact]
    public void MissingTokenWarnsAndKeepsTheGatesExitCode()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: true);

        var outcome = run.Comment(github, token: null);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(github.Requests);
        Assert.Contains("no GITHUB_TOKEN", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("PerfGate: failed", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void OnRegressionPolicyDoesNotCreateACommentForAPass()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: false);

        var outcome = run.Comment(github, GateRun.Canary, "--when", "on-regression");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(github.Where("POST"));
        Assert.Equal("skipped", run.Outputs["comment-status"]);
    }

    [Fact]
    public void OnRegressionPolicyStillUpdatesAnEarlierCommentSoItIsNotStale()
    {
        using var github = new FakeGitHub();
        var old = github.Seed(42, Marker + "\n## ❌ PerfGate: failed", StickyComment.ActionsBot);
        using var run = new GateRun(regressing: false);

        Assert.Equal(0, run.Comment(github, GateRun.Canary, "--when", "on-regression").ExitCode);

        Assert.Contains("PerfGate: passed", github.Comments.Single(c => c.Id == old.Id).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void RegressionsBecomeErrorAnnotationsAndOutputs()
    {
        using var github = new FakeGitHub();
        using var run = new GateRun(regressing: true);

        var outcome = run.Comment(github);

        var errors = outcome.Stdout.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("::error file=", StringComparison.Ordinal)
            && e.Contains(",title=PerfGate%3A Fir.Parse regressed::Fir.Parse: regressed +", StringComparison.Ordinal));
        Assert.Equal("failed", run.Outputs["verdict"]);
        Assert.Equal("2", run.Outputs["regressions"]);
    }

    [Fact]
    public void CanaryTokenNeverAppearsInAnyOutput()
    {
        using var github = new FakeGitHub();
        // A hostile or broken server that echoes the credentials back in its error message.
        github.FailNextWithBody("POST", 422, $$"""{"message":"Validation Failed for token {{GateRun.Canary}} (Authorization: token {{GateRun.Canary}})"}""");
        github.FailNextWithBody("POST", 500, $$"""{"message":"boom {{GateRun.Canary}}"}""");
        using var run = new GateRun(regressing: true);

        var failed = run.Comment(github);
        var retried = run.Comment(github);
        var succeeded = run.Comment(github);

        // The token was sent, so the test is not vacuous: it is in the Authorization header and nowhere else.
        Assert.All(github.Requests, r => Assert.Equal("token " + GateRun.Canary, r.Authorization, ignoreCase: true));
        foreach (var text in new[] { failed.Stdout, failed.Stderr, retried.Stdout, retried.Stderr, succeeded.Stdout, succeeded.Stderr, run.Summary, File.ReadAllText(run.OutputFile) }
                     .Concat(github.Requests.Select(r => r.Body + r.Path + r.Query)))
        {
            Assert.DoesNotContain("CANARY", text, StringComparison.Ordinal);
        }

        Assert.Contains("GitHub said: Validation Failed for token ***", failed.Stderr, StringComparison.Ordinal);
    }
}
