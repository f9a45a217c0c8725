namespace AfirGen.PerfGate.Load.Http;

/// <summary>
/// A worker's per-operation timeout: one timer, re-armed for each operation and reset after it, so a level of tens of
/// thousands of requests a second does not create a timer per request. Linked to the token of the worker's first
/// operation, which is the level's.
/// </summary>
internal sealed class OperationDeadline(TimeSpan timeout) : IDisposable
{
    private CancellationTokenSource? source;

    /// <summary>Arms the timer; the token is cancelled after the timeout or with <paramref name="cancellationToken"/>.</summary>
    public CancellationToken Start(CancellationToken cancellationToken)
    {
        source ??= CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        return source.Token;
    }

    /// <summary>Disarms it for the next operation; a source that fired cannot be reset and is replaced.</summary>
    public void End()
    {
        if (source is not null && !source.TryReset())
        {
            source.Dispose();
            source = null;
        }
    }

    public void Dispose() => source?.Dispose();
}
