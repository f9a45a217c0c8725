namespace AfirGen.PerfGate.Load.Fetch;

/// <summary>A source that takes a fixed time: stands in for a slow backend when none is at hand.</summary>
public sealed class DelayFetchSource(TimeSpan delay) : IFetchSource
{
    /// <inheritdoc />
    public string Description => $"a fixed delay of {delay.TotalMilliseconds:0.###} ms";

    /// <inheritdoc />
    public Task CheckAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask<FetchResult> FetchAsync(long n, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        return new FetchResult(n.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
