using System.Globalization;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.IO;

/// <summary>Maps one BenchmarkDotNet JSON summary onto the results model, validating what it uses.</summary>
internal static class BenchmarkDotNetReport
{
    /// <summary>Reads the summary at <paramref name="root"/>.</summary>
    public static ResultSet Read(JsonCursor root) => Read(root, runnersJob: null);

    /// <summary>
    /// Reads the summary at <paramref name="root"/>. A benchmark run under several jobs (a class's own job attributes
    /// beside the command line's job) is one result per job, the job named as its last parameter; the job that
    /// <paramref name="runnersJob"/> recognises by its display (perfgate's own) keeps the plain name.
    /// </summary>
    public static ResultSet Read(JsonCursor root, Func<string, bool>? runnersJob)
    {
        var items = root.Property("Benchmarks");
        // Only the same benchmark under jobs of different names: two cases that merely share a name are still a duplicate.
        var several = items.Items().Select(at => (Id: BenchmarkId(at), Job: JobOf(at)?.Name)).GroupBy(c => c.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1 && g.All(c => c.Job is not null) && g.Select(c => c.Job).Distinct(StringComparer.Ordinal).Count() == g.Count())
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var benchmarks = items.UniqueItems(at =>
        {
            var benchmark = ReadBenchmark(at);
            return several.Contains(benchmark.Id) && JobOf(at) is { } job && runnersJob?.Invoke(job.Display) != true
                ? WithJob(benchmark, job.Name)
                : benchmark;
        }, b => b.Id, "FullName", "; the jobs of a benchmark need names of their own");
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
            Os = MachineDescription.Os(at.OptionalProperty("OsVersion")?.String()),
            Cpu = MachineDescription.Cpu(at.OptionalProperty("ProcessorName")?.String()),
            Cores = at.OptionalProperty("LogicalCoreCount")?.Int32(min: 1),
            Runtime = MachineDescription.Runtime(at.OptionalProperty("RuntimeVersion")?.String()),
            Architecture = at.OptionalProperty("Architecture")?.String(),
            GcMode = gcMode,
        };
    }

    private static string BenchmarkId(JsonCursor at) => ReadId(at).Id;

    private static (string Id, List<KeyValuePair<string, string>> Parameters) ReadId(JsonCursor at)
    {
        var fullName = at.OptionalProperty("FullName") is { } f ? LongName(f, "benchmark name") : null;
        var parameters = at.OptionalProperty("Parameters") is { } p ? ReadParameters(p, fullName) : [];
        return (fullName is not null ? BenchmarkName.Shorten(fullName) : DisplayId(at, parameters), parameters);
    }

    /// <summary>
    /// The job of one benchmark case, from its DisplayInfo "Type.Method: ShortRun(IterationCount=3, …) [N=1]": the
    /// job's display, and its name: the job's id, or its characteristics where BenchmarkDotNet made the id up ("Job-QZTYQL").
    /// </summary>
    internal static (string Display, string Name)? JobOf(JsonCursor at)
    {
        if (at.OptionalProperty("DisplayInfo")?.String() is not { Length: > 0 } display)
        {
            return null;
        }

        var prefix = at.OptionalProperty("Type")?.String() is { } type && at.OptionalProperty("MethodTitle")?.String() is { } title ? $"{type}.{title}: " : null;
        var start = prefix is not null && display.StartsWith(prefix, StringComparison.Ordinal) ? prefix.Length
            : display.IndexOf(": ", StringComparison.Ordinal) is >= 0 and var colon ? colon + 2 : -1;
        if (start < 0 || start >= display.Length)
        {
            return null;
        }

        var job = display[start..];
        // The parameters come last, in brackets.
        if (at.OptionalProperty("Parameters")?.String() is { Length: > 0 } && job.EndsWith(']') && job.LastIndexOf(" [", StringComparison.Ordinal) is > 0 and var cut)
        {
            job = job[..cut];
        }

        var open = job.IndexOf('(', StringComparison.Ordinal);
        var id = open > 0 && job.EndsWith(')') ? job[..open] : job;
        var name = open > 0 && job.EndsWith(')') && IsGeneratedJobId(id) ? job[(open + 1)..^1] : id;
        return name.Length > 0 ? (job, BenchmarkName.Shorten(name)) : null;
    }

    /// <summary>Whether a job id is one BenchmarkDotNet generated for a job without one: "Job-" and six capitals.</summary>
    internal static bool IsGeneratedJobId(string id) =>
        id.Length == 10 && id.StartsWith("Job-", StringComparison.Ordinal) && !id.AsSpan(4).ContainsAnyExceptInRange('A', 'Z');

    private static BenchmarkResult WithJob(BenchmarkResult benchmark, string job)
    {
        var key = benchmark.Parameters.Any(p => p.Key == "Job") ? "@Job" : "Job";
        var id = benchmark.Id.EndsWith(')') && benchmark.Parameters.Count > 0
            ? $"{benchmark.Id[..^1]}, {key}: {job})"
            : $"{benchmark.Id}({key}: {job})";
        return benchmark with { Id = BenchmarkName.Shorten(id), Parameters = [.. benchmark.Parameters, KeyValuePair.Create(key, job)] };
    }

    private static BenchmarkResult ReadBenchmark(JsonCursor at)
    {
        var (id, parameters) = ReadId(at);
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

    /// <summary>A non-empty name of at most <see cref="BenchmarkName.MaxReadLength"/> characters, not yet shortened.</summary>
    private static string LongName(JsonCursor at, string what)
    {
        var name = at.String();
        if (string.IsNullOrWhiteSpace(name))
        {
            throw at.Fail($"{what} is empty");
        }

        return name.Length <= BenchmarkName.MaxReadLength
            ? name
            : throw at.Fail(string.Create(CultureInfo.InvariantCulture, $"{what} is {name.Length} characters long; at most {BenchmarkName.MaxReadLength} are read"));
    }

    private static string DisplayId(JsonCursor at, List<KeyValuePair<string, string>> parameters)
    {
        var type = LongName(at.Property("Type"), "type name");
        var method = LongName(at.Property("Method"), "method name");
        var ns = at.OptionalProperty("Namespace") is { } n && n.String().Length > 0 ? LongName(n, "namespace") : null;
        var name = ns is null ? $"{type}.{method}" : $"{ns}.{type}.{method}";
        var id = parameters.Count == 0 ? name : $"{name}({string.Join(", ", parameters.Select(p => $"{p.Key}: {p.Value}"))})";
        return BenchmarkName.Shorten(id);
    }

    /// <summary>
    /// Splits BenchmarkDotNet's "A=1&amp;B=x" parameter string, keeping declaration order. BenchmarkDotNet joins
    /// name=value pairs with '&amp;' without escaping, so a value may hold '&amp;' and '=' ("Separator=&amp;",
    /// "Query=a=1&amp;b=2"). A name is a C# identifier, so a pair can start only at "&amp;identifier="; when the
    /// export's FullName lists the parameters ("M(A: 1, B: x)"), only the names it lists start a pair.
    /// </summary>
    private static List<KeyValuePair<string, string>> ReadParameters(JsonCursor at, string? fullName)
    {
        var text = at.String();
        if (text.Length == 0)
        {
            return [];
        }

        if (text.Length > BenchmarkName.MaxReadLength)
        {
            throw at.Fail(string.Create(CultureInfo.InvariantCulture, $"is {text.Length} characters long; at most {BenchmarkName.MaxReadLength} are read"));
        }

        var listed = fullName is not null && fullName.EndsWith(')') && fullName.IndexOf('(', StringComparison.Ordinal) is > 0 and var open
            ? fullName[open..] : null;
        var starts = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i <= text.Length; i++)
        {
            if (i != 0 && (i == text.Length || text[i - 1] != '&'))
            {
                continue;
            }

            var name = BenchmarkName.IdentifierAt(text, i);
            var isStart = name is not null && i < text.Length && text.Length > i + name.Length && text[i + name.Length] == '='
                && (i == 0 || ((listed is null || listed.Contains($"({name}: ", StringComparison.Ordinal) || listed.Contains($", {name}: ", StringComparison.Ordinal))
                    && !seen.Contains(name)));
            if (i == 0 && !isStart)
            {
                throw at.Fail(text.StartsWith('=') || text.StartsWith('&') ? "a parameter has no name" : "does not start with a parameter name and '='");
            }

            if (isStart)
            {
                starts.Add(i);
                seen.Add(name!);
            }
        }

        var parameters = new List<KeyValuePair<string, string>>(starts.Count);
        for (var k = 0; k < starts.Count; k++)
        {
            var from = starts[k];
            var to = k + 1 < starts.Count ? starts[k + 1] - 1 : text.Length; // the '&' before the next pair
            var equals = text.IndexOf('=', from);
            // Names are unique by construction (a repeated "&N=" is part of a value), as a results file needs them.
            parameters.Add(KeyValuePair.Create(BenchmarkName.Shorten(text[from..equals]), BenchmarkName.Shorten(text[(equals + 1)..to])));
        }

        return parameters;
    }

    private static List<Launch> ReadLaunches(JsonCursor at)
    {
        if (at.OptionalProperty("Measurements") is { } measurements)
        {
            // Workload/Result is what BenchmarkDotNet's own statistics use: each Actual iteration with the harness
            // overhead subtracted and upper outliers removed. It can be zero where a benchmark costs no more than
            // the overhead; then, and for exports without it, the raw Workload/Actual iterations are kept.
            var actual = new SortedDictionary<int, List<double>>();
            var result = new SortedDictionary<int, List<double>>();
            var resultUsable = true;
            foreach (var m in measurements.Items())
            {
                var stage = m.Property("IterationMode").String() == "Workload" ? m.Property("IterationStage").String() : null;
                if (stage is not ("Actual" or "Result"))
                {
                    continue;
                }

                var launch = m.Property("LaunchIndex").Int32(min: 0); // 0 when the benchmarks ran in-process
                var operations = m.Property("Operations").Integer(min: 1);
                var target = stage == "Actual" ? actual : result;
                double nanoseconds;
                if (stage == "Actual")
                {
                    nanoseconds = m.Property("Nanoseconds").Positive();
                }
                else
                {
                    nanoseconds = m.Property("Nanoseconds").NonNegative();
                    resultUsable &= nanoseconds > 0;
                }

                if (!target.TryGetValue(launch, out var samples))
                {
                    target[launch] = samples = [];
                }

                samples.Add(nanoseconds / operations);
            }

            var launches = resultUsable && result.Count > 0 && actual.Keys.All(result.ContainsKey) ? result : actual;
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
