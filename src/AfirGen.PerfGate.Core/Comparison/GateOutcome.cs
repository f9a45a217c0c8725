namespace AfirGen.PerfGate.Comparison;

/// <summary>The gate's answer for a whole run, the one every report, comment and build line states.</summary>
public enum GateOutcome
{
    /// <summary>Nothing fails the gate and nothing needs a look.</summary>
    Passed,

    /// <summary>Nothing fails the gate, but something needs a look: an inconclusive or missing result, or a warning.</summary>
    PassedWithWarnings,

    /// <summary>Something fails the gate: a regression, a broken SLA, a failed benchmark (or, under <c>failOn: inconclusive</c>, an undecided one).</summary>
    Failed,
}
