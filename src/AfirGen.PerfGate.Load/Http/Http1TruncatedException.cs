namespace AfirGen.PerfGate.Load.Http;

/// <summary>The connection closed before the response was complete: its head cut off, or its body short of what its framing says.</summary>
internal sealed class Http1TruncatedException(string message) : Exception(message);
