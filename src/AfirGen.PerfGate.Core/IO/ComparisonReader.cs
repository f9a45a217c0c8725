using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.IO;

/// <summary>
/// Reads a decided verdict back from an output folder: comparison.json with the results.json and baseline.json beside it,
/// so that a report or comment made later states exactly what the run stated, without deciding again.
/// </summary>
public static class ComparisonReader
{
    /// <summary>The comparison's file in an output folder.</summary>
    public const string FileName = "comparison.json";

    /// <summary>Whether <paramref name="path"/> is an output folder that holds a decided verdict.</summary>
    public static bool HoldsVerdict(string path) =>
        Directory.Exists(path) && File.Exists(Path.Combine(path, FileName)) && File.Exists(Path.Combine(path, ResultLoader.ResultsFileName));

    /// <summary>Reads the verdict stored in the output folder <paramref name="folder"/>; a broken file throws <see cref="InputException"/>.</summary>
    public static SuiteComparison Read(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var file = Path.Combine(folder, FileName);
        using var document = JsonSource.Parse(JsonSource.ReadBytes(file), file);
        var root = JsonCursor.Root(document, file).Object();
        var schema = root.Property("schema");
        if (schema.String() != JsonReport.SchemaId)
        {
            throw schema.Fail($"is \"{PlainText.Clean(schema.Element.ToString(), 60)}\"; this perfgate reads \"{JsonReport.SchemaId}\" (decide again with --baseline or --config)");
        }

        var files = root.Property("files").Object();
        var current = ResultLoader.Load(Path.Combine(folder, Name(files.Property("results"))));
        var baseline = files.OptionalProperty("baseline") is { } baselineName ? ResultLoader.Load(Path.Combine(folder, Name(baselineName))) : null;
        var comparison = new SuiteComparison
        {
            CreatedAt = root.Property("createdAt").Timestamp(),
            Current = current,
            Baseline = baseline,
            Cancelled = root.Property("cancelled").Boolean(),
            Settings = Settings(root.Property("settings").Object()),
            Thresholds = [.. root.Property("thresholds").Items().Select(Rule)],
            Warnings = [.. root.Property("warnings").Items().Select(Warning)],
            GeometricMean = GeometricMean(root.OptionalProperty("geometricMean")),
            Benchmarks = [.. root.Property("benchmarks").Items().Select(Benchmark)],
        };

        // The stored words must be what the stored verdicts make: a hand-edited "passed" over a regression is refused.
        var gate = root.Property("gate");
        if (GateOutcomeExtensions.Parse(gate.Element.ValueKind == System.Text.Json.JsonValueKind.String ? gate.String() : null) != comparison.Gate)
        {
            throw gate.Fail($"says \"{PlainText.Clean(gate.Element.ToString(), 40)}\" but its benchmarks' verdicts make \"{comparison.Gate.ToName()}\"");
        }

        var exitCode = root.Property("exitCode");
        if (exitCode.Int32() != comparison.ExitCode)
        {
            throw exitCode.Fail($"is {exitCode.Element.GetRawText()} but the verdict makes {comparison.ExitCode}");
        }

        return comparison;
    }

    // Only a plain file name beside comparison.json: a stored path must never reach outside the folder.
    private static string Name(JsonCursor at)
    {
        var name = at.String();
        return name.Length > 0 && name == Path.GetFileName(name) && name is not ("." or "..")
            ? name
            : throw at.Fail($"\"{PlainText.Clean(name, 80)}\" is not a file name in the output folder");
    }

    private static ComparisonSettings Settings(JsonCursor at) => new()
    {
        Threshold = at.Property("threshold").NonNegative(),
        Alpha = at.Property("alpha").Positive(),
        LaunchNoise = at.Property("launchNoise").NonNegative(),
        AllocationThreshold = at.Property("allocationThreshold").NonNegative(),
        TimeFloorNanoseconds = at.Property("timeFloorNanoseconds").NonNegative(),
        FailOnInconclusive = FailPolicy.Parse(at.Property("failOn").String(), at.File, at.Property("failOn").Path),
        RoundsPerLook = at.OptionalProperty("roundsPerLook")?.Int32(min: 1),
    };

    private static ThresholdOverride Rule(JsonCursor at)
    {
        at = at.Object();
        return new ThresholdOverride(at.Property("match").ShortString(), [.. at.Property("thresholds").Items().Select(t => Threshold.Parse(t.String(), t.File, t.Path))])
        {
            Source = at.OptionalProperty("source")?.ShortString(),
        };
    }

