namespace AfirGen.PerfGate.Load.Engine;

/// <summary>The target answers but the scenario cannot run as configured (setup SQL failed, a full table scan under explain: fail); its levels are reported as failed.</summary>
public sealed class ScenarioFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenarioFailedException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ScenarioFailedException(string message, Exception inner) : base(message, inner) { }
}
