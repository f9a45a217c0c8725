using System.Text.Json;
using AfirGen.PerfGate.Reports;
using AfirGen.PerfGate.Tests.Reports;

namespace AfirGen.PerfGate.Tests.IO;

public sealed class ComparisonSchemaTests
{
    [Fact]
    public void ShippedSchemaNamesExactlyThePropertiesTheWriterWrites()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath()));
        using var written = JsonDocument.Parse(new JsonReport().Render(SampleComparison.Create()));
        var defs = schema.RootElement.GetProperty("$defs");
        var root = written.RootElement;
        var benchmarks = root.GetProperty("benchmarks").EnumerateArray().ToArray();

        AssertSameNames(schema.RootElement, root);
        AssertSameNames(schema.RootElement.GetProperty("properties").GetProperty("settings"), root.GetProperty("settings"));
        AssertSameNames(schema.RootElement.GetProperty("properties").GetProperty("files"), root.GetProperty("files"));
        AssertSameNames(defs.GetProperty("run"), root.GetProperty("current"), root.GetProperty("baseline"));
        AssertSameNames(defs.GetProperty("benchmark"), benchmarks);
        AssertSameNames(defs.GetProperty("metric"), [.. benchmarks.SelectMany(b => b.GetProperty("metrics").EnumerateArray())]);
        AssertSameNames(defs.GetProperty("check"), [.. benchmarks.SelectMany(b => b.GetProperty("checks").EnumerateArray())]);
        Assert.Equal(JsonReport.SchemaId, schema.RootElement.GetProperty("properties").GetProperty("schema").GetProperty("const").GetString());
    }

    private static void AssertSameNames(JsonElement schemaObject, params JsonElement[] examples)
    {
        var declared = schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        var used = examples.SelectMany(e => e.EnumerateObject().Select(p => p.Name)).Distinct().Order().ToList();
        Assert.Equal(declared, used);
    }

    private static string SchemaPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schemas", "comparison.schema.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("schemas/comparison.schema.json not found above the test output folder");
    }
}
