using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Reports;

/// <summary>The comparison as JSON for machines (format "json", comparison.json): deterministic, camelCase, round-trippable numbers.</summary>
public sealed class JsonReport : IReportRenderer
{
    /// <summary>The schema identifier written into every comparison file (schemas/comparison.schema.json).</summary>
    public const string SchemaId = "perfgate/comparison@2";

    /// <summary>The baseline's file in an output folder, beside results.json, when the comparison had one.</summary>
    public const string BaselineFileName = "baseline.json";

    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Json;

    /// <inheritdoc />
    public string Render(SuiteComparison comparison)
    {
        using var stream = new MemoryStream();
        Write(comparison, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <inheritdoc />
    public void Write(SuiteComparison comparison, Stream stream)
    {
        var context = new ReportContext(comparison);
        // The default encoder escapes <, >, & and non-ASCII: the file stays safe to embed anywhere.
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("schema", SchemaId);
            w.WriteString("createdAt", DisplayFormat.Timestamp(comparison.CreatedAt));
            w.WriteString("gate", comparison.Gate.ToName());
            w.WriteBoolean("passed", comparison.Passed);
            w.WriteNumber("exitCode", comparison.ExitCode);
            w.WriteBoolean("cancelled", comparison.Cancelled);
            w.WriteString("summary", GateText.Line(comparison));
            w.WriteStartObject("counts");
            w.WriteNumber("total", context.Total);
            foreach (var verdict in GateText.ReadingOrder)
            {
                w.WriteNumber(verdict.ToName(), comparison.Count(verdict));
            }

            w.WriteEndObject();
            // Only what fails the gate, by kind: the number a build line or a PR comment calls "failed".
            w.WriteStartObject("failures");
            foreach (var (verdict, count) in GateText.Failing(comparison))
            {
                w.WriteNumber(verdict.ToName(), count);
            }

            w.WriteEndObject();
            WriteGeometricMean(w, comparison.GeometricMean);
            WriteSettings(w, comparison.Settings);
            WriteThresholds(w, comparison.Thresholds);
            w.WriteStartObject("files");
            w.WriteString("results", ResultLoader.ResultsFileName);
            String(w, "baseline", comparison.Baseline is null ? null : BaselineFileName);
            w.WriteEndObject();
            WriteRun(w, "current", comparison.Current);
            WriteRun(w, "baseline", comparison.Baseline);
            w.WriteStartArray("warnings");
            foreach (var warning in comparison.Warnings)
            {
                w.WriteStartObject();
                w.WriteString("code", warning.Kind.ToCode());
                String(w, "subject", warning.Subject);
                w.WriteString("text", warning.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("benchmarks");
            foreach (var b in comparison.Benchmarks)
            {
                WriteBenchmark(w, context, b);
                w.FlushIfFull();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteGeometricMean(Utf8JsonWriter w, GeometricMeanSummary? g)
    {
        if (!StartObjectOrNull(w, "geometricMean", g))
        {
            return;
        }

        Number(w, "ratio", g.Ratio);
        Number(w, "ciLower", g.CiLower);
        Number(w, "ciUpper", g.CiUpper);
        w.WriteNumber("count", g.Count);
        w.WriteString("method", GeometricMeanSummary.Method);
        w.WriteEndObject();
    }

    private static void WriteThresholds(Utf8JsonWriter w, IReadOnlyList<Config.ThresholdOverride> rules)
    {
        w.WriteStartArray("thresholds");
        foreach (var rule in rules)
        {
            w.WriteStartObject();
            w.WriteString("match", rule.Match);
            String(w, "source", rule.Source);
            w.WriteStartArray("thresholds");
            foreach (var t in rule.Thresholds)
            {
                w.WriteStringValue(t.Text);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteSettings(Utf8JsonWriter w, ComparisonSettings s)
    {
        w.WriteStartObject("settings");
        Number(w, "threshold", s.Threshold);
        Number(w, "alpha", s.Alpha);
        Number(w, "launchNoise", s.LaunchNoise);
        Number(w, "allocationThreshold", s.AllocationThreshold);
        Number(w, "timeFloorNanoseconds", s.TimeFloorNanoseconds);
        w.WriteString("failOn", Config.FailPolicy.ToName(s.FailOnInconclusive));
        if (s.RoundsPerLook is { } perLook)
        {
            w.WriteNumber("roundsPerLook", perLook);
        }

        w.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter w, string name, ResultSet? set)
    {
        if (!StartObjectOrNull(w, name, set))
        {
            return;
        }

        w.WriteString("createdAt", DisplayFormat.Timestamp(set.CreatedAt));
        w.WriteBoolean("incomplete", set.Incomplete);
        w.WriteNumber("benchmarks", set.Benchmarks.Count);
        w.WriteStartObject("source");
        String(w, "commit", set.Source?.Commit);
        String(w, "branch", set.Source?.Branch);
        w.WriteEndObject();
        var env = set.Environment;
        w.WriteStartObject("environment");
        String(w, "os", env.Os);
        String(w, "cpu", env.Cpu);
        if (env.Cores is { } cores)
        {
            w.WriteNumber("cores", cores);
        }
        else
        {
            w.WriteNull("cores");
        }

        String(w, "runtime", env.Runtime);
        String(w, "architecture", env.Architecture);
        String(w, "gcMode", env.GcMode);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteBenchmark(Utf8JsonWriter w, ReportContext context, BenchmarkComparison b)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("category", b.Category.ToString().ToLowerInvariant());
        w.WriteString("verdict", b.Verdict.ToName());
        String(w, "error", b.Error);
        var result = context.CurrentResult(b.Id) ?? context.BaselineResult(b.Id);
        w.WriteStartArray("parameters");
        foreach (var p in result?.Parameters ?? [])
        {
            w.WriteStartObject();
            w.WriteString("name", p.Key);
            w.WriteString("value", p.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteSummary(w, "baseline", b.Baseline);
        WriteSummary(w, "current", b.Current);
        w.WriteStartArray("metrics");
        foreach (var m in b.Metrics)
        {
            w.WriteStartObject();
            w.WriteString("metric", m.Metric.ToName());
            w.WriteString("verdict", m.Verdict.ToName());
            String(w, "unit", m.Unit is { } unit ? UnitName(unit) : null);
            Number(w, "baseline", m.Baseline);
            Number(w, "current", m.Current);
            Number(w, "ratio", m.Ratio);
            Number(w, "ciLower", m.CiLower);
            Number(w, "ciUpper", m.CiUpper);
            Number(w, "confidence", m.Confidence);
            Number(w, "pValue", m.PValue);
            w.WriteNumber("baselineN", m.BaselineN);
            w.WriteNumber("currentN", m.CurrentN);
            String(w, "note", m.Note);
            String(w, "hint", m.Hint);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("checks");
        foreach (var c in b.Checks)
        {
            WriteCheck(w, c);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>What one unit of evidence is, as written in comparison.json.</summary>
    internal static string UnitName(EvidenceUnit unit) => unit switch
    {
        EvidenceUnit.Iteration => "iteration",
        EvidenceUnit.Launch => "launch",
        EvidenceUnit.Round => "round",
        EvidenceUnit.Run => "run",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    private static void WriteCheck(Utf8JsonWriter w, ThresholdCheck c)
    {
        w.WriteStartObject();
        w.WriteString("threshold", c.Threshold.Text);
        w.WriteString("metric", c.Threshold.Metric.ToString().ToLowerInvariant());
        w.WriteString("operator", c.Threshold.OperatorText);
        Number(w, "value", c.Threshold.Value);
        Number(w, "actual", c.Actual);
        w.WriteBoolean("passed", c.Passed);
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, string name, MetricSummary? s)
    {
        if (!StartObjectOrNull(w, name, s))
        {
            return;
        }

        w.WriteNumber("n", s.N);
        w.WriteNumber("launches", s.Launches);
        Number(w, "mean", s.Mean);
        Number(w, "median", s.Median);
        Number(w, "p95", s.P95);
        Number(w, "p99", s.P99);
        Number(w, "min", s.Min);
        Number(w, "max", s.Max);
        Number(w, "stdDev", s.StdDev);
        w.WriteEndObject();
    }

    /// <summary>Starts an object property for <paramref name="value"/>, or writes null and returns false when there is none.</summary>
    private static bool StartObjectOrNull(Utf8JsonWriter w, string name, [NotNullWhen(true)] object? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
            return false;
        }

        w.WriteStartObject(name);
        return true;
    }

    /// <summary>Writes a number, or null when it is missing or not finite (JSON has no NaN).</summary>
    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            // Utf8JsonWriter writes the shortest text that round-trips, in invariant form.
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
