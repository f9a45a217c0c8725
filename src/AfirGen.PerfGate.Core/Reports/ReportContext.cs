using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Reports;

/// <summary>A comparison with its raw results looked up by id, and the readings every report shares.</summary>
internal sealed class ReportContext
{
    /// <summary>The order of the changed rows: what fails the gate first, then what a reader should know.</summary>
    private static readonly Verdict[] ChangedOrder =
        [Verdict.Regressed, Verdict.SlaViolated, Verdict.Failed, Verdict.Improved, Verdict.Inconclusive, Verdict.New, Verdict.Missing];

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

    public int Passed => Comparison.Benchmarks.Count(b => !b.Verdict.FailsGate());

    public int Failed => Total - Passed;

    /// <summary>Passed but with something a reader must look at: noise, missing benchmarks or warnings.</summary>
    public bool HasCaveats =>
        Comparison.Count(Verdict.Inconclusive) > 0 || Comparison.Count(Verdict.Missing) > 0 || Comparison.Warnings.Count > 0
        || Comparison.Current.Incomplete;

    /// <summary>Rows that are not unchanged, in <see cref="ChangedOrder"/>, stable within a verdict.</summary>
    public IEnumerable<BenchmarkComparison> Changed =>
        ChangedOrder.SelectMany(v => Comparison.Benchmarks.Where(b => b.Verdict == v));

    /// <summary>Every verdict with at least one benchmark, worst first, with its count.</summary>
    public IEnumerable<(Verdict Verdict, int Count)> Counts =>
        ChangedOrder.Append(Verdict.Unchanged).Select(v => (v, Comparison.Count(v))).Where(c => c.Item2 > 0);

    public BenchmarkResult? CurrentResult(string id) => current.GetValueOrDefault(id);

    public BenchmarkResult? BaselineResult(string id) => baseline.GetValueOrDefault(id);

    /// <summary>The metric a row leads with: time when compared, else the first metric with a ratio.</summary>
    public static MetricComparison? Headline(BenchmarkComparison benchmark) =>
        benchmark.Time ?? benchmark.Metrics.FirstOrDefault(m => m.Ratio is not null);

    /// <summary>The headline change as "+8.2% [+3.1%, +13.6%]", or null when nothing was compared.</summary>
    public static string? HeadlineChange(BenchmarkComparison benchmark) =>
        Headline(benchmark) is { Ratio: { } ratio } m ? DisplayFormat.ChangeWithCi(ratio, m.CiLower, m.CiUpper) : null;

    /// <summary>Why a benchmark got its verdict, in the reader's words; untrusted parts pass through <paramref name="clean"/>.</summary>
    public static string Reason(BenchmarkComparison benchmark, Func<string, string> clean)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return benchmark.Verdict switch
        {
            Verdict.Failed => "failed: " + clean(benchmark.Error ?? "no measurements"),
            Verdict.SlaViolated => string.Join("; ", benchmark.Checks.Where(c => !c.Passed).Select(c =>
                clean(c.Threshold.Text) + (c.Actual is { } a ? " broken: " + DisplayFormat.ThresholdValue(c.Threshold.Metric, a) : " broken: no value"))),
            Verdict.Regressed or Verdict.Improved or Verdict.Inconclusive => MetricReasons(benchmark, clean),
            Verdict.New => "new",
            Verdict.Missing => "missing",
            _ => "",
        };
    }

    /// <summary>The note column: the reason when the change column does not already say it, else the headline metric's note.</summary>
    public static string Note(BenchmarkComparison benchmark, Func<string, string> clean)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var headline = Headline(benchmark);
        // The reason says more than the change column when it is not the headline metric that decided.
        var reason = benchmark.Verdict is Verdict.SlaViolated or Verdict.Failed
            || (benchmark.Verdict is Verdict.Regressed or Verdict.Improved or Verdict.Inconclusive && headline?.Verdict != benchmark.Verdict);
        return reason ? Reason(benchmark, clean) : headline?.Note is { } note ? clean(note) : "";
    }

    private static string MetricReasons(BenchmarkComparison benchmark, Func<string, string> clean)
    {
        var name = benchmark.Verdict.ToName();
        var parts = benchmark.Metrics.Where(m => m.Verdict == benchmark.Verdict).Select(m =>
        {
            var prefix = m.Metric == "time" ? name : clean(m.Metric) + " " + name;
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
