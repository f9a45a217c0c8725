namespace AfirGen.PerfGate.Load.Engine;

/// <summary>The target did not answer before the run: nothing can be measured (the CLI exits with code 3).</summary>
public sealed class TargetUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TargetUnreachableException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public TargetUnreachableException(string message, Exception inner) : base(message, inner) { }
}
