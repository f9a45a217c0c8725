namespace AfirGen.PerfGate.Load.Engine;

/// <summary>
/// A worker that can also run an operation blocking, on a thread of its own. The engine then gives each worker a
/// dedicated thread, as wrk and mysqlslap do: on a machine whose cores the generator shares with the target, the
/// scheduler shares them out per runnable thread, and a handful of pool threads carrying every connection would
/// lose that contest to the target's threads and make the generator the bottleneck.
/// </summary>
public interface IBlockingLoadWorker : ILoadWorker
{
    /// <summary>Runs one operation on the calling thread; failures are returned as an error class, never thrown (cancellation excepted).</summary>
    OperationOutcome Execute(CancellationToken cancellationToken);
}
