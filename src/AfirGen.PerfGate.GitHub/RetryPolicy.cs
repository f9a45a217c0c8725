namespace AfirGen.PerfGate.GitHub;

/// <summary>
/// Bounded retries for transient GitHub failures. Server errors and lost connections back off exponentially; a rate limit
/// waits as GitHub asks: at least a minute for a secondary limit, or until its reset, honouring <c>Retry-After</c>.
/// The clock and the wait are injectable, so tests run minutes of waiting in no time.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Tries in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first backoff after a server error; it doubles on each retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No backoff after a server error is longer than this, whatever Retry-After says.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The shortest wait after a secondary rate limit: GitHub asks for at least a minute.</summary>
    public TimeSpan RateLimitFloor { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A rate limit that asks for a longer wait than this is not waited for: the step ends with a warning instead.</summary>
    public TimeSpan RateLimitMaxWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The clock that reset times and Retry-After dates are read against.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How to wait; null waits on <see cref="Clock"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Runs <paramref name="action"/>, retrying transient failures; <paramref name="onRetry"/> hears of each retry before its wait.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> action, Action<int, Exception, TimeSpan>? onRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action().ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < MaxAttempts && !cancellationToken.IsCancellationRequested && WaitBefore(e, attempt) is { } wait)
            {
                onRetry?.Invoke(attempt, e, wait);
                await (Delay ?? WaitOnClock)(wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>How long to wait before trying again after <paramref name="exception"/> on try <paramref name="attempt"/>; null: do not retry.</summary>
    public TimeSpan? WaitBefore(Exception exception, int attempt)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var advice = GitHubFailure.Advise(exception, Clock.GetUtcNow());
        switch (advice.Kind)
        {
            case RetryKind.RateLimit:
                var wait = advice.Wait is { } asked && asked > RateLimitFloor ? asked : RateLimitFloor;
                return wait <= RateLimitMaxWait ? wait : null;
            case RetryKind.UntilReset:
                // The primary limit: nothing helps before the reset, and a reset far away is not worth a stalled job.
                return advice.Wait is { } reset && reset <= RateLimitMaxWait ? reset : null;
            case RetryKind.Backoff:
                var backoff = advice.Wait ?? BaseDelay * Math.Pow(2, attempt - 1);
                return backoff < MaxDelay ? backoff : MaxDelay;
            default:
                return null;
        }
    }

    private Task WaitOnClock(TimeSpan wait, CancellationToken cancellationToken) => Task.Delay(wait, Clock, cancellationToken);
}

/// <summary>What kind of retry a failure deserves.</summary>
public enum RetryKind
{
    /// <summary>Not worth another try.</summary>
    None,

    /// <summary>A server error or a lost connection: exponential backoff.</summary>
    Backoff,

    /// <summary>A secondary rate limit (or 429): at least a minute, or what GitHub asked.</summary>
    RateLimit,

    /// <summary>The primary rate limit: until its reset.</summary>
    UntilReset,
}

/// <summary>A retry decision: its kind, and the wait GitHub asked for when it said one.</summary>
public readonly record struct RetryAdvice(RetryKind Kind, TimeSpan? Wait);
