namespace AfirGen.PerfGate.Comparison;

/// <summary>Codes of <see cref="WarningKind"/>.</summary>
public static class WarningKinds
{
    private static readonly (WarningKind Kind, string Code)[] Codes =
    [
        (WarningKind.NoiseAssumed, "noise-assumed"),
        (WarningKind.Skipped, "skipped"),
        (WarningKind.EnvironmentDiffers, "environment-differs"),
        (WarningKind.Incomplete, "incomplete"),
        (WarningKind.BaselineIncomplete, "baseline-incomplete"),
        (WarningKind.ThresholdUnused, "threshold-unused"),
        (WarningKind.SetupDiffers, "setup-differs"),
        (WarningKind.MachineSpeedDiffers, "machine-speed-differs"),
    ];

    /// <summary>The code written in comparison.json: "noise-assumed", "skipped", …</summary>
    public static string ToCode(this WarningKind kind) => Codes.First(c => c.Kind == kind).Code;

    /// <summary>The kind of a code, or null when the code is not known.</summary>
    public static WarningKind? Parse(string? code) => Codes.Where(c => c.Code == code).Select(c => (WarningKind?)c.Kind).FirstOrDefault();
}
