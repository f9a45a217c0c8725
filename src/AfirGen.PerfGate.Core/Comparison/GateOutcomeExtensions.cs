namespace AfirGen.PerfGate.Comparison;

/// <summary>Names of <see cref="GateOutcome"/>.</summary>
public static class GateOutcomeExtensions
{
    /// <summary>The words used in every output: "passed", "passed with warnings", "failed".</summary>
    public static string ToName(this GateOutcome outcome) => outcome switch
    {
        GateOutcome.Passed => "passed",
        GateOutcome.PassedWithWarnings => "passed with warnings",
        GateOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>Parses a name written by <see cref="ToName"/>, or null when it is not one.</summary>
    public static GateOutcome? Parse(string? name) => name switch
    {
        "passed" => GateOutcome.Passed,
        "passed with warnings" => GateOutcome.PassedWithWarnings,
        "failed" => GateOutcome.Failed,
        _ => null,
    };
}
