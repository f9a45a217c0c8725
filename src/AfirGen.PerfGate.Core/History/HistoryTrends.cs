using System.Text;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.History;

/// <summary>The recent trend of each benchmark a comparison found changed, as sparklines for the PR comment and the job summary.</summary>
public static class HistoryTrends
{
    /// <summary>How many of the newest runs a sparkline draws.</summary>
    public const int Runs = 20;

    /// <summary>How many benchmarks the section lists at most.</summary>
    public const int MaxRows = 15;

    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>A Markdown section of trends for the changed benchmarks of <paramref name="comparison"/>; null when none has a history.</summary>
    public static string? Markdown(SuiteComparison comparison, HistoryAnalysis history)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(history);
        var series = history.Series.ToLookup(s => s.Benchmark, StringComparer.Ordinal);
        var rows = comparison.Benchmarks
            .Where(b => b.Verdict is Verdict.Regressed or Verdict.Improved or Verdict.SlaViolated or Verdict.Inconclusive)
            .OrderByDescending(b => b.Verdict)
            .SelectMany(b => series[b.Id].Where(s => s.Metric is HistoryMetric.Time or HistoryMetric.P95).Select(s => (b, s)))
            .ToArray();
        if (rows.Length == 0)
        {
            return null;
        }

        var w = new StringBuilder();
        w.Append("\n#### Recent trends\n\n| benchmark | verdict now | last ").Append(Runs).Append(" runs on the default branch | latest | last change |\n|---|---|---|---|---|\n");
        foreach (var (b, s) in rows.Take(MaxRows))
        {
            var last = s.Changes.Count == 0 ? null : s.Changes[^1];
            w.Append("| ").Append(MarkdownText.Escape(PlainText.Clean(b.Id, 100))).Append(' ').Append(s.Metric.Name())
                .Append(" | ").Append(b.Verdict.ToString().ToLowerInvariant())
                .Append(" | `").Append(Sparkline(s.Points.TakeLast(Runs).Select(p => p.Value).ToArray())).Append('`')
                .Append(" | ").Append(s.Metric.Format(s.Points[^1].Value))
                .Append(" | ").Append(last is null
                    ? "none"
                    : $"{last.Kind.Word()} {DisplayFormat.SignedPercent(last.Step.Ratio * 100)} at `{HistoryAnalysis.Abbreviate(last.FirstBad.Commit)}`, {last.RunsSince} runs ago")
                .Append(" |\n");
        }

        if (rows.Length > MaxRows)
        {
            w.Append("\n… and ").Append(rows.Length - MaxRows).Append(" more on the history page.\n");
        }

        return w.ToString();
    }

    /// <summary>The values as one line of block characters, lowest to highest over their own range.</summary>
    public static string Sparkline(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return "";
        }

        var (lo, hi) = (values.Min(), values.Max());
        return new string(values.Select(v => hi <= lo ? Blocks[3] : Blocks[(int)Math.Round((v - lo) / (hi - lo) * (Blocks.Length - 1))]).ToArray());
    }
}
