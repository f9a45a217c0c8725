namespace AfirGen.PerfGate.MSBuild;

/// <summary>The stable codes of every diagnostic the package reports; CI systems and users filter on them, so a code never changes meaning.</summary>
public static class DiagnosticCodes
{
    /// <summary>A benchmark regressed beyond its threshold with statistical confidence (error; a warning when PerfGateFailOnRegression is false).</summary>
    public const string Regression = "PERF0001";

    /// <summary>An SLA threshold is broken (error; a warning when PerfGateFailOnRegression is false).</summary>
    public const string SlaBroken = "PERF0002";

    /// <summary>A benchmark failed and produced no measurements (error; a warning when PerfGateFailOnRegression is false).</summary>
    public const string BenchmarkFailed = "PERF0003";

    /// <summary>The baseline file does not exist, so only SLA thresholds were checked (error; a warning when PerfGateFailOnRegression is false).</summary>
    public const string MissingBaseline = "PERF0004";

    /// <summary>Bad input: a missing or corrupt results, baseline or config file, or a bad property value (always an error).</summary>
    public const string BadInput = "PERF0005";

    /// <summary>The work itself could not be done: a file could not be written, or the benchmark run failed (always an error).</summary>
    public const string CouldNotRun = "PERF0006";

    /// <summary>Too noisy to tell whether a benchmark changed (warning).</summary>
    public const string Inconclusive = "PERF0007";

    /// <summary>The baseline was measured on a different machine or runtime (warning).</summary>
    public const string EnvironmentDiffers = "PERF0008";

    /// <summary>A benchmark in the baseline is not in the current results (warning).</summary>
    public const string MissingBenchmark = "PERF0009";

    /// <summary>The current results or the baseline come from a run that was cut short (warning).</summary>
    public const string IncompleteResults = "PERF0010";

    /// <summary>The build runs under an MSBuild that cannot load the task: anything but the .NET 10 SDK's (error).</summary>
    public const string UnsupportedMSBuild = "PERF0011";

    /// <summary>Launch-to-launch noise was neither measured nor stored; the default was assumed (warning).</summary>
    public const string NoiseAssumed = "PERF0012";

    /// <summary>A scenario was skipped: its service is not configured (warning).</summary>
    public const string ScenarioSkipped = "PERF0013";

    /// <summary>A threshold checked nothing: its glob selects no benchmark, or none it selects has its metric (warning).</summary>
    public const string ThresholdUnused = "PERF0014";

    /// <summary>The baseline's system under test was set up otherwise; its api results were not compared (warning).</summary>
    public const string SetupDiffers = "PERF0015";

    /// <summary>The baseline's machine ran perfgate's reference kernel much faster or slower: times are not compared.</summary>
    public const string MachineSpeedDiffers = "PERF0016";

    /// <summary>A defect in PerfGate itself, reported in one line (error).</summary>
    public const string InternalError = "PERF0099";
}
