using System.Globalization;
using System.Text;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.History;

/// <summary>The history's change points as terminal lines: what changed, by how much, how sure, and between which commits.</summary>
public static class HistoryText
{
    /// <summary>The verdict word of a change, as every output words it.</summary>
    public static string Word(this HistoryChangeKind kind) => kind switch
    {
        HistoryChangeKind.Regressed => "regressed",
        HistoryChangeKind.Improved => "improved",
        HistoryChangeKind.MachineChanged => "machine changed",
        _ => "acknowledged",
    };

    /// <summary>The whole analysis of store <paramref name="store"/>, one block per change point, newest first.</summary>
    public static string Render(HistoryAnalysis analysis, string store)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var w = new StringBuilder();
        var changes = analysis.Changes.ToArray();
        var span = analysis.Entries.Count == 0 ? "" : $", {Day(analysis.Entries[0].CreatedAt)} to {Day(analysis.Entries[^1].CreatedAt)}";
        w.Append(CultureInfo.InvariantCulture, $"history {PlainText.Clean(store, 200)}: {analysis.Entries.Count} runs{span}, {analysis.Series.Count} series, {Count(changes.Length, "change point")}").Append('\n');
        foreach (var c in changes)
        {
            w.Append(Line(c)).Append('\n');
        }

        var failing = analysis.Failing.Count();
        w.Append(failing == 0
            ? $"history gate passed: no unexplained regression began in the last {analysis.Recent} runs\n"
            : $"history gate failed: {Count(failing, "regression")} began in the last {analysis.Recent} runs\n");
        return w.ToString();
    }

    /// <summary>One change point in two lines: the verdict and size, then where it began.</summary>
    public static string Line(HistoryChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (low, high) = change.Step.Interval;
        var name = PlainText.Clean(change.Benchmark, 100);
        var head = string.Create(CultureInfo.InvariantCulture,
            $"{change.Kind.Word(),-16} {name} {change.Metric.Name()}: {DisplayFormat.SignedPercent(change.Step.Ratio * 100)} [{DisplayFormat.SignedPercent(low * 100)}, {DisplayFormat.SignedPercent(high * 100)}], {Sure(change.Confidence)} confident; {change.Metric.Format(change.Before)} → {change.Metric.Format(change.After)}");
        var where = string.Create(CultureInfo.InvariantCulture,
            $"{"",-16} began at {Commit(change.FirstBad)} (last good {Commit(change.LastGood)}), {Count(change.RunsSince, "run")} ago");
        if (change.EarliestGood != change.LastGood || change.LatestBad != change.FirstBad)
        {
            where += $"; surely between {Commit(change.EarliestGood)} and {Commit(change.LatestBad)}";
        }

        return change.Note is null ? head + "\n" + where : head + "\n" + where + "\n" + $"{"",-16} {PlainText.Clean(change.Note, 300)}";
    }

    /// <summary>A run as people name it: its commit and day.</summary>
    public static string Commit(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return $"{PlainText.Clean(HistoryAnalysis.Abbreviate(entry.Commit), 40)} ({Day(entry.CreatedAt)})";
    }

    private static string Sure(double confidence) => confidence >= 0.999 ? ">99.9%" : DisplayFormat.Confidence(confidence);

    private static string Day(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
