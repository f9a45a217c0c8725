using System.Text;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Reports;

/// <summary>Every benchmark with every statistic, metric comparison and threshold check, in plain text (format "detailed").</summary>
public sealed class DetailedReport : IReportRenderer
{
    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Detailed;

    /// <inheritdoc />
    public string Render(SuiteComparison comparison)
    {
        var context = new ReportContext(comparison);
        var sb = new StringBuilder();
        TextLayout.Header(sb, context, "PERFORMANCE BENCHMARK DETAILED REPORT");
        TextLayout.Status(sb, comparison);

        sb.Section("RUNS");
        Run(sb, "Current", comparison.Current);
        if (comparison.Baseline is { } baseline)
        {
            Run(sb, "Baseline", baseline);
        }
        else
        {
            sb.Line("Baseline: none given; only SLA thresholds were checked.");
        }

        var s = comparison.Settings;
        sb.Section("SETTINGS");
        sb.Line($"Regression threshold: {DisplayFormat.Percent(s.Threshold)}");
        sb.Line($"Suite false-alarm rate (alpha): {DisplayFormat.Percent(s.Alpha)}");
        sb.Line($"Assumed launch noise: {DisplayFormat.Percent(s.LaunchNoise)}");
        sb.Line($"Allocation threshold: {DisplayFormat.Percent(s.AllocationThreshold)}");
        sb.Line($"Time floor: {DisplayFormat.Time(s.TimeFloorNanoseconds)}");
        sb.Line($"Fails the gate: regressed, sla-violated, failed{(s.FailOnInconclusive ? ", inconclusive (fail-on inconclusive)" : "")}");
        foreach (var rule in comparison.Thresholds)
        {
            sb.Line($"Thresholds for {PlainText.Clean(rule.Match, 200)} ({PlainText.Clean(rule.Source ?? "given", 200)}): {string.Join(", ", rule.Thresholds.Select(t => PlainText.Clean(t.Text, 100)))}");
        }

        foreach (var (category, title) in TextLayout.Sections)
        {
            var rows = comparison.Benchmarks.Where(b => b.Category == category).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            sb.Section(title);
            foreach (var b in rows)
            {
                Benchmark(sb, context, b);
            }
        }

        TextLayout.Warnings(sb, comparison);
        return sb.ToString();
    }

    private static void Run(StringBuilder sb, string label, ResultSet set)
    {
        var env = set.Environment;
        var source = set.Source is { } src ? $", commit {PlainText.Clean(src.Commit ?? "?", 64)} on {PlainText.Clean(src.Branch ?? "?", 100)}" : "";
        sb.Line($"{label}: {DisplayFormat.Timestamp(set.CreatedAt)}{source}{(set.Incomplete ? " (INCOMPLETE)" : "")}");
        sb.Line($"  Environment: {Known(env.Os)}; {Known(env.Cpu)}; {(env.Cores is { } c ? DisplayFormat.Count(c) : "?")} cores; {Known(env.Runtime)}; {Known(env.Architecture)}; GC {Known(env.GcMode)}");
    }

    private static string Known(string? value) => value is null ? "?" : PlainText.Clean(value);

    private static void Benchmark(StringBuilder sb, ReportContext context, BenchmarkComparison b)
    {
        sb.Line();
        sb.Line($"{TextLayout.Mark(context.Comparison, b.Verdict)} {PlainText.Clean(b.Id)}  [{b.Verdict.ToName()}]");
        var result = context.CurrentResult(b.Id) ?? context.BaselineResult(b.Id);
        if (result is { Parameters.Count: > 0 })
        {
            sb.Line("  Parameters: " + string.Join(", ", result.Parameters.Select(p => PlainText.Clean(p.Key, 100) + "=" + PlainText.Clean(p.Value))));
        }

        if (b.Error is not null)
        {
            sb.Line("  Error: " + PlainText.Clean(b.Error, 1000));
        }

        Statistics(sb, b);
        Memory(sb, context.BaselineResult(b.Id)?.Memory, context.CurrentResult(b.Id)?.Memory);
        Scenario(sb, "Baseline load", context.BaselineResult(b.Id)?.Scenario);
        Scenario(sb, "Current load", context.CurrentResult(b.Id)?.Scenario);

        if (b.Metrics.Count > 0)
        {
            sb.Line("  Comparison:");
            foreach (var m in b.Metrics)
            {
                var values = $"{Basis(m)} {Value(m.Metric, m.Baseline)} → {Value(m.Metric, m.Current)}";
                var ratio = m.Ratio is { } r ? ", change " + DisplayFormat.ChangeWithCi(r, m.CiLower, m.CiUpper) : "";
                var confidence = m.Confidence is { } c ? $" at {DisplayFormat.Confidence(c)} confidence" : "";
                var p = m.PValue is { } pv ? ", " + DisplayFormat.PValue(pv) : "";
                var note = string.IsNullOrEmpty(m.Note) ? "" : "; " + PlainText.Clean(m.Note, 300);
                var hint = m.Hint is null ? "" : "; " + PlainText.Clean(m.Hint, 300);
                sb.Line($"    {m.Metric.ToName()}: {m.Verdict.ToName()}; {values}{ratio}{confidence}{p}, n={DisplayFormat.Count(m.BaselineN)}/{DisplayFormat.Count(m.CurrentN)}{note}{hint}");
            }
        }

        if (b.Checks.Count > 0)
        {
            sb.Line("  Thresholds:");
            foreach (var c in b.Checks)
            {
                var actual = c.Actual is { } a ? DisplayFormat.ThresholdValue(c.Threshold.Metric, a) : "no value";
                sb.Line($"    {(c.Passed ? "✓ pass" : "✗ FAIL")} {PlainText.Clean(c.Threshold.Text)}: actual {actual}");
            }
        }
    }

