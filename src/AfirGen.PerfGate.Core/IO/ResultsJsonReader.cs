using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.IO;

/// <summary>Walks a results@1 document by hand so every problem is reported with its exact JSON path.</summary>
internal static class ResultsJsonReader
{
    /// <summary>Reads and validates the document at <paramref name="root"/>.</summary>
    public static ResultSet Read(JsonCursor root)
    {
        root.Object();
        var schemaAt = root.OptionalProperty("schema")
            ?? throw root.Fail($"missing \"schema\"; expected \"{ResultSet.SchemaId}\"");
        var schema = schemaAt.String();
        if (!string.Equals(schema, ResultSet.SchemaId, StringComparison.Ordinal))
        {
            throw schemaAt.Fail($"schema \"{schema}\" is not supported; this version reads \"{ResultSet.SchemaId}\"");
        }

        // Unknown properties are errors: a misspelt field would otherwise vanish without a word.
        root.RejectUnknown("schema", "createdAt", "incomplete", "environment", "source", "benchmarks", "skipped", "setup", "referenceNanoseconds");
        var benchmarks = root.Property("benchmarks").UniqueItems(ReadBenchmark, b => b.Id, "id");
        return new ResultSet
        {
            CreatedAt = root.Property("createdAt").Timestamp(),
            Incomplete = root.Property("incomplete").Boolean(),
            Environment = ReadEnvironment(root.Property("environment")),
            Source = root.OptionalProperty("source") is { } source ? ReadSource(source) : null,
            Benchmarks = benchmarks,
            Skipped = root.OptionalProperty("skipped")?.Items().Select(ReadSkipped).ToList() ?? [],
            Setup = root.OptionalProperty("setup") is { } setup ? ReadSetup(setup) : null,
            ReferenceNanoseconds = root.OptionalProperty("referenceNanoseconds")?.Positive(),
        };
    }

    private static SystemSetup ReadSetup(JsonCursor at)
    {
        at.RejectUnknown("target", "variables");
        return new SystemSetup
        {
            Target = at.Property("target").ShortString(),
            Variables = at.Property("variables").UniqueItems(ReadVariable, v => v.Name, "name"),
        };
    }

    private static SetupVariable ReadVariable(JsonCursor at)
    {
        at.RejectUnknown("name", "from", "set");
        return new SetupVariable(at.Property("name").Id(), at.OptionalProperty("from")?.Id(), at.Property("set").Boolean());
    }

    private static SkippedScenario ReadSkipped(JsonCursor at)
    {
        at.RejectUnknown("id", "reason");
        return new SkippedScenario(at.Property("id").Id(), at.Property("reason").String());
    }

    internal static EnvironmentFingerprint ReadEnvironment(JsonCursor at)
    {
        at.RejectUnknown("os", "cpu", "cores", "runtime", "architecture", "gcMode");
        return new EnvironmentFingerprint
        {
            Os = at.OptionalProperty("os")?.String(),
            Cpu = at.OptionalProperty("cpu")?.String(),
            Cores = at.OptionalProperty("cores")?.Int32(min: 1),
            Runtime = at.OptionalProperty("runtime")?.String(),
            Architecture = at.OptionalProperty("architecture")?.String(),
            GcMode = at.OptionalProperty("gcMode")?.String(),
        };
    }

    private static SourceInfo ReadSource(JsonCursor at)
    {
        at.RejectUnknown("commit", "branch");
        return new SourceInfo(at.OptionalProperty("commit")?.String(), at.OptionalProperty("branch")?.String());
    }

    private static BenchmarkResult ReadBenchmark(JsonCursor at)
    {
        at.RejectUnknown("id", "category", "status", "error", "parameters", "launchNoise", "launches", "memory", "latency", "scenario");
        var id = at.Property("id").Id();
        var category = ResultsJsonNames.Parse(at.Property("category"), ResultsJsonNames.Categories);
        var status = ResultsJsonNames.Parse(at.Property("status"), ResultsJsonNames.Statuses);
        var launchesAt = at.Property("launches");
        var launches = launchesAt.Items().Select(ReadLaunch).ToList();
        if (status == BenchmarkStatus.Succeeded && category == Category.Micro && launches.Count == 0)
        {
            throw launchesAt.Fail("a succeeded micro-benchmark needs at least one launch");
        }

        return new BenchmarkResult
        {
            Id = id,
            Category = category,
            Status = status,
            Error = at.OptionalProperty("error")?.String(),
            Parameters = at.Property("parameters").Properties().Select(p => KeyValuePair.Create(p.Name, p.Value.ShortString())).ToList(),
            LaunchNoise = at.OptionalProperty("launchNoise")?.NonNegative(),
            Launches = launches,
            Memory = at.OptionalProperty("memory") is { } memory ? ReadMemory(memory) : null,
            Latency = at.OptionalProperty("latency") is { } latency ? ReadLatency(latency) : null,
            Scenario = at.OptionalProperty("scenario") is { } scenario ? ReadScenario(scenario) : null,
        };
    }

