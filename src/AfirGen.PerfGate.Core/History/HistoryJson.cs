using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.History;

/// <summary>Reads and writes history entries (<c>perfgate/history-entry@1</c>) and the store's acknowledgements.</summary>
public static class HistoryJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The entry as UTF-8 JSON, one point per line so that a store diffs readably.</summary>
    public static byte[] Write(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("schema", HistoryEntry.SchemaId);
            w.WriteString("id", entry.Id);
            w.WriteString("createdAt", entry.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            Optional(w, "commit", entry.Commit);
            Optional(w, "branch", entry.Branch);
            Optional(w, "configuration", entry.Configuration);
            if (entry.Incomplete)
            {
                w.WriteBoolean("incomplete", true);
            }

            ResultsJsonWriter.WriteEnvironment(w, entry.Environment);
            w.WriteStartArray("points");
            foreach (var p in entry.Points)
            {
                w.WriteStartObject();
                w.WriteString("benchmark", p.Benchmark);
                w.WriteString("metric", p.Metric.Name());
                w.WriteNumber("value", p.Value);
                w.WriteNumber("error", p.Error);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Reads one entry; <paramref name="file"/> names it in errors. Bad input throws <see cref="InputException"/>.</summary>
    public static HistoryEntry Read(ReadOnlyMemory<byte> utf8, string file)
    {
        using var document = JsonSource.Parse(utf8, file);
        var root = JsonCursor.Root(document, file).Object();
        root.RejectUnknown("schema", "id", "createdAt", "commit", "branch", "configuration", "incomplete", "environment", "points");
        var schema = root.Property("schema");
        if (schema.String() != HistoryEntry.SchemaId)
        {
            throw schema.Fail($"is \"{schema.String()}\"; expected \"{HistoryEntry.SchemaId}\"");
        }

        return new HistoryEntry
        {
            Id = root.Property("id").Id(),
            CreatedAt = root.Property("createdAt").Timestamp(),
            Commit = root.OptionalProperty("commit")?.ShortString(),
            Branch = root.OptionalProperty("branch")?.ShortString(),
            Configuration = root.OptionalProperty("configuration")?.ShortString(),
            Incomplete = root.OptionalProperty("incomplete")?.Boolean() ?? false,
            Environment = ResultsJsonReader.ReadEnvironment(root.Property("environment").Object()),
            Points = root.Property("points").Items().Select(ReadPoint).ToArray(),
        };
    }

    private static HistoryPoint ReadPoint(JsonCursor at)
    {
        at = at.Object();
        at.RejectUnknown("benchmark", "metric", "value", "error");
        var metric = at.Property("metric");
        var name = metric.String();
        return new HistoryPoint(
            at.Property("benchmark").Id(),
            HistoryMetrics.Parse(name) ?? throw metric.Fail($"is \"{name}\"; expected time, allocated, p95 or throughput"),
            at.Property("value").NonNegative(),
            at.Property("error").NonNegative());
    }

    /// <summary>The store's acknowledged changes as UTF-8 JSON.</summary>
    public static byte[] WriteAcknowledgements(IReadOnlyList<Acknowledgement> acknowledgements)
    {
        ArgumentNullException.ThrowIfNull(acknowledgements);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options with { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Acknowledgement.SchemaId);
            w.WriteStartArray("acknowledged");
            foreach (var a in acknowledgements)
            {
                w.WriteStartObject();
                w.WriteString("benchmark", a.Benchmark);
                w.WriteString("metric", a.Metric.Name());
                w.WriteString("commit", a.Commit);
                Optional(w, "reason", a.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Reads the store's acknowledged changes.</summary>
    public static IReadOnlyList<Acknowledgement> ReadAcknowledgements(ReadOnlyMemory<byte> utf8, string file)
    {
        using var document = JsonSource.Parse(utf8, file);
        var root = JsonCursor.Root(document, file).Object();
        root.RejectUnknown("schema", "acknowledged");
        var schema = root.Property("schema");
        if (schema.String() != Acknowledgement.SchemaId)
        {
            throw schema.Fail($"is \"{schema.String()}\"; expected \"{Acknowledgement.SchemaId}\"");
        }

        return root.Property("acknowledged").Items().Select(at =>
        {
            at = at.Object();
            at.RejectUnknown("benchmark", "metric", "commit", "reason");
            var metric = at.Property("metric");
            return new Acknowledgement(
                at.Property("benchmark").Id(),
                HistoryMetrics.Parse(metric.String()) ?? throw metric.Fail($"is \"{metric.String()}\"; expected time, allocated, p95 or throughput"),
                at.Property("commit").Id(),
                at.OptionalProperty("reason")?.ShortString());
        }).ToArray();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
