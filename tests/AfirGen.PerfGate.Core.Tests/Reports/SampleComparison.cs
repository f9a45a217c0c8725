using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Tests.Reports;

/// <summary>A realistic comparison built by hand: every category and every verdict, a warning and a geometric mean.</summary>
internal static class SampleComparison
{
    private const string Micro = "AfirGen.Backend.Benchmarks.";
    private static readonly DateTimeOffset Created = new(2024, 1, 15, 10, 30, 0, TimeSpan.Zero);

    public static SuiteComparison Create()
    {
        var rows = new List<(BenchmarkResult? Baseline, BenchmarkResult? Current, BenchmarkComparison Comparison)>
        {
            MicroRow("TextBench.Normalize(Size: 100)", 812.4, 1.123, Verdict.Regressed, 1.123, 1.081, 1.169, 0.0008, null, Parameter("Size", "100")),
            MicroRow("TextBench.Tokenize(Size: 100)", 45_230, 0.875, Verdict.Improved, 0.875, 0.851, 0.902, 0.00002, null, Parameter("Size", "100")),
            MicroRow("JsonBench.Serialize", 2_345_678, 1.008, Verdict.Unchanged, 1.008, 0.987, 1.029, 0.41, null),
            MicroRow("JsonBench.Deserialize", 3_456.7, 1.06, Verdict.Inconclusive, 1.06, 0.96, 1.17, 0.22, "one launch a side: assumed 5% launch-to-launch noise"),
            AllocationRow(),
            NewRow(),
            MissingRow(),
            FailedRow(),
            ScenarioRow(Category.Api, "api/get_session_status@c10", 45.23e6, 1.0, Verdict.Unchanged, Check("p95<100ms", 78.45e6)),
            ScenarioRow(Category.Api, "api/get_fir_status@c10", 52.34e6, 1.31, Verdict.SlaViolated, Check("p95<100ms", 134.2e6), Check("errors<1%", 0.002)),
            ScenarioRow(Category.Api, "api/process_text@c10", 120.5e6, 1.082, Verdict.Regressed, Check("p95<500ms", 210e6)),
            ScenarioRow(Category.Db, "db/select_fir_by_id@c5", 3.2e6, 0.82, Verdict.Improved, Check("p99<50ms", 9.8e6)),
            ScenarioRow(Category.Cache, "cache/get_hit@c10", 0.41e6, 1.01, Verdict.Unchanged, Check("hitrate>=80%", 0.92)),
        };

        var baselineSet = new ResultSet
        {
            CreatedAt = Created.AddDays(-3),
            Environment = Environment("Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz"),
            Source = new SourceInfo("1f3c5e7a9b2d4f6e8a0c1e3f5a7b9d1f3e5c7a9b", "main"),
            Benchmarks = rows.Where(r => r.Baseline is not null).Select(r => r.Baseline!).ToList(),
        };
        var currentSet = new ResultSet
        {
            CreatedAt = Created.AddMinutes(-1),
            Environment = Environment("AMD EPYC 7763 64-Core Processor"),
            Source = new SourceInfo("9b7a5c3e1f2d4b6a8c0e2f4a6b8d0f2e4a6c8e0b", "feature/faster-text"),
            Benchmarks = rows.Where(r => r.Current is not null).Select(r => r.Current!).ToList(),
        };

        return new SuiteComparison
        {
            CreatedAt = Created,
            Current = currentSet,
            Baseline = baselineSet,
            Benchmarks = rows.Select(r => r.Comparison).OrderBy(c => c.Category).ThenBy(c => c.Id, StringComparer.Ordinal).ToList(),
            GeometricMean = new GeometricMeanSummary(1.0213, 0.9951, 1.0482, 9),
            Warnings =
            [
                new GateWarning(WarningKind.EnvironmentDiffers, "cpu", "environment fingerprints differ: cpu 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz' (baseline) vs 'AMD EPYC 7763 64-Core Processor' (current)"),
            ],
            Settings = new ComparisonSettings(),
        };
    }

    /// <summary>The same comparison as if no baseline had been given: SLA checks only.</summary>
    public static SuiteComparison WithoutBaseline()
    {
        var full = Create();
        return full with
        {
            Baseline = null,
            GeometricMean = null,
            Warnings = [],
            Benchmarks = full.Benchmarks.Where(b => b.Verdict != Verdict.Missing).Select(b => b with
            {
                Baseline = null,
                Metrics = [],
                Verdict = b.Verdict is Verdict.Failed or Verdict.SlaViolated ? b.Verdict : Verdict.New,
            }).ToList(),
        };
    }

