using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Reports;

/// <summary>A comparison with its raw results looked up by id, and the readings every report shares.</summary>
internal sealed class ReportContext
{
    private readonly Dictionary<string, BenchmarkResult> current;
    private readonly Dictionary<string, BenchmarkResult> baseline;

    public ReportContext(SuiteComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        Comparison = comparison;
        current = ById(comparison.Current.Benchmarks);
        baseline = ById(comparison.Baseline?.Benchmarks ?? []);
    }

    public SuiteComparison Comparison { get; }

    public int Total => Comparison.Benchmarks.Count;

    /// <summary>Benchmarks that fail the gate, under the comparison's fail policy.</summary>
    public int Failed => Comparison.Benchmarks.Count(b => Comparison.FailsGate(b.Verdict));

    /// <summary>Rows that are not unchanged, in <see cref="GateText.ReadingOrder"/>, stable within a verdict.</summary>
    public IEnumerable<BenchmarkComparison> Changed =>
        GateText.ReadingOrder.Where(v => v != Verdict.Unchanged).SelectMany(v => Comparison.Benchmarks.Where(b => b.Verdict == v));

    /// <summary>Rows that fail the gate, in reading order.</summary>
    public IEnumerable<BenchmarkComparison> Failing => Changed.Where(b => Comparison.FailsGate(b.Verdict));

    /// <summary>Rows that warn without failing, in reading order.</summary>
    public IEnumerable<BenchmarkComparison> Warning => Changed.Where(b => Comparison.Warns(b.Verdict));

    /// <summary>Every verdict with at least one benchmark, in reading order, with its count.</summary>
    public IEnumerable<(Verdict Verdict, int Count)> Counts =>
        GateText.ReadingOrder.Select(v => (v, Comparison.Count(v))).Where(c => c.Item2 > 0);

    public BenchmarkResult? CurrentResult(string id) => current.GetValueOrDefault(id);

    public BenchmarkResult? BaselineResult(string id) => baseline.GetValueOrDefault(id);

    /// <summary>The metric a row leads with: the one its verdict is about, else time, else the first metric with a ratio.</summary>
    public static MetricComparison? Headline(BenchmarkComparison benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return benchmark.Metrics.FirstOrDefault(m => m.Verdict == benchmark.Verdict && m.Verdict != Verdict.Unchanged && m.Ratio is not null)
            ?? benchmark.Time ?? benchmark.Metrics.FirstOrDefault(m => m.Ratio is not null);
    }

    /// <summary>The headline change as "+8.2% [+3.1%, +13.6%]", or null when nothing was compared.</summary>
    public static string? HeadlineChange(BenchmarkComparison benchmark) =>
        Headline(benchmark) is { Ratio: { } ratio } m ? DisplayFormat.ChangeWithCi(ratio, m.CiLower, m.CiUpper) : null;

    /// <summary>The values the headline change was computed from, "1.20μs → 1.34μs" (with the metric's name when it is not time), or null.</summary>
    public static string? HeadlineValues(BenchmarkComparison benchmark) =>
        Headline(benchmark) is { } m ? Values(m) : null;

    /// <summary>A metric's base and current values, "1.20μs → 1.34μs", prefixed by the metric's name when it is not time.</summary>
    public static string? Values(MetricComparison m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Baseline is not { } b || m.Current is not { } c)
        {
            return null;
        }

        var name = m.Metric == ComparedMetric.Time ? "" : m.Metric.ToName() + " ";
        return name + DisplayFormat.MetricValue(m.Metric, b) + " → " + DisplayFormat.MetricValue(m.Metric, c);
    }

    /// <summary>The current value a row shows when nothing was compared (new, no baseline): "median 1.20μs".</summary>
    public static string? CurrentValue(BenchmarkComparison benchmark) =>
        benchmark.Current is { } s ? "median " + DisplayFormat.Time(s.Median) : null;

    /// <summary>Why a benchmark got its verdict, in the reader's words; untrusted parts pass through <paramref name="clean"/>.</summary>
    public static string Reason(BenchmarkComparison benchmark, Func<string, string> clean)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return benchmark.Verdict switch
        {
            Verdict.Failed => "failed: " + clean(benchmark.Error ?? "no measurements"),
            Verdict.SlaViolated => string.Join("; ", benchmark.Checks.Where(c => !c.Passed).Select(c =>
                clean(c.Threshold.Text) + " broken: " + DisplayFormat.ThresholdValue(c.Threshold.Metric, c.Actual))),
            Verdict.Regressed or Verdict.Improved or Verdict.Inconclusive => MetricReasons(benchmark, clean),
            Verdict.New => "new",
            Verdict.Missing => "missing",
            _ => "",
        };
    }

    /// <summary>The note of a row: the reason when the change column does not already say it, else the headline metric's note; an undecided metric says what would decide it.</summary>
    public static string Note(BenchmarkComparison benchmark, Func<string, string> clean)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var headline = Headline(benchmark);
        var reason = benchmark.Verdict is Verdict.SlaViolated or Verdict.Failed
            || (benchmark.Verdict is Verdict.Regressed or Verdict.Improved or Verdict.Inconclusive && headline?.Verdict != benchmark.Verdict);
        var note = reason ? Reason(benchmark, clean) : headline?.Note is { } n ? clean(n) : "";
        var hint = benchmark.Verdict == Verdict.Inconclusive ? benchmark.Metrics.FirstOrDefault(m => m.Hint is not null)?.Hint : null;
        return hint is null ? note : note.Length == 0 ? clean(hint) : note + "; " + clean(hint);
    }

    private static string MetricReasons(BenchmarkComparison benchmark, Func<string, string> clean)
    {
        var name = benchmark.Verdict.ToName();
        var parts = benchmark.Metrics.Where(m => m.Verdict == benchmark.Verdict).Select(m =>
        {
            var prefix = m.Metric == ComparedMetric.Time ? name : m.Metric.ToName() + " " + name;
            var change = m.Ratio is { } r ? " " + DisplayFormat.ChangeWithCi(r, m.CiLower, m.CiUpper) : "";
            return prefix + change;
        }).ToList();
        return parts.Count > 0 ? string.Join("; ", parts) : name;
    }

    private static Dictionary<string, BenchmarkResult> ById(IEnumerable<BenchmarkResult> results)
    {
        var map = new Dictionary<string, BenchmarkResult>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            // Ids are unique in a valid result set; keep the first rather than throw inside a report.
            map.TryAdd(r.Id, r);
        }

        return map;
    }
}
