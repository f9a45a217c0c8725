namespace AfirGen.PerfGate.Fuzz;

/// <summary>A reader broke a contract without throwing: it accepted input that its own round trip then rejects.</summary>
internal sealed class ContractViolationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContractViolationException(string message) : base(message) { }

    /// <summary>Creates the exception with the error that revealed it.</summary>
    public ContractViolationException(string message, Exception inner) : base(message, inner) { }
}
