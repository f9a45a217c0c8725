using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.History;

/// <summary>The history read as series: every benchmark's metrics, their change points judged, and the nightly gate.</summary>
public sealed record HistoryAnalysis
{
    /// <summary>Every run, oldest first.</summary>
    public required IReadOnlyList<HistoryEntry> Entries { get; init; }

    /// <summary>Every series, those with the most recent change first.</summary>
    public required IReadOnlyList<HistorySeries> Series { get; init; }

    /// <summary>How many of each series' newest runs the gate looks at.</summary>
    public required int Recent { get; init; }

    /// <summary>Every change point, newest first.</summary>
    public IEnumerable<HistoryChange> Changes => Series.SelectMany(s => s.Changes).OrderBy(c => c.RunsSince).ThenBy(c => c.Benchmark, StringComparer.Ordinal);

    /// <summary>The regressions that fail the nightly gate: unexplained, unacknowledged, begun within the last <see cref="Recent"/> runs.</summary>
    public IEnumerable<HistoryChange> Failing => Changes.Where(c => c.Kind == HistoryChangeKind.Regressed && c.RunsSince <= Recent);

    /// <summary>Reads <paramref name="entries"/> as series and finds their change points.</summary>
    public static HistoryAnalysis Of(IReadOnlyList<HistoryEntry> entries, IReadOnlyList<Acknowledgement> acknowledged, int recent, string? branch = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(acknowledged);
        var runs = entries.Where(e => !e.Incomplete && (branch is null || e.Branch == branch)).ToArray();
        var grouped = new Dictionary<(string, HistoryMetric), (List<HistoryEntry> Runs, List<HistoryPoint> Points)>();
        foreach (var entry in runs)
        {
            foreach (var point in entry.Points)
            {
                if (!grouped.TryGetValue((point.Benchmark, point.Metric), out var series))
                {
                    grouped[(point.Benchmark, point.Metric)] = series = ([], []);
                }

                series.Runs.Add(entry);
                series.Points.Add(point);
            }
        }

        var all = grouped.Select(g => Analyse(g.Key.Item1, g.Key.Item2, g.Value.Runs, g.Value.Points, acknowledged))
            .OrderBy(s => s.Changes.Count == 0 ? int.MaxValue : s.Changes.Min(c => c.RunsSince))
            .ThenBy(s => s.Benchmark, StringComparer.Ordinal).ThenBy(s => s.Metric)
            .ToArray();
        return new HistoryAnalysis { Entries = runs, Series = all, Recent = recent };
    }

    /// <summary>What identifies the machine a run was measured on, for telling a machine's step from the code's.</summary>
    public static string Machine(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var e = entry.Environment;
        return $"{e.Cpu}|{e.Cores}|{e.Os}|{e.Architecture}|{e.Runtime}|{e.GcMode}";
    }

    /// <summary>The detector for a metric: allocations are counted, so a change below 8 bytes per operation is not one.</summary>
    public static ChangePointDetector DetectorFor(HistoryMetric metric, IReadOnlyList<HistoryPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (metric != HistoryMetric.Allocated || points.Count == 0)
        {
            return new ChangePointDetector();
        }

        var typical = points.Select(p => p.Value).Order().ElementAt(points.Count / 2);
        return new ChangePointDetector { Resolution = 0.5 * Math.Log(1 + (8 / (typical + 1))) };
    }

    /// <summary>A point's value on the detector's log scale (allocations may be zero).</summary>
    public static SeriesPoint Log(HistoryPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new SeriesPoint(point.Metric == HistoryMetric.Allocated ? Math.Log(point.Value + 1) : Math.Log(Math.Max(point.Value, double.Epsilon)), point.Error);
    }

    private static HistorySeries Analyse(string benchmark, HistoryMetric metric, List<HistoryEntry> runs, List<HistoryPoint> points, IReadOnlyList<Acknowledgement> acknowledged)
    {
        var detector = DetectorFor(metric, points);
        var logs = points.Select(Log).ToArray();
        var scale = detector.Scale(logs);
        var machines = Enumerable.Range(1, Math.Max(runs.Count - 1, 0)).Where(i => Machine(runs[i]) != Machine(runs[i - 1])).ToArray();
        var changes = new List<HistoryChange>();
        foreach (var step in detector.Detect(logs))
        {
            var before = Math.Exp(logs.Skip(step.Index - step.Before).Take(step.Before).Select(p => p.Log).Order().ElementAt(step.Before / 2));
            var after = Math.Exp(logs.Skip(step.Index).Take(step.After).Select(p => p.Log).Order().ElementAt(step.After / 2));
            if (metric == HistoryMetric.Allocated)
            {
                (before, after) = (before - 1, after - 1);
            }

            var worse = (step.Shift > 0) == metric.HigherIsWorse();
            var kind = worse ? HistoryChangeKind.Regressed : HistoryChangeKind.Improved;
            string? note = null;
            var machine = machines.FirstOrDefault(m => m >= step.Earliest && m <= step.Latest);
            if (machine > 0)
            {
                kind = HistoryChangeKind.MachineChanged;
                note = $"the machine changed at {Abbreviate(runs[machine].Commit)}: {Describe(runs[machine - 1].Environment)} → {Describe(runs[machine].Environment)}";
            }
            else if (acknowledged.FirstOrDefault(a => Enumerable.Range(step.Earliest, step.Latest - step.Earliest + 1).Any(i => a.Covers(benchmark, metric, runs[i].Commit))) is { } ack)
            {
                kind = HistoryChangeKind.Acknowledged;
                note = "acknowledged" + (ack.Reason is null ? "" : ": " + ack.Reason);
            }

            changes.Add(new HistoryChange(benchmark, metric, kind, step,
                runs[step.Index - 1], runs[step.Index], runs[Math.Max(step.Earliest - 1, 0)], runs[step.Latest],
                before, after, step.Index, runs.Count, note));
        }

        return new HistorySeries(benchmark, metric, runs, points, changes, scale);
    }

    /// <summary>A commit as people quote it: its first 12 characters.</summary>
    public static string Abbreviate(string? commit) => commit is null ? "(no commit)" : commit.Length > 12 ? commit[..12] : commit;

    private static string Describe(EnvironmentFingerprint e) => $"{e.Cpu ?? "unknown CPU"}, {e.Cores?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} cores, {e.Os ?? "unknown OS"}, {e.Runtime ?? "unknown runtime"}";
}
