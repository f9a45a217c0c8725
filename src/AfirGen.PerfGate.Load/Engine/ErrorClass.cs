namespace AfirGen.PerfGate.Load.Engine;

/// <summary>Why an operation failed; results count errors by these classes.</summary>
public enum ErrorClass
{
    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>The connection could not be made, or was lost.</summary>
    Connect,

    /// <summary>An HTTP status that the scenario does not accept.</summary>
    HttpStatus,

    /// <summary>The response arrived but failed a check (e.g. the body lacks the expected text).</summary>
    Check,

    /// <summary>The server answered with an error (a SQL error, a Redis error reply).</summary>
    Server,
}
