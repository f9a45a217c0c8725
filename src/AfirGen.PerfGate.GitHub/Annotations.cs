using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.GitHub;

/// <summary>Error annotations for what fails the gate: at most ten, the count GitHub shows per step.</summary>
public static class Annotations
{
    /// <summary>GitHub shows at most this many error annotations of one step.</summary>
    public const int Max = 10;

    /// <summary>
    /// One <c>::error</c> line per failing benchmark, worst first; past <see cref="Max"/>, the last line counts the rest. A benchmark
    /// the <paramref name="locator"/> finds points at its source line (relative to <paramref name="root"/>), the others at <paramref name="file"/>.
    /// </summary>
    public static IReadOnlyList<string> For(SuiteComparison comparison, string? file, SourceLocator? locator = null, string? root = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var failing = new ReportContext(comparison).Failing.ToList();
        var shown = failing.Count > Max ? failing.Take(Max - 1) : failing;
        var lines = shown.Select(b =>
        {
            var message = Message(b);
            var title = "PerfGate: " + PlainText.Clean(b.Id, 80) + " " + b.Verdict.ToName();
            return Locate(b.Id, locator, root) is { } at
                ? WorkflowCommands.ErrorAt(message, at.File, at.Line, at.Column, title)
                : WorkflowCommands.Error(message, file, title);
        }).ToList();
        if (failing.Count > Max)
        {
            lines.Add(WorkflowCommands.Error($"… and {failing.Count - (Max - 1)} more benchmarks fail the gate; see the job summary.", file, "PerfGate: more failures"));
        }

        return lines;
    }

    /// <summary>The benchmarks that fail the gate, worst first.</summary>
    public static IEnumerable<BenchmarkComparison> Failing(SuiteComparison comparison) => new ReportContext(comparison).Failing;

    /// <summary>Whether any benchmark is other than unchanged: what a comment under <c>--when changes</c> is created for.</summary>
    public static bool AnythingChanged(SuiteComparison comparison) => new ReportContext(comparison).Changed.Any();

    /// <summary>The annotation's text for a failing benchmark: its id and why it fails.</summary>
    public static string Message(BenchmarkComparison benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return PlainText.Clean(benchmark.Id) + ": " + ReportContext.Reason(benchmark, t => PlainText.Clean(t));
    }

    /// <summary>Where <paramref name="benchmarkId"/> is declared, as a path relative to <paramref name="root"/> with forward slashes; null when not found there.</summary>
    public static SourceLocation? Locate(string benchmarkId, SourceLocator? locator, string? root)
    {
        if (locator?.Find(benchmarkId) is not { } found)
        {
            return null;
        }

        var relative = root is null ? found.File : Path.GetRelativePath(root, found.File);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : found with { File = relative.Replace(Path.DirectorySeparatorChar, '/') };
    }
}
