namespace AfirGen.PerfGate.Load.Engine;

/// <summary>Why an operation failed; results count errors by these classes.</summary>
public enum ErrorClass
{
    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>The connection could not be made (refused, unreachable, the name not found).</summary>
    Connect,

    /// <summary>An HTTP status that the scenario does not accept.</summary>
    HttpStatus,

    /// <summary>The response arrived but failed a check (e.g. the body lacks the expected text).</summary>
    Check,

    /// <summary>The server answered with an error (a SQL error, a Redis error reply).</summary>
    Server,

    /// <summary>The peer reset the connection (ECONNRESET, EPIPE) during the exchange.</summary>
    Reset,

    /// <summary>The connection closed before the answer was complete (a head cut off, a body shorter than its length, closed mid-chunk).</summary>
    Truncated,

    /// <summary>The answer does not follow the protocol (a bad status line or chunk framing, a head too large, an answer no request asked for).</summary>
    Protocol,
}
