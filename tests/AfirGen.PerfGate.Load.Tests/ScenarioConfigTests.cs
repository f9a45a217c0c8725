using System.Text;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Config.Scenarios;

namespace AfirGen.PerfGate.Load.Tests;

public sealed class ScenarioConfigTests
{
    private static PerfGateConfig Parse(string json) => ConfigReader.Parse(Encoding.UTF8.GetBytes(json), "perfgate.json");

    private static InputException Bad(string json) => Assert.Throws<InputException>(() => Parse(json));

    [Fact]
    public void ScenariosInheritTheLoadDefaultsAndOverrideThem()
    {
        var config = Parse("""
            { "scenarios": {
                "load": { "levels": [1, 5], "duration": "3s", "warmup": 10, "timeout": "2s" },
                "api": [ { "name": "get_fir", "url": "http://127.0.0.1:1/fir/{id}", "variables": { "id": { "range": [1, 9] } } } ],
                "db": [ { "name": "pk", "connection": "env:PERFGATE_MYSQL", "query": "SELECT 1", "iterations": 500, "explain": "fail" } ],
                "cache": [ { "name": "open", "connection": "env:PERFGATE_REDIS", "rates": [100, 250.5], "workers": 8 } ]
            } }
            """);

        var (api, db, cache) = (config.Scenarios.Scenarios[0], (DbScenarioDefinition)config.Scenarios.Scenarios[1], config.Scenarios.Scenarios[2]);
        Assert.Equal("api/get_fir", api.BaseId);
        Assert.Equal([1, 5], api.Load.Levels);
        Assert.Equal(LoadAmount.For(TimeSpan.FromSeconds(3)), api.Load.Measure);
        Assert.Equal(LoadAmount.Count(10), api.Load.Warmup);
        Assert.Equal(LoadAmount.Count(500), db.Load.Measure);
        Assert.Equal(ExplainPolicy.Fail, db.Explain);
        Assert.Equal("PERFGATE_MYSQL", db.ConnectionVariable);
        Assert.True(cache.Load.IsOpen);
        Assert.Equal(8, cache.Load.Connections);
        Assert.Equal(TimeSpan.FromSeconds(2), cache.Load.Timeout);
    }

    [Theory]
    [InlineData("""{ "scenarios": { "api": [ { "name": "a", "url": "http://h/", "sped": 1 } ] } }""", "$.scenarios.api[0].sped")]
    [InlineData("""{ "scenarios": { "db": [ { "name": "a", "connection": "Server=h;Password=secret", "query": "SELECT 1" } ] } }""", "$.scenarios.db[0].connection")]
    [InlineData("""{ "scenarios": { "api": [ { "name": "a", "url": "http://h/{nope}" } ] } }""", "$.scenarios.api[0].url")]
    [InlineData("""{ "scenarios": { "load": { "duration": "10 parsecs" } } }""", "$.scenarios.load.duration")]
    [InlineData("""{ "scenarios": { "load": { "duration": "1s", "iterations": 5 } } }""", "$.scenarios.load.iterations")]
    [InlineData("""{ "scenarios": { "api": [ { "name": "a", "url": "http://h/" }, { "name": "a", "url": "http://h/" } ] } }""", "$.scenarios.api[1].name")]
    [InlineData("""{ "scenarios": { "cache": [ { "name": "a", "connection": "env:R", "operation": "get-or-fetch" } ] } }""", "$.scenarios.cache[0]")]
    [InlineData("""{ "scenarios": { "cache": [ { "name": "a", "connection": "env:R", "readRatio": 1.5 } ] } }""", "$.scenarios.cache[0].readRatio")]
    [InlineData("""{ "scenarios": { "api": [ { "name": "a", "url": "ftp://h/" } ] } }""", "$.scenarios.api[0].url")]
    [InlineData("""{ "scenarios": { "load": { "levels": [] } } }""", "$.scenarios.load.levels")]
    public void BadScenarioConfigNamesItsJsonPath(string json, string path)
    {
        var e = Bad(json);
        Assert.Equal("perfgate.json", e.File);
        Assert.Equal(path, e.Field);
    }

    [Fact]
    public void SecretsAreRefusedWithAHint()
    {
        var e = Bad("""{ "scenarios": { "cache": [ { "name": "a", "connection": "127.0.0.1:6379,password=x" } ] } }""");
        Assert.Contains("env:NAME", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFileVariablesAreReadRelativeToTheConfig()
    {
        var dir = Directory.CreateTempSubdirectory("perfgate-config-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "ids.txt"), "FIR-1\n\nFIR-2\n");
            var path = Path.Combine(dir.FullName, "perfgate.json");
            File.WriteAllText(path, """{ "scenarios": { "api": [ { "name": "a", "url": "http://h/{fir}", "variables": { "fir": { "file": "ids.txt" } } } ] } }""");

            var variable = Assert.Single(ConfigReader.Read(path).Scenarios.Scenarios[0].Variables);

            Assert.Equal(["FIR-1", "FIR-2"], variable.Values);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("1.5s", 1.5)]
    public void DurationsParse(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationText.Parse(text, "x", null));
}
