using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;
using AfirGen.PerfGate.Thresholds;
using Microsoft.Build.Framework;

namespace AfirGen.PerfGate.MSBuild;

/// <summary>
/// What the PerfGate tasks share: their inputs, and the rule that every failure becomes one diagnostic line with a
/// stable code, never an MSBuild stack trace.
/// </summary>
public abstract class PerfGateTask : Microsoft.Build.Utilities.Task
{
    // Names the property in errors about its value, since it is not a file.
    private const string ThresholdProperty = "PerfGateThreshold";

    /// <summary>The current results: a results.json, a BenchmarkDotNet JSON export, or a folder of them.</summary>
    [Required]
    public string Results { get; set; } = "";

    /// <summary>The baseline results file or folder; empty for none.</summary>
    public string Baseline { get; set; } = "";

    /// <summary>The perfgate.json config file; empty for the defaults.</summary>
    public string Config { get; set; } = "";

    /// <summary>Extra thresholds for every benchmark, separated by semicolons: "5%" (the regression threshold), "p95&lt;100ms", …</summary>
    public string Threshold { get; set; } = "";

    /// <summary>What fails the gate besides regressions, broken SLAs and failed benchmarks: "regression" (default) or "inconclusive".</summary>
    public string FailOn { get; set; } = "";

    /// <summary>The project being built: the file of diagnostics that concern no particular file.</summary>
    public string ProjectFile { get; set; } = "";

    /// <summary>Runs the task; bad input and failures are logged as PERFnnnn errors and make it return false.</summary>
    public sealed override bool Execute()
    {
        try
        {
            Run();
        }
        catch (InputException e)
        {
            var (file, text) = e.File == ThresholdProperty ? (ProjectFile, e.Message) : (e.File, e.Field is null ? e.Problem : $"{e.Field}: {e.Problem}");
            Report(new GateDiagnostic(DiagnosticCodes.BadInput, true, file, 0, 0, text));
        }
        catch (RunFailedException e)
        {
            Report(new GateDiagnostic(DiagnosticCodes.CouldNotRun, true, ProjectFile, 0, 0, e.Message));
        }
#pragma warning disable CA1031 // The last line of defence: a defect becomes one error line, not MSBuild's stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Report(new GateDiagnostic(DiagnosticCodes.InternalError, true, ProjectFile, 0, 0,
                $"internal error: {e.GetType().Name}: {PlainText.Clean(e.Message, 300)} (set PERFGATE_DEBUG=1 for details)"));
            if (Environment.GetEnvironmentVariable("PERFGATE_DEBUG") == "1")
            {
                Log.LogMessage(MessageImportance.High, "{0}", e);
            }
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>Does the task's work; throws <see cref="InputException"/> or <see cref="RunFailedException"/> for the user's problems.</summary>
    protected abstract void Run();

    /// <summary>The config file (or the defaults) with <see cref="Threshold"/> applied last.</summary>
    private protected PerfGateConfig LoadConfig()
    {
        var config = string.IsNullOrWhiteSpace(Config) ? PerfGateConfig.Default : ConfigReader.Read(Config);
        var thresholds = Threshold
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Thresholds.Threshold.ParseShorthand(t, ThresholdProperty))
            .ToList();
        config = config.WithThresholds(thresholds, ThresholdProperty);
        return string.IsNullOrWhiteSpace(FailOn)
            ? config
            : config with { Comparison = config.Comparison with { FailOnInconclusive = FailPolicy.Parse(FailOn, ProjectFile, "PerfGateFailOn") } };
    }

    /// <summary>The baseline, or null when none is set or it does not exist (reported as PERF0004, an error when <paramref name="missingIsError"/>).</summary>
    private protected ResultSet? LoadBaseline(bool missingIsError)
    {
        if (string.IsNullOrWhiteSpace(Baseline))
        {
            return null;
        }

        if (!File.Exists(Baseline) && !Directory.Exists(Baseline))
        {
            Report(new GateDiagnostic(DiagnosticCodes.MissingBaseline, missingIsError, Baseline, 0, 0,
                "the baseline does not exist, so nothing was compared and only SLA thresholds were checked; keep the current results as the baseline with `dotnet build -t:PerfGateBaseline`"));
            return null;
        }

        return ResultLoader.Load(Baseline);
    }

    /// <summary>Logs one diagnostic as an error or a warning.</summary>
    private protected void Report(GateDiagnostic d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.IsError)
        {
            Log.LogError(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, "{0}", d.Message);
        }
        else
        {
            Log.LogWarning(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, "{0}", d.Message);
        }
    }
}
