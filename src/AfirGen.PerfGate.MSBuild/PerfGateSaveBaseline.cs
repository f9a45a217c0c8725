using System.Globalization;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;
using Microsoft.Build.Framework;

namespace AfirGen.PerfGate.MSBuild;

/// <summary>Keeps the current results as the baseline: an atomic write, with each benchmark's launch-to-launch noise stored.</summary>
public sealed class PerfGateSaveBaseline : PerfGateTask
{
    /// <inheritdoc />
    protected override void Run()
    {
        if (string.IsNullOrWhiteSpace(Baseline))
        {
            throw new InputException("PerfGateBaseline", null, "is empty: set it to the baseline file to write");
        }

        var saved = Baselines.Save(Results, Baseline, LoadConfig().Comparison);
        Log.LogMessage(MessageImportance.High, "{0}", string.Create(CultureInfo.InvariantCulture, $"PerfGate: saved {saved.Benchmarks.Count} benchmarks to {Baseline}"));
        var failed = saved.Benchmarks.Count(b => b.Status == BenchmarkStatus.Failed);
        if (failed > 0)
        {
            Report(new GateDiagnostic(DiagnosticCodes.BenchmarkFailed, false, Results, 0, 0,
                string.Create(CultureInfo.InvariantCulture, $"{failed} of the saved benchmarks failed and have no measurements to compare with")));
        }
    }
}
