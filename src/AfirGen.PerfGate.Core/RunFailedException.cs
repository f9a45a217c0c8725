namespace AfirGen.PerfGate;

/// <summary>The run itself could not be done (I/O failure, target unreachable, build failed). The CLI exits with code 3.</summary>
public sealed class RunFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RunFailedException(string message) : base(message.ReplaceLineEndings(" ")) { }

    /// <summary>Creates the exception with its cause.</summary>
    public RunFailedException(string message, Exception inner) : base(message.ReplaceLineEndings(" "), inner) { }
}
