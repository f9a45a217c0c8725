using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.IO;

/// <summary>Maps one BenchmarkDotNet JSON summary onto the results model, validating what it uses.</summary>
internal static class BenchmarkDotNetReport
{
    /// <summary>Reads the summary at <paramref name="root"/>.</summary>
    public static ResultSet Read(JsonCursor root)
    {
        // Usually two jobs of the same method in one summary: perfgate compares one job at a time.
        var benchmarks = root.Property("Benchmarks").UniqueItems(ReadBenchmark, b => b.Id, "FullName", "; export one job per run");
        return new ResultSet
        {
            CreatedAt = BenchmarkDotNetReader.TitleTimestamp(root.OptionalProperty("Title")?.String()),
            Environment = ReadEnvironment(root.Property("HostEnvironmentInfo")),
            Benchmarks = benchmarks,
        };
    }

    private static EnvironmentFingerprint ReadEnvironment(JsonCursor at)
    {
        var server = at.OptionalProperty("HasServerGC")?.Boolean();
        var concurrent = at.OptionalProperty("HasConcurrentGC")?.Boolean();
        string? gcMode = null;
        if (server is not null || concurrent is not null)
        {
            var kind = server switch { true => "Server", false => "Workstation", null => null };
            var background = concurrent switch { true => "Concurrent", false => "Non-concurrent", null => null };
            gcMode = string.Join(", ", new[] { kind, background }.OfType<string>());
        }

        return new EnvironmentFingerprint
        {
            Os = at.OptionalProperty("OsVersion")?.String(),
            Cpu = at.OptionalProperty("ProcessorName")?.String(),
            Cores = at.OptionalProperty("LogicalCoreCount")?.Int32(min: 1),
            Runtime = at.OptionalProperty("RuntimeVersion")?.String(),
            Architecture = at.OptionalProperty("Architecture")?.String(),
            GcMode = gcMode,
        };
    }

    private static BenchmarkResult ReadBenchmark(JsonCursor at)
    {
        var parameters = at.OptionalProperty("Parameters") is { } p ? ReadParameters(p) : [];
        var idAt = at.OptionalProperty("FullName");
        var id = idAt is { } fullName ? fullName.Id() : DisplayId(at, parameters);
        var launches = ReadLaunches(at);
        var failed = launches.Count == 0;
        return new BenchmarkResult
        {
            Id = id,
            Category = Category.Micro,
            Parameters = parameters,
            Status = failed ? BenchmarkStatus.Failed : BenchmarkStatus.Succeeded,
            Error = failed ? "BenchmarkDotNet reported no measurements: the benchmark failed or did not run" : null,
            Launches = launches,
            Memory = at.OptionalProperty("Memory") is { } memory ? ReadMemory(memory) : null,
        };
    }

    private static string DisplayId(JsonCursor at, List<KeyValuePair<string, string>> parameters)
    {
        var type = at.Property("Type").Id();
        var method = at.Property("Method").Id();
        var ns = at.OptionalProperty("Namespace")?.String();
        var name = string.IsNullOrEmpty(ns) ? $"{type}.{method}" : $"{ns}.{type}.{method}";
        var id = parameters.Count == 0 ? name : $"{name}({string.Join(", ", parameters.Select(p => $"{p.Key}: {p.Value}"))})";
        return id.Length <= JsonCursor.MaxIdLength ? id : throw at.Fail($"benchmark name is {id.Length} characters long; at most {JsonCursor.MaxIdLength} are allowed");
    }

    /// <summary>Splits BenchmarkDotNet's "A=1&amp;B=x" parameter string, keeping declaration order.</summary>
    private static List<KeyValuePair<string, string>> ReadParameters(JsonCursor at)
    {
        var text = at.String();
        if (text.Length == 0)
        {
            return [];
        }

        var parameters = text.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(kv => KeyValuePair.Create(kv[0], kv.Length > 1 ? kv[1] : string.Empty))
            .ToList();
        if (!parameters.TrueForAll(p => p.Key.Length <= JsonCursor.MaxIdLength && p.Value.Length <= JsonCursor.MaxIdLength))
        {
            throw at.Fail($"a parameter name or value is longer than {JsonCursor.MaxIdLength} characters");
        }

        // A results file keeps parameters by name: an empty or repeated name could be written but never read back.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in parameters)
        {
            if (name.Length == 0 || !seen.Add(name))
            {
                throw at.Fail(name.Length == 0 ? "a parameter has no name" : $"parameter \"{name}\" is given twice");
            }
        }

        return parameters;
    }

    private static List<Launch> ReadLaunches(JsonCursor at)
    {
        if (at.OptionalProperty("Measurements") is { } measurements)
        {
            var launches = new SortedDictionary<int, List<double>>();
            foreach (var m in measurements.Items())
            {
                if (m.Property("IterationMode").String() != "Workload" || m.Property("IterationStage").String() != "Actual")
                {
                    continue;
                }

                var launch = m.Property("LaunchIndex").Int32(min: 0); // 0 when the benchmarks ran in-process
                var operations = m.Property("Operations").Integer(min: 1);
                var nanoseconds = m.Property("Nanoseconds").Positive();
                if (!launches.TryGetValue(launch, out var samples))
                {
                    launches[launch] = samples = [];
                }

                samples.Add(nanoseconds / operations);
            }

            if (launches.Count > 0)
            {
                return launches.Values.Select(s => new Launch(s.ToArray())).ToList();
            }
        }

        // Brief exports carry no measurements; their original values are the pooled samples of every launch.
        if (at.OptionalProperty("Statistics")?.OptionalProperty("OriginalValues") is { } original)
        {
            var samples = original.Items().Select(v => v.Positive()).ToArray();
            return samples.Length > 0 ? [new Launch(samples)] : [];
        }

        return [];
    }

    private static MemoryInfo? ReadMemory(JsonCursor at)
    {
        var operations = at.OptionalProperty("TotalOperations")?.Integer() ?? 0;
        var bytes = at.OptionalProperty("BytesAllocatedPerOperation")?.Integer();
        if (bytes is null && operations == 0)
        {
            return null;
        }

        double PerThousand(string name) =>
            operations == 0 ? 0 : (at.OptionalProperty(name)?.Integer() ?? 0) * 1000.0 / operations;

        return new MemoryInfo(bytes ?? 0, PerThousand("Gen0Collections"), PerThousand("Gen1Collections"), PerThousand("Gen2Collections"));
    }
}