    /// <summary>A comparison whose benchmark ids (and errors, parameters, warnings) are the given strings, cycling through verdicts.</summary>
    public static SuiteComparison WithIds(IReadOnlyList<string> ids)
    {
        var verdicts = Enum.GetValues<Verdict>();
        var benchmarks = new List<BenchmarkComparison>();
        var results = new List<BenchmarkResult>();
        for (var i = 0; i < ids.Count; i++)
        {
            var verdict = verdicts[i % verdicts.Length];
            var ratio = 1 + ((i % 21) - 10) / 100.0;
            var summary = Summary([1000 * ratio, 1010 * ratio, 990 * ratio]);
            benchmarks.Add(new BenchmarkComparison
            {
                Id = ids[i],
                Category = (Category)(i % 4),
                Verdict = verdict,
                Baseline = verdict == Verdict.New ? null : Summary([1000, 1010, 990]),
                Current = verdict is Verdict.Missing or Verdict.Failed ? null : summary,
                Metrics = verdict is Verdict.New or Verdict.Missing or Verdict.Failed ? [] :
                [
                    new MetricComparison
                    {
                        Metric = ComparedMetric.Time, Verdict = verdict == Verdict.SlaViolated ? Verdict.Unchanged : verdict, Baseline = 1000, Current = 1000 * ratio,
                        Ratio = ratio, CiLower = ratio - 0.02, CiUpper = ratio + 0.02, PValue = 0.001, BaselineN = 3, CurrentN = 3, Note = ids[i],
                    },
                ],
                Checks = verdict == Verdict.SlaViolated ? [new ThresholdCheck(Threshold.Parse("p95<100ns", "test"), 1200, false)] : [],
                Error = verdict == Verdict.Failed ? ids[i] : null,
            });
            results.Add(new BenchmarkResult
            {
                Id = ids[i],
                Parameters = [Parameter("P", ids[i])],
                Launches = [new Launch([1000, 1010, 990])],
            });
        }

        return new SuiteComparison
        {
            CreatedAt = Created,
            Current = new ResultSet { CreatedAt = Created, Benchmarks = results },
            Baseline = new ResultSet { CreatedAt = Created, Benchmarks = results },
            Benchmarks = benchmarks,
            GeometricMean = new GeometricMeanSummary(1.01, 0.99, 1.03, ids.Count),
            Warnings = [new GateWarning(WarningKind.Skipped, ids[0], ids[0]), new GateWarning(WarningKind.Skipped, ids[^1], ids[^1])],
            Settings = new ComparisonSettings(),
        };
    }

    private static EnvironmentFingerprint Environment(string cpu) => new()
    {
        Os = "Debian GNU/Linux 13 (trixie)",
        Cpu = cpu,
        Cores = 2,
        Runtime = ".NET 10.0.0",
        Architecture = "X64",
        GcMode = "Workstation, Concurrent",
    };

    private static KeyValuePair<string, string> Parameter(string name, string value) => new(name, value);

    private static ThresholdCheck Check(string expression, double actual)
    {
        var threshold = Threshold.Parse(expression, "perfgate.json");
        return new ThresholdCheck(threshold, actual, threshold.IsSatisfiedBy(actual));
    }

