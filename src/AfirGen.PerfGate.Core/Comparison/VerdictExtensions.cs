namespace AfirGen.PerfGate.Comparison;

/// <summary>Names and gate semantics of <see cref="Verdict"/>.</summary>
public static class VerdictExtensions
{
    /// <summary>The name used in every output: "regressed", "sla-violated", …</summary>
    public static string ToName(this Verdict verdict) => verdict switch
    {
        Verdict.Unchanged => "unchanged",
        Verdict.Improved => "improved",
        Verdict.New => "new",
        Verdict.Missing => "missing",
        Verdict.Inconclusive => "inconclusive",
        Verdict.Regressed => "regressed",
        Verdict.SlaViolated => "sla-violated",
        Verdict.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    /// <summary>True when the verdict fails the gate (exit code 1).</summary>
    public static bool FailsGate(this Verdict verdict) =>
        verdict is Verdict.Regressed or Verdict.SlaViolated or Verdict.Failed;
}
