using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.GitHub;

/// <summary>Error annotations for what fails the gate: at most ten, the count GitHub shows per step.</summary>
public static class Annotations
{
    /// <summary>GitHub shows at most this many error annotations of one step.</summary>
    public const int Max = 10;

    /// <summary>One <c>::error</c> line per failing benchmark, worst first; past <see cref="Max"/>, the last line counts the rest.</summary>
    public static IReadOnlyList<string> For(SuiteComparison comparison, string? file)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var failing = new ReportContext(comparison).Failing.ToList();
        var shown = failing.Count > Max ? failing.Take(Max - 1) : failing;
        var lines = shown.Select(b => WorkflowCommands.Error(
            PlainText.Clean(b.Id) + ": " + ReportContext.Reason(b, t => PlainText.Clean(t)),
            file,
            "PerfGate: " + PlainText.Clean(b.Id, 80) + " " + b.Verdict.ToName())).ToList();
        if (failing.Count > Max)
        {
            lines.Add(WorkflowCommands.Error($"… and {failing.Count - (Max - 1)} more benchmarks fail the gate; see the job summary.", file, "PerfGate: more failures"));
        }

        return lines;
    }
}
