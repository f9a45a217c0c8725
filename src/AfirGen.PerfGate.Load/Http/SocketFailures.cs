using System.Net.Sockets;
using AfirGen.PerfGate.Load.Engine;

namespace AfirGen.PerfGate.Load.Http;

/// <summary>The error class of a socket failure, the same for the raw client and HttpClient.</summary>
internal static class SocketFailures
{
    /// <summary>
    /// Reset when the peer reset or shut a connection that was made (ECONNRESET, ECONNABORTED, EPIPE, which .NET calls
    /// Shutdown); Connect for one that could not be made (refused, unreachable, the name not found).
    /// </summary>
    public static ErrorClass Of(SocketException e) =>
        e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown ? ErrorClass.Reset : ErrorClass.Connect;
}