    private static Launch ReadLaunch(JsonCursor at)
    {
        at.RejectUnknown("samples", "round");
        var samplesAt = at.Property("samples");
        var samples = samplesAt.PositiveNumbers();
        var round = at.OptionalProperty("round")?.Int32(min: 1);
        return samples.Length > 0 ? new Launch(samples, round) : throw samplesAt.Fail("a launch needs at least one sample");
    }

    private static MemoryInfo ReadMemory(JsonCursor at)
    {
        at.RejectUnknown("allocatedBytesPerOperation", "gen0PerThousand", "gen1PerThousand", "gen2PerThousand");
        return new MemoryInfo(
            at.Property("allocatedBytesPerOperation").Integer(),
            at.Property("gen0PerThousand").NonNegative(),
            at.Property("gen1PerThousand").NonNegative(),
            at.Property("gen2PerThousand").NonNegative());
    }

    private static LatencySummary ReadLatency(JsonCursor at)
    {
        at.RejectUnknown("count", "min", "max", "mean", "stdDev", "p50", "p90", "p95", "p99", "p999");
        return new LatencySummary
        {
            Count = at.Property("count").Integer(),
            Min = at.Property("min").Positive(),
            Max = at.Property("max").Positive(),
            Mean = at.Property("mean").Positive(),
            StdDev = at.Property("stdDev").NonNegative(),
            P50 = at.Property("p50").Positive(),
            P90 = at.Property("p90").Positive(),
            P95 = at.Property("p95").Positive(),
            P99 = at.Property("p99").Positive(),
            P999 = at.Property("p999").Positive(),
        };
    }

    private static ScenarioInfo ReadScenario(JsonCursor at)
    {
        at.RejectUnknown("concurrency", "throughput", "requests", "errors", "hitRate", "histogram",
            "rate", "lateStarts", "droppedStarts", "serverHitRate", "improvement", "poolAcquire", "system", "warnings");
        var hitRate = Fraction(at.OptionalProperty("hitRate"));

        var histogramAt = at.OptionalProperty("histogram");
        var histogram = histogramAt?.String();
        if (histogram is not null && !System.Buffers.Text.Base64.IsValid(histogram))
        {
            throw histogramAt!.Value.Fail("the histogram is not valid base64");
        }

        return new ScenarioInfo
        {
            Concurrency = at.OptionalProperty("concurrency")?.Int32(min: 1),
            Throughput = at.Property("throughput").NonNegative(),
            Requests = at.Property("requests").Integer(),
            Errors = at.Property("errors").Properties().ToDictionary(e => e.Name, e => e.Value.Integer(), StringComparer.Ordinal),
            HitRate = hitRate,
            Histogram = histogram,
            Rate = at.OptionalProperty("rate")?.Positive(),
            LateStarts = at.OptionalProperty("lateStarts")?.Integer(),
            DroppedStarts = at.OptionalProperty("droppedStarts")?.Integer(),
            ServerHitRate = Fraction(at.OptionalProperty("serverHitRate")),
            Improvement = at.OptionalProperty("improvement")?.Number(),
            PoolAcquire = at.OptionalProperty("poolAcquire") is { } pool ? ReadLatency(pool) : null,
            System = at.OptionalProperty("system") is { } system ? ReadSystem(system) : null,
            Warnings = at.OptionalProperty("warnings")?.Items().Select(w => w.String()).ToList() ?? [],
        };
    }

    private static double? Fraction(JsonCursor? at)
    {
        var value = at?.NonNegative();
        return value > 1 ? throw at!.Value.Fail("a rate must be between 0 and 1") : value;
    }

    private static SystemMetrics ReadSystem(JsonCursor at)
    {
        at.RejectUnknown("samples", "machineCpu", "machineCpuMax", "generatorCpu", "generatorCpuMax", "generatorMemoryMax",
            "targetCpu", "targetCpuMax", "targetMemoryMax", "diskReadBytes", "diskWriteBytes", "gen0Collections", "gen1Collections", "gen2Collections");
        return new SystemMetrics
        {
            Samples = at.Property("samples").Int32(),
            MachineCpu = at.Property("machineCpu").NonNegative(),
            MachineCpuMax = at.Property("machineCpuMax").NonNegative(),
            GeneratorCpu = at.Property("generatorCpu").NonNegative(),
            GeneratorCpuMax = at.Property("generatorCpuMax").NonNegative(),
            GeneratorMemoryMax = at.Property("generatorMemoryMax").Integer(),
            TargetCpu = at.OptionalProperty("targetCpu")?.NonNegative(),
            TargetCpuMax = at.OptionalProperty("targetCpuMax")?.NonNegative(),
            TargetMemoryMax = at.OptionalProperty("targetMemoryMax")?.Integer(),
            DiskReadBytes = at.Property("diskReadBytes").Integer(),
            DiskWriteBytes = at.Property("diskWriteBytes").Integer(),
            Gen0Collections = at.Property("gen0Collections").Int32(),
            Gen1Collections = at.Property("gen1Collections").Int32(),
            Gen2Collections = at.Property("gen2Collections").Int32(),
        };
    }
}
