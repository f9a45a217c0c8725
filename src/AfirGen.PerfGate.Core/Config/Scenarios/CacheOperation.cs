namespace AfirGen.PerfGate.Config.Scenarios;

/// <summary>The Redis operation a cache scenario measures.</summary>
public enum CacheOperation
{
    /// <summary>GET of keys that exist (written before measuring).</summary>
    Get,

    /// <summary>GET of keys that do not exist.</summary>
    GetMiss,

    /// <summary>SET with the configured value size and TTL.</summary>
    Set,

    /// <summary>DEL of keys (re-written in between so each delete removes something).</summary>
    Delete,

    /// <summary>Cache-aside: GET, and on a miss fetch from the source and SET.</summary>
    GetOrFetch,

    /// <summary>GET or SET at random by the read ratio.</summary>
    Mixed,

    /// <summary>Only builds the namespaced key, no I/O: the cost of key generation.</summary>
    Key,
}
