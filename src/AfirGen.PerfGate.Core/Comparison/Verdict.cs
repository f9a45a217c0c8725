namespace AfirGen.PerfGate.Comparison;

/// <summary>The outcome for one benchmark or metric; the order is severity for the gate, worst last.</summary>
public enum Verdict
{
    /// <summary>No change beyond the threshold, with enough evidence to say so.</summary>
    Unchanged,

    /// <summary>Faster (or fewer bytes) beyond the threshold, with statistical confidence.</summary>
    Improved,

    /// <summary>Only in the current results.</summary>
    New,

    /// <summary>Only in the baseline.</summary>
    Missing,

    /// <summary>Too noisy to tell: a warning, not a failure.</summary>
    Inconclusive,

    /// <summary>Slower (or more bytes) beyond the threshold, with statistical confidence.</summary>
    Regressed,

    /// <summary>An absolute SLA threshold is broken.</summary>
    SlaViolated,

    /// <summary>The benchmark did not produce measurements.</summary>
    Failed,
}
