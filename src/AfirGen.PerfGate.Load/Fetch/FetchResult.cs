using AfirGen.PerfGate.Load.Engine;

namespace AfirGen.PerfGate.Load.Fetch;

/// <summary>A fetched value, or why there is none.</summary>
/// <param name="Value">The value to cache.</param>
/// <param name="Error">The error class when the fetch failed.</param>
public readonly record struct FetchResult(string? Value, ErrorClass? Error);
