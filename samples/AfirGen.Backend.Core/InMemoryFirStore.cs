using System.Collections.Concurrent;

namespace AfirGen.Backend;

/// <summary>An <see cref="IFirStore"/> in dictionaries, for running the demo with nothing else installed.</summary>
public sealed class InMemoryFirStore : IFirStore
{
    private readonly ConcurrentDictionary<string, FirRecord> _firs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SessionRecord> _sessions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task InitializeAsync(IReadOnlyList<FirRecord> firs, IReadOnlyList<SessionRecord> sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firs);
        ArgumentNullException.ThrowIfNull(sessions);
        foreach (var f in firs)
        {
            _firs[f.FirNumber] = f;
        }

        foreach (var s in sessions)
        {
            _sessions[s.SessionId] = s;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<FirRecord?> FindFirAsync(string firNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_firs.GetValueOrDefault(firNumber));

    /// <inheritdoc />
    public Task<SessionRecord?> FindSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.GetValueOrDefault(sessionId));
}
