using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Config;

/// <summary>The contents of perfgate.json that the comparison uses: defaults, suite thresholds and per-benchmark overrides.</summary>
public sealed record PerfGateConfig
{
    /// <summary>The configuration used when no file is given.</summary>
    public static PerfGateConfig Default { get; } = new();

    /// <summary>The error threshold every scenario gets unless a config or command line sets its own: a target that fails requests fails the gate.</summary>
    public const string DefaultErrorThreshold = "errors<1%";

    /// <summary>The thresholds that hold before any file or command line speaks; every later one for the same metric replaces them.</summary>
    public static ThresholdOverride BuiltIn { get; } = new("*", [Threshold.Parse(DefaultErrorThreshold, "built-in")]) { Source = "built-in" };

    /// <summary>Statistical settings: regression threshold, alpha, launch noise, allocation threshold.</summary>
    public ComparisonSettings Comparison { get; init; } = new();

    /// <summary>BenchmarkDotNet projects that <c>perfgate run</c> and <c>perfgate ab</c> measure, as full paths.</summary>
    public IReadOnlyList<string> Projects { get; init; } = [];

    /// <summary>Per-benchmark thresholds by glob, applied in order after the defaults.</summary>
    public IReadOnlyList<ThresholdOverride> Overrides { get; init; } = [];

    /// <summary>The load scenarios (api, db, cache) that <c>perfgate run</c> runs.</summary>
    public Scenarios.ScenarioSuite Scenarios { get; init; } = AfirGen.PerfGate.Config.Scenarios.ScenarioSuite.Empty;

    /// <summary>The system under test that <c>perfgate run</c> starts and stops around its api scenarios, when the config says how.</summary>
    public TargetDefinition? Target { get; init; }

    /// <summary>Returns the config with extra thresholds (from the command line) applied to every benchmark, after the file's.</summary>
    public PerfGateConfig WithThresholds(IReadOnlyList<Threshold> thresholds, string source = "--threshold")
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return thresholds.Count == 0 ? this : this with { Overrides = [.. Overrides, new ThresholdOverride("*", thresholds) { Source = source }] };
    }

    /// <summary>Every threshold rule in the order it applies: the built-in defaults, then the file's, then the command line's.</summary>
    public IReadOnlyList<ThresholdOverride> Resolved => [BuiltIn, .. Overrides];

    /// <summary>The regression threshold and the SLA thresholds that apply to one benchmark.</summary>
    public (double Regression, IReadOnlyList<Threshold> Sla) For(string id)
    {
        var regression = Comparison.Threshold;
        var sla = new List<Threshold>();
        foreach (var o in Resolved.Where(o => o.Matches(id)))
        {
            foreach (var t in o.Thresholds)
            {
                if (t.Metric == ThresholdMetric.Regression)
                {
                    regression = t.Value;
                    continue;
                }

                var upper = t.Operator is ThresholdOperator.Less or ThresholdOperator.LessOrEqual;
                sla.RemoveAll(s => s.Metric == t.Metric && (s.Operator is ThresholdOperator.Less or ThresholdOperator.LessOrEqual) == upper);
                sla.Add(t);
            }
        }

        return (regression, sla);
    }
}
