using System.Globalization;
using System.Text.Json;
using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Config;

/// <summary>Reads perfgate.json strictly: an unknown or mistyped field is an error that names it, never silently ignored.</summary>
public static class ConfigReader
{
    /// <summary>Reads the config file at <paramref name="path"/>.</summary>
    /// <exception cref="InputException">The file is missing, unreadable or invalid.</exception>
    public static PerfGateConfig Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InputException(path, null, "is a directory, expected a perfgate.json file");
        }

        var bytes = InputFile.ReadBytes(path);
        return Parse(bytes, path);
    }

    /// <summary>Parses config JSON; <paramref name="source"/> names it in errors.</summary>
    public static PerfGateConfig Parse(ReadOnlySpan<byte> json, string source)
    {
        // The same byte-level checks as every results file: encoding, emptiness, depth, duplicate keys.
        var doc = JsonSource.Parse(json.ToArray(), source, JsonSource.HandEdited);
        using (doc)
        {
            var root = doc.RootElement;
            Expect(root, JsonValueKind.Object, source, "$");
            var settings = new ComparisonSettings();
            var overrides = new List<ThresholdOverride>();
            IReadOnlyList<string> projects = [];
            var scenarios = Scenarios.ScenarioSuite.Empty;
            TargetDefinition? target = null;
            foreach (var prop in root.EnumerateObject())
            {
                switch (prop.Name)
                {
                    case "$schema":
                        Expect(prop.Value, JsonValueKind.String, source, "$.$schema");
                        break;
                    case "defaults":
                        settings = ReadDefaults(prop.Value, source, overrides);
                        break;
                    case "benchmarks":
                        ReadBenchmarks(prop.Value, source, overrides);
                        break;
                    case "projects":
                        projects = ProjectsConfigReader.Read(prop.Value, source);
                        break;
                    case "scenarios":
                        scenarios = ScenarioConfigReader.Read(prop.Value, source);
                        break;
                    case "target":
                        target = TargetConfigReader.Read(prop.Value, source);
                        break;
                    default:
                        throw new InputException(source, $"$.{prop.Name}", "unknown property; known: $schema, defaults, benchmarks, projects, scenarios, target");
                }
            }

            // Defaults' thresholds go first so that every glob override can replace them.
            return new PerfGateConfig { Comparison = settings, Overrides = overrides, Projects = projects, Scenarios = scenarios, Target = target };
        }
    }

    private static ComparisonSettings ReadDefaults(JsonElement e, string source, List<ThresholdOverride> overrides)
    {
        Expect(e, JsonValueKind.Object, source, "$.defaults");
        var s = new ComparisonSettings();
        foreach (var p in e.EnumerateObject())
        {
            var path = $"$.defaults.{p.Name}";
            s = p.Name switch
            {
                "regression" => s with { Threshold = Percent(p.Value, source, path, 0, 10) },
                "alpha" => s with { Alpha = Number(p.Value, source, path, 1e-9, 0.5) },
                "launchNoise" => s with { LaunchNoise = Percent(p.Value, source, path, 0, 10) },
                "allocationRegression" => s with { AllocationThreshold = Percent(p.Value, source, path, 0, 10) },
                "thresholds" => AddThresholds(s, overrides, "*", p.Value, source, path),
                "failOn" => s with { FailOnInconclusive = FailPolicy.Parse(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : "", source, path) },
                _ => throw new InputException(source, path, "unknown property; known: regression, alpha, launchNoise, allocationRegression, thresholds, failOn"),
            };
        }

        return s;
    }

    private static ComparisonSettings AddThresholds(ComparisonSettings s, List<ThresholdOverride> overrides, string glob, JsonElement value, string source, string path)
    {
        overrides.Insert(0, new ThresholdOverride(glob, ReadExpressions(value, source, path)) { Source = source });
        return s;
    }

    private static void ReadBenchmarks(JsonElement e, string source, List<ThresholdOverride> overrides)
    {
        Expect(e, JsonValueKind.Object, source, "$.benchmarks");
        foreach (var p in e.EnumerateObject())
        {
            var path = $"$.benchmarks['{p.Name}']";
            if (p.Name.Length == 0)
            {
                throw new InputException(source, path, "empty glob");
            }

            if (p.Name.Length > JsonCursor.MaxIdLength)
            {
                throw new InputException(source, path, string.Create(CultureInfo.InvariantCulture, $"glob is {p.Name.Length} characters long; at most {JsonCursor.MaxIdLength} are allowed"));
            }

            overrides.Add(new ThresholdOverride(p.Name, ReadExpressions(p.Value, source, path)) { Source = source });
        }
    }

    private static List<Threshold> ReadExpressions(JsonElement e, string source, string path)
    {
        Expect(e, JsonValueKind.Array, source, path);
        var list = new List<Threshold>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            Expect(item, JsonValueKind.String, source, itemPath);
            list.Add(Threshold.Parse(item.GetString()!, source, itemPath));
        }

        return list;
    }

    private static double Percent(JsonElement e, string source, string path, double min, double max)
    {
        Expect(e, JsonValueKind.String, source, path);
        var text = e.GetString()!.Trim();
        if (!text.EndsWith('%')
            || !double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            || !double.IsFinite(v))
        {
            throw new InputException(source, path, $"'{text}' is not a percentage such as \"5%\"");
        }

        v /= 100;
        return v >= min && v <= max ? v : throw new InputException(source, path, $"'{text}' is out of range");
    }

    private static double Number(JsonElement e, string source, string path, double min, double max)
    {
        Expect(e, JsonValueKind.Number, source, path);
        if (!e.TryGetDouble(out var v) || !double.IsFinite(v))
        {
            throw new InputException(source, path, $"{e.GetRawText()} is out of range; expected a finite number");
        }

        return v >= min && v <= max
            ? v
            : throw new InputException(source, path, string.Create(CultureInfo.InvariantCulture, $"{v} is out of range ({min}..{max})"));
    }

    private static void Expect(JsonElement e, JsonValueKind kind, string source, string path)
    {
        if (e.ValueKind != kind)
        {
            throw new InputException(source, path, $"expected {Name(kind)}, found {Name(e.ValueKind)}");
        }
    }

    private static string Name(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
