using System.Net;
using Octokit;

namespace AfirGen.PerfGate.GitHub.Tests;

public sealed class RetryPolicyTests
{
    [Fact]
    public async Task ServerErrorsBackOffExponentiallyUpToTheCap()
    {
        var waits = new List<TimeSpan>();
        var policy = new RetryPolicy { MaxAttempts = 5, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5), Delay = (d, _) => { waits.Add(d); return Task.CompletedTask; } };
        var calls = 0;

        await Assert.ThrowsAsync<ApiException>(() => policy.RunAsync<int>(() => { calls++; throw new ApiException("bad gateway", HttpStatusCode.BadGateway); }, null, CancellationToken.None));

        Assert.Equal(5, calls);
        Assert.Equal([1, 2, 4, 5], waits.Select(w => w.TotalSeconds));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData((HttpStatusCode)422)]
    public async Task ClientErrorsAreNotRetried(HttpStatusCode status)
    {
        var calls = 0;
        var policy = new RetryPolicy { Delay = (_, _) => Task.CompletedTask };

        await Assert.ThrowsAsync<ApiException>(() => policy.RunAsync<int>(() => { calls++; throw new ApiException("no", status); }, null, CancellationToken.None));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task ASuccessAfterAFailureIsReturned()
    {
        var calls = 0;
        var policy = new RetryPolicy { Delay = (_, _) => Task.CompletedTask };

        var result = await policy.RunAsync(() => ++calls == 1 ? throw new HttpRequestException("reset") : Task.FromResult(7), null, CancellationToken.None);

        Assert.Equal(7, result);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void TokensAreScrubbedFromMessages()
    {
        Assert.Equal("a *** b *** c ***", GitHubFailure.Scrub("a ghs_abcdefghijklmnop b github_pat_11ABCDEFGHIJ_xyz c secret-value", "secret-value"));
    }
}
