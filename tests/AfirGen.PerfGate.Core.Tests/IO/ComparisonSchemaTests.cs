using System.Text.Json;
using AfirGen.PerfGate.Reports;
using AfirGen.PerfGate.Tests.Reports;

namespace AfirGen.PerfGate.Tests.IO;

public sealed class ComparisonSchemaTests
{
    [Fact]
    public void ShippedSchemaNamesExactlyThePropertiesTheWriterWrites()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(ResultsSchemaTests.SchemaPath("comparison.schema.json")));
        using var written = JsonDocument.Parse(new JsonReport().Render(SampleComparison.Create()));
        var defs = schema.RootElement.GetProperty("$defs");
        var root = written.RootElement;
        var benchmarks = root.GetProperty("benchmarks").EnumerateArray().ToArray();

        ResultsSchemaTests.AssertSameNames(schema.RootElement, root);
        // A sequential A/B comparison also writes its rounds per look.
        var sample = SampleComparison.Create();
        using var sequential = JsonDocument.Parse(new JsonReport().Render(sample with { Settings = sample.Settings with { RoundsPerLook = 12 } }));
        ResultsSchemaTests.AssertSameNames(schema.RootElement.GetProperty("properties").GetProperty("settings"), root.GetProperty("settings"), sequential.RootElement.GetProperty("settings"));
        ResultsSchemaTests.AssertSameNames(schema.RootElement.GetProperty("properties").GetProperty("files"), root.GetProperty("files"));
        ResultsSchemaTests.AssertSameNames(defs.GetProperty("run"), root.GetProperty("current"), root.GetProperty("baseline"));
        ResultsSchemaTests.AssertSameNames(defs.GetProperty("benchmark"), benchmarks);
        ResultsSchemaTests.AssertSameNames(defs.GetProperty("metric"), [.. benchmarks.SelectMany(b => b.GetProperty("metrics").EnumerateArray())]);
        ResultsSchemaTests.AssertSameNames(defs.GetProperty("check"), [.. benchmarks.SelectMany(b => b.GetProperty("checks").EnumerateArray())]);
        Assert.Equal(JsonReport.SchemaId, schema.RootElement.GetProperty("properties").GetProperty("schema").GetProperty("const").GetString());
    }
}
