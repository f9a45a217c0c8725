using System.Collections.Concurrent;

namespace AfirGen.Backend;

/// <summary>An <see cref="IDraftCache"/> in a dictionary, for running the demo with nothing else installed.</summary>
public sealed class InMemoryDraftCache : IDraftCache
{
    private readonly ConcurrentDictionary<string, string> _drafts = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_drafts.GetValueOrDefault(key));

    /// <inheritdoc />
    public Task SetAsync(string key, string document, CancellationToken cancellationToken)
    {
        _drafts[key] = document;
        return Task.CompletedTask;
    }
}