    private static GateWarning Warning(JsonCursor at)
    {
        at = at.Object();
        var code = at.Property("code");
        var kind = WarningKinds.Parse(code.String()) ?? throw code.Fail($"\"{PlainText.Clean(code.String(), 40)}\" is not a warning code");
        return new GateWarning(kind, OptionalString(at, "subject"), at.Property("text").String());
    }

    private static GeometricMeanSummary? GeometricMean(JsonCursor? value)
    {
        if (value is not { } at)
        {
            return null;
        }

        at = at.Object();
        return new GeometricMeanSummary(at.Property("ratio").Positive(), OptionalNumber(at, "ciLower"), OptionalNumber(at, "ciUpper"), at.Property("count").Int32(1));
    }

    private static BenchmarkComparison Benchmark(JsonCursor at)
    {
        at = at.Object();
        var category = at.Property("category");
        return new BenchmarkComparison
        {
            Id = at.Property("id").Id(),
            Category = Enum.TryParse<Category>(category.String(), ignoreCase: true, out var c) && Enum.IsDefined(c)
                ? c
                : throw category.Fail($"\"{PlainText.Clean(category.String(), 40)}\" is not a category"),
            Verdict = VerdictOf(at.Property("verdict")),
            Error = OptionalString(at, "error"),
            Baseline = Summary(at.OptionalProperty("baseline")),
            Current = Summary(at.OptionalProperty("current")),
            Metrics = [.. at.Property("metrics").Items().Select(Metric)],
            Checks = [.. at.Property("checks").Items().Select(Check)],
        };
    }

    private static Verdict VerdictOf(JsonCursor at)
    {
        var name = at.String();
        return Enum.GetValues<Verdict>().Where(v => v.ToName() == name).Select(v => (Verdict?)v).FirstOrDefault()
            ?? throw at.Fail($"\"{PlainText.Clean(name, 40)}\" is not a verdict");
    }

    private static MetricSummary? Summary(JsonCursor? value)
    {
        if (value is not { } at)
        {
            return null;
        }

        at = at.Object();
        return new MetricSummary
        {
            N = at.Property("n").Integer(),
            Launches = at.Property("launches").Int32(),
            Mean = OptionalNumber(at, "mean") ?? double.NaN,
            Median = OptionalNumber(at, "median") ?? double.NaN,
            P95 = OptionalNumber(at, "p95") ?? double.NaN,
            P99 = OptionalNumber(at, "p99") ?? double.NaN,
            Min = OptionalNumber(at, "min") ?? double.NaN,
            Max = OptionalNumber(at, "max") ?? double.NaN,
            StdDev = OptionalNumber(at, "stdDev") ?? double.NaN,
        };
    }

    private static MetricComparison Metric(JsonCursor at)
    {
        at = at.Object();
        var metric = at.Property("metric");
        var unit = at.OptionalProperty("unit");
        return new MetricComparison
        {
            Metric = ComparedMetrics.Parse(metric.String()) ?? throw metric.Fail($"\"{PlainText.Clean(metric.String(), 40)}\" is not a compared metric"),
            Verdict = VerdictOf(at.Property("verdict")),
            Unit = unit is not { } u ? null
                : Enum.GetValues<EvidenceUnit>().Where(e => JsonReport.UnitName(e) == u.String()).Select(e => (EvidenceUnit?)e).FirstOrDefault()
                    ?? throw u.Fail($"\"{PlainText.Clean(u.String(), 40)}\" is not a unit of evidence"),
            Baseline = OptionalNumber(at, "baseline"),
            Current = OptionalNumber(at, "current"),
            Ratio = OptionalNumber(at, "ratio"),
            CiLower = OptionalNumber(at, "ciLower"),
            CiUpper = OptionalNumber(at, "ciUpper"),
            Confidence = OptionalNumber(at, "confidence"),
            PValue = OptionalNumber(at, "pValue"),
            BaselineN = at.Property("baselineN").Int32(),
            CurrentN = at.Property("currentN").Int32(),
            Note = OptionalString(at, "note"),
            Hint = OptionalString(at, "hint"),
        };
    }

    private static ThresholdCheck Check(JsonCursor at)
    {
        at = at.Object();
        var text = at.Property("threshold");
        return new ThresholdCheck(Threshold.Parse(text.String(), text.File, text.Path), OptionalNumber(at, "actual") ?? double.NaN, at.Property("passed").Boolean());
    }

    private static double? OptionalNumber(JsonCursor at, string name) => at.OptionalProperty(name)?.Number();

    private static string? OptionalString(JsonCursor at, string name) => at.OptionalProperty(name)?.String();
}
