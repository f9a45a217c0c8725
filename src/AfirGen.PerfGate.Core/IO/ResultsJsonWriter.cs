using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.IO;

/// <summary>Writes a <see cref="ResultSet"/> as results@1; property order is fixed so output is deterministic.</summary>
internal static class ResultsJsonWriter
{
    /// <summary>Writes the whole result set as one JSON object.</summary>
    public static void Write(Utf8JsonWriter w, ResultSet results)
    {
        w.WriteStartObject();
        w.WriteString("schema", ResultSet.SchemaId);
        w.WriteString("createdAt", results.CreatedAt);
        w.WriteBoolean("incomplete", results.Incomplete);
        WriteEnvironment(w, results.Environment);
        WriteObject(w, "source", results.Source, source =>
        {
            WriteOptional(w, "commit", source.Commit);
            WriteOptional(w, "branch", source.Branch);
        });

        w.WriteStartArray("benchmarks");
        var scratch = new ArrayBufferWriter<byte>(1024);
        foreach (var benchmark in results.Benchmarks)
        {
            WriteBenchmark(w, benchmark, scratch);
            w.FlushIfFull();
        }

        w.WriteEndArray();
        if (results.Skipped.Count > 0)
        {
            w.WriteStartArray("skipped");
            foreach (var skipped in results.Skipped)
            {
                w.WriteStartObject();
                w.WriteString("id", skipped.Id);
                w.WriteString("reason", skipped.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (results.Setup is { } setup)
        {
            w.WriteStartObject("setup");
            w.WriteString("target", setup.Target);
            w.WriteStartArray("variables");
            foreach (var v in setup.Variables)
            {
                w.WriteStartObject();
                w.WriteString("name", v.Name);
                WriteOptional(w, "from", v.From);
                w.WriteBoolean("set", v.Set);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (results.ReferenceNanoseconds is { } reference)
        {
            w.WriteNumber("referenceNanoseconds", reference);
        }

        w.WriteEndObject();
    }

    internal static void WriteEnvironment(Utf8JsonWriter w, EnvironmentFingerprint env)
    {
        w.WriteStartObject("environment");
        WriteOptional(w, "os", env.Os);
        WriteOptional(w, "cpu", env.Cpu);
        if (env.Cores is { } cores)
        {
            w.WriteNumber("cores", cores);
        }

        WriteOptional(w, "runtime", env.Runtime);
        WriteOptional(w, "architecture", env.Architecture);
        WriteOptional(w, "gcMode", env.GcMode);
        w.WriteEndObject();
    }

    private static void WriteBenchmark(Utf8JsonWriter w, BenchmarkResult b, ArrayBufferWriter<byte> scratch)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("category", ResultsJsonNames.Of(b.Category));
        w.WriteString("status", ResultsJsonNames.Of(b.Status));
        WriteOptional(w, "error", b.Error);
        w.WriteStartObject("parameters");
        foreach (var (name, value) in b.Parameters)
        {
            w.WriteString(name, value);
        }

        w.WriteEndObject();
        if (b.LaunchNoise is { } noise)
        {
            WriteFinite(w, "launchNoise", noise, b.Id);
        }

        w.WriteStartArray("launches");
        foreach (var launch in b.Launches)
        {
            w.WriteStartObject();
            w.WritePropertyName("samples");
            w.WriteRawValue(CompactArray(launch.Samples, b.Id, scratch), skipInputValidation: true);
            if (launch.Round is { } round)
            {
                w.WriteNumber("round", round);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteObject(w, "memory", b.Memory, m => WriteMemory(w, m, b.Id));
        WriteObject(w, "latency", b.Latency, l => WriteLatency(w, l, b.Id));
        WriteObject(w, "scenario", b.Scenario, s => WriteScenario(w, s, b.Id));
        w.WriteEndObject();
    }

    private static void WriteObject<T>(Utf8JsonWriter w, string name, T? value, Action<T> body)
        where T : class
    {
        // Absent parts are omitted rather than written as null: smaller files, and one way to say "none".
        if (value is null)
        {
            return;
        }

        w.WriteStartObject(name);
        body(value);
        w.WriteEndObject();
    }

    private static void WriteMemory(Utf8JsonWriter w, MemoryInfo memory, string id)
    {
        w.WriteNumber("allocatedBytesPerOperation", memory.AllocatedBytesPerOperation);
        WriteFinite(w, "gen0PerThousand", memory.Gen0PerThousand, id);
        WriteFinite(w, "gen1PerThousand", memory.Gen1PerThousand, id);
        WriteFinite(w, "gen2PerThousand", memory.Gen2PerThousand, id);
    }

    private static void WriteLatency(Utf8JsonWriter w, LatencySummary latency, string id)
    {
        w.WriteNumber("count", latency.Count);
        WriteFinite(w, "min", latency.Min, id);
        WriteFinite(w, "max", latency.Max, id);
        WriteFinite(w, "mean", latency.Mean, id);
        WriteFinite(w, "stdDev", latency.StdDev, id);
        WriteFinite(w, "p50", latency.P50, id);
        WriteFinite(w, "p90", latency.P90, id);
        WriteFinite(w, "p95", latency.P95, id);
        WriteFinite(w, "p99", latency.P99, id);
        WriteFinite(w, "p999", latency.P999, id);
    }

    private static void WriteScenario(Utf8JsonWriter w, ScenarioInfo scenario, string id)
    {
        if (scenario.Concurrency is { } concurrency)
        {
            w.WriteNumber("concurrency", concurrency);
        }

        WriteFinite(w, "throughput", scenario.Throughput, id);
        w.WriteNumber("requests", scenario.Requests);
        w.WriteStartObject("errors");
        // Dictionaries have no order of their own; sorting keeps the output deterministic.
        foreach (var (kind, count) in scenario.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(kind, count);
        }

        w.WriteEndObject();
        if (scenario.HitRate is { } hitRate)
        {
            WriteFinite(w, "hitRate", hitRate, id);
        }

        WriteOptional(w, "histogram", scenario.Histogram);
        WriteOptionalNumber(w, "rate", scenario.Rate, id);
        WriteOptionalNumber(w, "lateStarts", scenario.LateStarts, id);
        WriteOptionalNumber(w, "droppedStarts", scenario.DroppedStarts, id);
        WriteOptionalNumber(w, "serverHitRate", scenario.ServerHitRate, id);
        WriteOptionalNumber(w, "improvement", scenario.Improvement, id);
        WriteObject(w, "poolAcquire", scenario.PoolAcquire, l => WriteLatency(w, l, id));
        WriteObject(w, "system", scenario.System, m => WriteSystem(w, m, id));
        if (scenario.Warnings.Count > 0)
        {
            w.WriteStartArray("warnings");
            foreach (var warning in scenario.Warnings)
            {
                w.WriteStringValue(warning);
            }

            w.WriteEndArray();
        }
    }

    private static void WriteSystem(Utf8JsonWriter w, SystemMetrics m, string id)
    {
        w.WriteNumber("samples", m.Samples);
        WriteFinite(w, "machineCpu", m.MachineCpu, id);
        WriteFinite(w, "machineCpuMax", m.MachineCpuMax, id);
        WriteFinite(w, "generatorCpu", m.GeneratorCpu, id);
        WriteFinite(w, "generatorCpuMax", m.GeneratorCpuMax, id);
        w.WriteNumber("generatorMemoryMax", m.GeneratorMemoryMax);
        WriteOptionalNumber(w, "targetCpu", m.TargetCpu, id);
        WriteOptionalNumber(w, "targetCpuMax", m.TargetCpuMax, id);
        WriteOptionalNumber(w, "targetMemoryMax", m.TargetMemoryMax, id);
        w.WriteNumber("diskReadBytes", m.DiskReadBytes);
        w.WriteNumber("diskWriteBytes", m.DiskWriteBytes);
        w.WriteNumber("gen0Collections", m.Gen0Collections);
        w.WriteNumber("gen1Collections", m.Gen1Collections);
        w.WriteNumber("gen2Collections", m.Gen2Collections);
    }

    private static void WriteOptionalNumber(Utf8JsonWriter w, string name, double? value, string id)
    {
        if (value is { } v)
        {
            WriteFinite(w, name, v, id);
        }
    }

    private static void WriteOptionalNumber(Utf8JsonWriter w, string name, long? value, string id)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteFinite(Utf8JsonWriter w, string name, double value, string id)
    {
        CheckFinite(value, name, id);
        w.WriteNumber(name, value);
    }

    private static void CheckFinite(double value, string name, string id)
    {
        // JSON has no NaN or Infinity; a results file we could not read back would be worse than no file.
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"benchmark \"{id}\": {name} is {value}; results files hold finite numbers only"));
        }
    }

    // Samples are most of a results file: one line per launch keeps it half the size of one number per line,
    // faster to read back and easier to scan. "R" round-trips every double exactly.
    private static ReadOnlySpan<byte> CompactArray(IReadOnlyList<double> samples, string id, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        buffer.Write("["u8);
        Span<byte> number = stackalloc byte[32];
        for (var i = 0; i < samples.Count; i++)
        {
            CheckFinite(samples[i], "samples", id);
            if (i > 0)
            {
                buffer.Write(", "u8);
            }

            samples[i].TryFormat(number, out var written, "R", System.Globalization.CultureInfo.InvariantCulture);
            buffer.Write(number[..written]);
        }

        buffer.Write("]"u8);
        return buffer.WrittenSpan;
    }
}
