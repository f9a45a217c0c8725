namespace AfirGen.PerfGate.Load.Engine;

/// <summary>What a cache read found.</summary>
public enum CacheLookup : byte
{
    /// <summary>The operation was not a cache read.</summary>
    None,

    /// <summary>The key was there.</summary>
    Hit,

    /// <summary>The key was not there.</summary>
    Miss,
}
