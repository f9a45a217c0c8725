using AfirGen.PerfGate.Load.Engine;

namespace AfirGen.PerfGate.Load.Fetch;

/// <summary>The source behind a cache, loaded alone: the "uncached" side of the cached-vs-uncached comparison.</summary>
public sealed class FetchLoadTarget(IFetchSource source, int keys) : ILoadTarget
{
    /// <inheritdoc />
    public string Description => source.Description;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PrepareAsync(CancellationToken cancellationToken)
    {
        await source.CheckAsync(cancellationToken).ConfigureAwait(false);
        return [];
    }

    /// <inheritdoc />
    public Task<ILoadSession> OpenAsync(int workers, CancellationToken cancellationToken) => Task.FromResult<ILoadSession>(new Session(source, keys));

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Session(IFetchSource source, int keys) : ILoadSession
    {
        public ValueTask<ILoadWorker> CreateWorkerAsync(int index, CancellationToken cancellationToken) =>
            ValueTask.FromResult<ILoadWorker>(new Worker(source, keys, new Random(index + 1)));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class Worker(IFetchSource source, int keys, Random random) : ILoadWorker
    {
        public async ValueTask<OperationOutcome> ExecuteAsync(CancellationToken cancellationToken)
        {
            var result = await source.FetchAsync(random.NextInt64(keys) + 1, cancellationToken).ConfigureAwait(false);
            return result.Error is { } e ? OperationOutcome.Failed(e) : OperationOutcome.Success;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
