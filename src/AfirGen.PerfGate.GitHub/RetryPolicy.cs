namespace AfirGen.PerfGate.GitHub;

/// <summary>Bounded retries with exponential backoff for transient GitHub failures; the delay is injectable so tests do not sleep.</summary>
public sealed class RetryPolicy
{
    /// <summary>Tries in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first backoff; it doubles on each retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No single wait is longer than this, whatever Retry-After says.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How to wait.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

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
            catch (Exception e) when (attempt < MaxAttempts && !cancellationToken.IsCancellationRequested && GitHubFailure.IsTransient(e, out var retryAfter))
            {
                var backoff = retryAfter ?? BaseDelay * Math.Pow(2, attempt - 1);
                var wait = backoff < MaxDelay ? backoff : MaxDelay;
                onRetry?.Invoke(attempt, e, wait);
                await Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
