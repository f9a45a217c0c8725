namespace AfirGen.PerfGate.Comparison;

/// <summary>What a run-level warning is about; its code is stable, for build lines and annotations.</summary>
public enum WarningKind
{
    /// <summary>Launch-to-launch noise was neither measured nor stored, so the default was assumed.</summary>
    NoiseAssumed,

    /// <summary>A scenario was not run (its service is not configured).</summary>
    Skipped,

    /// <summary>The baseline was measured on a different machine or runtime.</summary>
    EnvironmentDiffers,

    /// <summary>The current results are incomplete: the run was cancelled or cut short.</summary>
    Incomplete,

    /// <summary>The baseline is incomplete.</summary>
    BaselineIncomplete,

    /// <summary>A threshold the user wrote checked nothing: its glob selects no benchmark, or none it selects has its metric.</summary>
    ThresholdUnused,

    /// <summary>The baseline's system under test was set up otherwise (another store, a variable set on one side only): its api results are not compared.</summary>
    SetupDiffers,

    /// <summary>The baseline's machine ran perfgate's reference kernel much faster or slower than this one: times are not compared.</summary>
    MachineSpeedDiffers,
}
