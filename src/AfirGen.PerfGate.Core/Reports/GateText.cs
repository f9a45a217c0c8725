using System.Globalization;
using AfirGen.PerfGate.Comparison;

namespace AfirGen.PerfGate.Reports;

/// <summary>
/// The words and counts every output states a verdict with — text, Markdown, HTML, JSON, the PR comment, the job summary
/// and the build — so that they cannot disagree: what fails the gate, then what warns, then the rest.
/// </summary>
public static class GateText
{
    /// <summary>Every verdict in reading order: what fails the gate first, then what needs a look, then the rest.</summary>
    public static IReadOnlyList<Verdict> ReadingOrder { get; } =
        [Verdict.Regressed, Verdict.SlaViolated, Verdict.Failed, Verdict.Inconclusive, Verdict.Missing, Verdict.Improved, Verdict.New, Verdict.Unchanged];

    /// <summary>The verdicts that fail the gate, with their counts, in reading order (none with a zero count).</summary>
    public static IReadOnlyList<(Verdict Verdict, int Count)> Failing(SuiteComparison comparison) => Counts(comparison, comparison.FailsGate);

    /// <summary>The verdicts that warn without failing, with their counts.</summary>
    public static IReadOnlyList<(Verdict Verdict, int Count)> Warning(SuiteComparison comparison) => Counts(comparison, comparison.Warns);

    /// <summary>The other verdicts (improved, new, unchanged), with their counts.</summary>
    public static IReadOnlyList<(Verdict Verdict, int Count)> Rest(SuiteComparison comparison) =>
        Counts(comparison, v => !comparison.FailsGate(v) && !comparison.Warns(v));

    /// <summary>"2 regressed, 1 failed".</summary>
    public static string List(IEnumerable<(Verdict Verdict, int Count)> counts) =>
        string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{DisplayFormat.Count(c.Count)} {c.Verdict.ToName()}")));

    /// <summary>The groups of counts as labelled parts: "fails the gate: 2 regressed", "warnings: 1 inconclusive", "5 unchanged, 1 new".</summary>
    public static IReadOnlyList<string> Groups(SuiteComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var parts = new List<string>();
        if (Failing(comparison) is { Count: > 0 } failing)
        {
            parts.Add("fails the gate: " + List(failing));
        }

        if (Warning(comparison) is { Count: > 0 } warning)
        {
            parts.Add("warnings: " + List(warning));
        }

        if (Rest(comparison) is { Count: > 0 } rest)
        {
            parts.Add(List(rest));
        }

        return parts;
    }

    /// <summary>The one line every output opens with: "failed · 3 benchmarks · fails the gate: 2 regressed · 1 unchanged".</summary>
    public static string Line(SuiteComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var total = comparison.Benchmarks.Count;
        var head = string.Create(CultureInfo.InvariantCulture, $"{comparison.Gate.ToName()} · {DisplayFormat.Count(total)} benchmark{(total == 1 ? "" : "s")}");
        var parts = Groups(comparison);
        var line = parts.Count == 0 ? head : head + " · " + string.Join(" · ", parts);
        if (comparison.Warnings.Count > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" · {DisplayFormat.Count(comparison.Warnings.Count)} run warning{(comparison.Warnings.Count == 1 ? "" : "s")}");
        }

        return comparison.Cancelled ? line + " · cancelled: partial results" : line;
    }

    private static List<(Verdict Verdict, int Count)> Counts(SuiteComparison comparison, Func<Verdict, bool> include)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var counts = new int[Enum.GetValues<Verdict>().Length];
        foreach (var b in comparison.Benchmarks)
        {
            counts[(int)b.Verdict]++;
        }

        return [.. ReadingOrder.Where(include).Select(v => (v, counts[(int)v])).Where(c => c.Item2 > 0)];
    }
}