    private static string Value(ComparedMetric metric, double? value) => value is { } v ? DisplayFormat.MetricValue(metric, v) : "-";

    /// <summary>What the values beside a change are, so that they are never mistaken for raw means.</summary>
    private static string Basis(MetricComparison m) => m.Unit switch
    {
        EvidenceUnit.Iteration => "median iteration",
        EvidenceUnit.Launch => "median launch",
        EvidenceUnit.Round => "median A/B round",
        EvidenceUnit.Run when m.Metric == ComparedMetric.Time => "mean latency",
        _ => "value",
    };

    private static void Statistics(StringBuilder sb, BenchmarkComparison b)
    {
        if (b.Baseline is null && b.Current is null)
        {
            return;
        }

        sb.Line($"  {"",-10}{"baseline",14}{"current",14}");
        Row(sb, "n", b.Baseline?.N.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Current?.N.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(sb, "launches", b.Baseline is { } bl ? DisplayFormat.Count(bl.Launches) : null, b.Current is { } cl ? DisplayFormat.Count(cl.Launches) : null);
        Row(sb, "mean (raw)", b, s => s.Mean);
        Row(sb, "median", b, s => s.Median);
        Row(sb, "p95", b, s => s.P95);
        Row(sb, "p99", b, s => s.P99);
        Row(sb, "min", b, s => s.Min);
        Row(sb, "max", b, s => s.Max);
        Row(sb, "stddev", b, s => s.StdDev);
    }

    private static void Row(StringBuilder sb, string label, BenchmarkComparison b, Func<MetricSummary, double> pick) =>
        Row(sb, label, b.Baseline is { } x ? DisplayFormat.Time(pick(x)) : null, b.Current is { } y ? DisplayFormat.Time(pick(y)) : null);

    private static void Row(StringBuilder sb, string label, string? baseline, string? current) =>
        sb.Line($"  {label,-10}{baseline ?? "-",14}{current ?? "-",14}");

    private static void Memory(StringBuilder sb, MemoryInfo? baseline, MemoryInfo? current)
    {
        if (baseline is null && current is null)
        {
            return;
        }

        static string Text(MemoryInfo? m) => m is null
            ? "-"
            : $"{DisplayFormat.Bytes(m.AllocatedBytesPerOperation)}/op, GC per 1k ops gen0 {DisplayFormat.Number(m.Gen0PerThousand)} gen1 {DisplayFormat.Number(m.Gen1PerThousand)} gen2 {DisplayFormat.Number(m.Gen2PerThousand)}";
        sb.Line($"  Allocated: baseline {Text(baseline)}; current {Text(current)}");
    }

    private static void Scenario(StringBuilder sb, string label, ScenarioInfo? s)
    {
        if (s is null)
        {
            return;
        }

        var errors = s.Errors.Count == 0
            ? "none"
            : string.Join(", ", s.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{PlainText.Clean(e.Key, 50)} {DisplayFormat.Count(e.Value)}"));
        var concurrency = s.Concurrency is { } c ? $"concurrency {DisplayFormat.Count(c)}, " : "";
        var hitRate = s.HitRate is { } h ? $", hit rate {DisplayFormat.Percent(h)}" : "";
        sb.Line($"  {label}: {concurrency}{DisplayFormat.Count(s.Requests)} requests, throughput {DisplayFormat.Rate(s.Throughput)}, errors {DisplayFormat.Percent(s.ErrorRate)} ({errors}){hitRate}");
    }
}
