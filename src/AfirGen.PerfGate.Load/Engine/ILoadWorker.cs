namespace AfirGen.PerfGate.Load.Engine;

/// <summary>One worker's connection to the target: runs one operation at a time.</summary>
public interface ILoadWorker : IAsyncDisposable
{
    /// <summary>Runs one operation; failures are returned as an error class, never thrown (cancellation excepted).</summary>
    ValueTask<OperationOutcome> ExecuteAsync(CancellationToken cancellationToken);
}