    /// <summary>Deterministic samples around <paramref name="center"/>: three launches, each with its own small offset.</summary>
    private static List<Launch> Launches(double center, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 3).Select(l =>
        {
            var launchOffset = 1 + ((l - 1) * 0.01);
            return new Launch(Enumerable.Range(0, 15).Select(_ => Math.Round(center * launchOffset * (1 + ((random.NextDouble() - 0.5) * 0.04)), 3)).ToList());
        }).ToList();
    }

    private static MetricSummary Summary(IReadOnlyList<double> samples, int launches = 1)
    {
        var sorted = samples.Order().ToList();
        var mean = sorted.Average();
        double At(double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(q * sorted.Count) - 1)];
        return new MetricSummary
        {
            N = sorted.Count,
            Launches = launches,
            Mean = mean,
            Median = At(0.5),
            P95 = At(0.95),
            P99 = At(0.99),
            Min = sorted[0],
            Max = sorted[^1],
            StdDev = Math.Sqrt(sorted.Sum(x => (x - mean) * (x - mean)) / Math.Max(1, sorted.Count - 1)),
        };
    }

    private static (BenchmarkResult?, BenchmarkResult?, BenchmarkComparison) MicroRow(
        string name, double baselineNs, double ratio, Verdict verdict, double hl, double lo, double hi, double p, string? note,
        params KeyValuePair<string, string>[] parameters)
    {
        var id = Micro + name;
        var seed = id.Length;
        var baseline = new BenchmarkResult { Id = id, Parameters = parameters, Launches = Launches(baselineNs, seed), Memory = new MemoryInfo(256, 0.0305, 0, 0) };
        var current = baseline with { Launches = Launches(baselineNs * ratio, seed + 1) };
        var b = Summary(baseline.AllSamples.ToList(), 3);
        var c = Summary(current.AllSamples.ToList(), 3);
        return (baseline, current, new BenchmarkComparison
        {
            Id = id,
            Category = Category.Micro,
            Verdict = verdict,
            Baseline = b,
            Current = c,
            Metrics =
            [
                new MetricComparison
                {
                    Metric = ComparedMetric.Time, Verdict = verdict, Baseline = b.Median, Current = c.Median, Ratio = hl, CiLower = lo, CiUpper = hi,
                    Confidence = 0.9986, PValue = p, BaselineN = 3, CurrentN = 3, Note = note,
                },
                new MetricComparison { Metric = ComparedMetric.Allocated, Verdict = Verdict.Unchanged, Baseline = 256, Current = 256, Ratio = 1, BaselineN = 3, CurrentN = 3 },
            ],
        });
    }

    private static (BenchmarkResult?, BenchmarkResult?, BenchmarkComparison) AllocationRow()
    {
        var (baseline, current, comparison) = MicroRow("HashBench.Sha256", 1_234.5, 1.01, Verdict.Unchanged, 1.01, 0.98, 1.04, 0.55, null);
        current = current! with { Memory = new MemoryInfo(1536, 0.1831, 0, 0) };
        return (baseline, current, comparison with
        {
            Verdict = Verdict.Regressed,
            Metrics =
            [
                comparison.Metrics[0],
                new MetricComparison
                {
                    Metric = ComparedMetric.Allocated, Verdict = Verdict.Regressed, Baseline = 256, Current = 1536, Ratio = 6, BaselineN = 3, CurrentN = 3,
                    Note = "allocated bytes are deterministic: any increase fails",
                },
            ],
        });
    }

    private static (BenchmarkResult?, BenchmarkResult?, BenchmarkComparison) NewRow()
    {
        var (_, current, comparison) = MicroRow("FirBench.Render", 15_678.9, 1, Verdict.New, 1, 1, 1, 1, null);
        return (null, current, comparison with { Baseline = null, Metrics = [] });
    }

    private static (BenchmarkResult?, BenchmarkResult?, BenchmarkComparison) MissingRow()
    {
        var (baseline, _, comparison) = MicroRow("LegacyBench.Parse", 99.87, 1, Verdict.Missing, 1, 1, 1, 1, null);
        return (baseline, null, comparison with { Current = null, Metrics = [] });
    }

    private static (BenchmarkResult?, BenchmarkResult?, BenchmarkComparison) FailedRow()
    {
        const string error = "System.InvalidOperationException: the FIR template was not found\n   at AfirGen.Backend.FirRenderer.Load()";
        var (baseline, current, comparison) = MicroRow("CrashBench.Load", 5_000, 1, Verdict.Failed, 1, 1, 1, 1, null);
        return (baseline, current! with { Status = BenchmarkStatus.Failed, Error = error, Launches = [], Memory = null },
            comparison with { Current = null, Metrics = [], Error = error });
    }

    private static (BenchmarkResult?, BenchmarkResult?, BenchmarkComparison) ScenarioRow(
        Category category, string id, double meanNs, double ratio, Verdict verdict, params ThresholdCheck[] checks)
    {
        MetricSummary Latency(double mean) => new()
        {
            N = 6000, Launches = 1, Mean = mean, Median = mean * 0.9, P95 = mean * 1.73, P99 = mean * 2.1,
            Min = mean * 0.31, Max = mean * 4.2, StdDev = mean * 0.35,
        };
        ScenarioInfo Load(double r) => new()
        {
            Concurrency = 10,
            Requests = 6000,
            Throughput = Math.Round(10 / (meanNs * r / 1e9), 1),
            Errors = category == Category.Api ? new Dictionary<string, long> { ["timeout"] = 3, ["http-status"] = 9 } : new Dictionary<string, long>(),
            HitRate = category == Category.Cache ? 0.92 : null,
        };
        var baseline = new BenchmarkResult { Id = id, Category = category, Scenario = Load(1) };
        var current = baseline with { Scenario = Load(ratio) };
        var timeVerdict = verdict == Verdict.SlaViolated ? Verdict.Regressed : verdict;
        var metrics = new List<MetricComparison>
        {
            new()
            {
                Metric = ComparedMetric.Time, Verdict = timeVerdict, Baseline = meanNs * 0.9, Current = meanNs * 0.9 * ratio, Ratio = ratio,
                CiLower = ratio - 0.03, CiUpper = ratio + 0.035, Confidence = 0.9986, PValue = ratio == 1 ? 0.93 : 0.0004, BaselineN = 6000, CurrentN = 6000,
            },
            new()
            {
                Metric = ComparedMetric.Throughput, Verdict = Verdict.Unchanged, Baseline = baseline.Scenario!.Throughput, Current = current.Scenario!.Throughput,
                Ratio = current.Scenario.Throughput / baseline.Scenario.Throughput, BaselineN = 1, CurrentN = 1,
            },
        };
        return (baseline, current, new BenchmarkComparison
        {
            Id = id,
            Category = category,
            Verdict = verdict,
            Baseline = Latency(meanNs),
            Current = Latency(meanNs * ratio),
            Metrics = metrics,
            Checks = checks,
        });
    }
}
