using AfirGen.PerfGate.Load.Engine;

namespace AfirGen.PerfGate.Load.Fetch;

/// <summary>The slow source behind a cache (a query, an HTTP call, a fixed delay): get-or-fetch calls it on a miss.</summary>
public interface IFetchSource : IAsyncDisposable
{
    /// <summary>What is fetched, for messages.</summary>
    string Description { get; }

    /// <summary>Checks that the source answers.</summary>
    /// <exception cref="TargetUnreachableException">It does not.</exception>
    Task CheckAsync(CancellationToken cancellationToken);

    /// <summary>Fetches the value for key number <paramref name="n"/>; failures are returned, not thrown.</summary>
    ValueTask<FetchResult> FetchAsync(long n, CancellationToken cancellationToken);
}
