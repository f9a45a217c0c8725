namespace AfirGen.PerfGate.Load.Http;

/// <summary>A response that does not follow HTTP/1.1.</summary>
internal sealed class Http1ProtocolException(string message) : Exception(message);
