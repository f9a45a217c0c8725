using System.Text.Json;
using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.Tests.IO;

public sealed class ResultsSchemaTests
{
    [Fact]
    public void ShippedSchemaNamesExactlyThePropertiesTheWriterWrites()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath()));
        using var written = JsonDocument.Parse(ResultsJson.Serialize(TestData.Everything()));
        var defs = schema.RootElement.GetProperty("$defs");
        var root = written.RootElement;
        var micro = root.GetProperty("benchmarks")[0];
        var api = root.GetProperty("benchmarks")[1];
        var failed = root.GetProperty("benchmarks")[2];

        AssertSameNames(schema.RootElement, root);
        AssertSameNames(defs.GetProperty("environment"), root.GetProperty("environment"));
        AssertSameNames(defs.GetProperty("source"), root.GetProperty("source"));
        var setup = schema.RootElement.GetProperty("properties").GetProperty("setup");
        AssertSameNames(setup, root.GetProperty("setup"));
        AssertSameNames(setup.GetProperty("properties").GetProperty("variables").GetProperty("items"), [.. root.GetProperty("setup").GetProperty("variables").EnumerateArray()]);
        AssertSameNames(defs.GetProperty("benchmark"), micro, api, failed);
        var benchmark = defs.GetProperty("benchmark").GetProperty("properties");
        AssertSameNames(benchmark.GetProperty("memory"), micro.GetProperty("memory"));
        AssertSameNames(benchmark.GetProperty("latency"), api.GetProperty("latency"));
        AssertSameNames(benchmark.GetProperty("scenario"), api.GetProperty("scenario"));
        AssertSameNames(benchmark.GetProperty("latency"), api.GetProperty("scenario").GetProperty("poolAcquire"));
        AssertSameNames(defs.GetProperty("system"), api.GetProperty("scenario").GetProperty("system"));
        Assert.Equal(ResultSetSchemaId(), schema.RootElement.GetProperty("properties").GetProperty("schema").GetProperty("const").GetString());
    }

    private static string ResultSetSchemaId() => Model.ResultSet.SchemaId;

    internal static void AssertSameNames(JsonElement schemaObject, params JsonElement[] examples)
    {
        var declared = schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        var used = examples.SelectMany(e => e.EnumerateObject().Select(p => p.Name)).Distinct().Order().ToList();
        Assert.Equal(declared, used);
    }

    internal static string SchemaPath(string file = "results.schema.json")
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schemas", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"schemas/{file} not found above the test output folder");
    }
}
