using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>
/// Rate limits waited out as GitHub asks, with the real Octokit client against the loopback GitHub, on a test clock:
/// each wait moves the clock instead of sleeping, so minutes of waiting take no time and the waits can be read exactly.
/// </summary>
public sealed class RateLimitTests
{
    private const string Secondary = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, int, string, string[], double> Waits => new()
    {
        // What GitHub answered once, and the wait before the try that succeeds.
        { "secondary limit, short Retry-After: at least a minute", 403, Secondary, ["Retry-After=5"], 60 },
        { "secondary limit, Retry-After in seconds", 403, Secondary, ["Retry-After=150"], 150 },
        { "secondary limit, Retry-After as an HTTP date", 403, Secondary, ["Retry-After=" + Start.AddMinutes(4).ToString("r", CultureInfo.InvariantCulture)], 240 },
        { "secondary limit, no requests left until the reset", 403, Secondary, ["X-RateLimit-Remaining=0", "X-RateLimit-Reset=" + Start.AddSeconds(200).ToUnixTimeSeconds()], 201 },
        { "secondary limit, no hint: a minute", 403, Secondary, [], 60 },
        { "429 with Retry-After", 429, "Too Many Requests", ["Retry-After=90"], 90 },
        { "429 with a date in the past: still a minute", 429, "Too Many Requests", ["Retry-After=" + Start.AddMinutes(-5).ToString("r", CultureInfo.InvariantCulture)], 60 },
        { "primary limit resetting soon: until the reset", 403, "API rate limit exceeded for installation ID 1.", ["X-RateLimit-Remaining=0", "X-RateLimit-Limit=1000", "X-RateLimit-Reset=" + Start.AddSeconds(130).ToUnixTimeSeconds()], 131 },
    };

    [Theory]
    [MemberData(nameof(Waits))]
    public async Task ARateLimitIsWaitedOutAsGitHubAsks(string what, int status, string message, string[] headers, double seconds)
    {
        using var github = new FakeGitHub();
        github.FailNext(1, "GET", status, message, headers.Select(h => (h.Split('=', 2)[0], h.Split('=', 2)[1])).ToArray());
        var (policy, waits) = Policy();

        var outcome = await Post(github, policy);

        Assert.True(outcome.Action == CommentAction.Created, what + ": " + outcome);
        Assert.Equal([seconds], waits.Select(w => w.TotalSeconds));
        Assert.Single(github.Comments);
    }

    [Fact]
    public async Task ALimitAskingForLongerThanTenMinutesIsNotWaitedFor()
    {
        using var github = new FakeGitHub();
        github.FailNext(1, "GET", 403, Secondary, ("Retry-After", "3600"));
        var (policy, waits) = Policy();

        var outcome = await Post(github, policy);

        Assert.Equal(CommentAction.Failed, outcome.Action);
        Assert.Equal(GitHubProblem.RateLimited, outcome.Failure!.Problem);
        Assert.Empty(waits);
        Assert.Single(github.Requests);
    }

    [Fact]
    public async Task ALimitHitAgainAndAgainEndsAfterTheLastTry()
    {
        using var github = new FakeGitHub();
        github.FailNext(10, null, 403, Secondary, ("Retry-After", "61"));
        var (policy, waits) = Policy();

        var outcome = await Post(github, policy);

        Assert.Equal(CommentAction.Failed, outcome.Action);
        Assert.Equal([61.0, 61.0, 61.0], waits.Select(w => w.TotalSeconds));
        Assert.Equal(4, github.Requests.Count);
        Assert.Contains("secondary rate limit", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorsStillBackOffBriefly()
    {
        using var github = new FakeGitHub();
        github.FailNext(2, null, 502, "Bad Gateway");
        var (policy, waits) = Policy();

        var outcome = await Post(github, policy);

        Assert.Equal(CommentAction.Created, outcome.Action);
        Assert.Equal([1.0, 2.0], waits.Select(w => w.TotalSeconds));
    }

    private static (RetryPolicy Policy, List<TimeSpan> Waits) Policy()
    {
        var clock = new FakeTimeProvider(Start);
        var waits = new List<TimeSpan>();
        var policy = new RetryPolicy
        {
            Clock = clock,
            Delay = (wait, _) =>
            {
                waits.Add(wait);
                clock.Advance(wait);
                return Task.CompletedTask;
            },
        };
        return (policy, waits);
    }

    private static Task<CommentOutcome> Post(FakeGitHub github, RetryPolicy policy)
    {
        var client = StickyComment.CreateClient(new Uri(github.BaseUrl), GateRun.Canary);
        var request = new CommentRequest("afirgen", "backend", 42, "default", CommentBody.Marker("default") + "\nbody", null, Create: true, StickyComment.ActionsBot);
        return new StickyComment(client, policy, GateRun.Canary).PostAsync(request, null, CancellationToken.None);
    }
}
