namespace AfirGen.Backend;

/// <summary>Where FIRs and sessions are kept: MySQL in production, memory in the demo.</summary>
public interface IFirStore
{
    /// <summary>Creates the tables when needed and loads the seed rows when the store is empty.</summary>
    Task InitializeAsync(IReadOnlyList<FirRecord> firs, IReadOnlyList<SessionRecord> sessions, CancellationToken cancellationToken);

    /// <summary>The FIR of a number, or null.</summary>
    Task<FirRecord?> FindFirAsync(string firNumber, CancellationToken cancellationToken);

    /// <summary>The session of an id, or null.</summary>
    Task<SessionRecord?> FindSessionAsync(string sessionId, CancellationToken cancellationToken);
}
