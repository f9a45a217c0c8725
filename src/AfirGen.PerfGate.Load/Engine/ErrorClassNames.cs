namespace AfirGen.PerfGate.Load.Engine;

/// <summary>The names results.json gives to error classes.</summary>
public static class ErrorClassNames
{
    /// <summary>The name of an error class, e.g. "http-status".</summary>
    public static string Of(ErrorClass error) => error switch
    {
        ErrorClass.Timeout => "timeout",
        ErrorClass.Connect => "connect",
        ErrorClass.HttpStatus => "http-status",
        ErrorClass.Check => "check",
        ErrorClass.Server => "server",
        ErrorClass.Reset => "reset",
        ErrorClass.Truncated => "truncated",
        ErrorClass.Protocol => "protocol",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "not an error class"),
    };
}
