namespace AfirGen.Backend;

/// <summary>Caches rendered FIR drafts by content hash: Redis in production, memory in the demo.</summary>
public interface IDraftCache
{
    /// <summary>The cached draft document of a key, or null.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores a draft document under a key.</summary>
    Task SetAsync(string key, string document, CancellationToken cancellationToken);
}
