namespace AfirGen.PerfGate.Load.Engine;

/// <summary>The target set up for one load level: shared clients or pools, and the workers that use them.</summary>
public interface ILoadSession : IAsyncDisposable
{
    /// <summary>Creates the worker with the given index (0-based).</summary>
    ValueTask<ILoadWorker> CreateWorkerAsync(int index, CancellationToken cancellationToken);

    /// <summary>Called just before the measured phase starts (after warmup), e.g. to read server counters.</summary>
    Task BeginMeasureAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called when the measured phase ends; returns what the session saw beyond the per-operation outcomes.</summary>
    Task<SessionReport> EndMeasureAsync(CancellationToken cancellationToken) => Task.FromResult(SessionReport.None);
}
