namespace AfirGen.PerfGate.Config;

/// <summary>What fails the gate besides regressions, broken SLAs and failed benchmarks: "regression" (the default) or "inconclusive".</summary>
public static class FailPolicy
{
    /// <summary>The names accepted by <c>--fail-on</c>, <c>defaults.failOn</c>, <c>PerfGateFailOn</c> and the Action's <c>fail-on</c>.</summary>
    public const string Names = "regression or inconclusive";

    /// <summary>True for "inconclusive" (an undecided result fails too), false for "regression".</summary>
    /// <exception cref="InputException">The name is neither.</exception>
    public static bool Parse(string name, string source, string? field) => name.Trim().ToUpperInvariant() switch
    {
        "REGRESSION" => false,
        "INCONCLUSIVE" => true,
        _ => throw new InputException(source, field, $"'{Reports.PlainText.Clean(name, 40)}' is not a fail policy; expected {Names}"),
    };

    /// <summary>The name of a policy, as written in comparison.json.</summary>
    public static string ToName(bool failOnInconclusive) => failOnInconclusive ? "inconclusive" : "regression";
}
