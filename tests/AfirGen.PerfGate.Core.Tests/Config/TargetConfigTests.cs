using System.Text;
using AfirGen.PerfGate.Config;

namespace AfirGen.PerfGate.Tests.Config;

public sealed class TargetConfigTests
{
    private static PerfGateConfig Parse(string json) => ConfigReader.Parse(Encoding.UTF8.GetBytes(json), "/repo/samples/perfgate.json");

    [Fact]
    public void ReadsAProjectTargetRelativeToTheConfig()
    {
        var c = Parse("""
            { "target": { "project": "App/App.csproj", "url": "http://127.0.0.1:5080", "ready": "/health",
                          "env": { "A": "1", "B": "env:X" }, "startTimeout": "30s" } }
            """);
        var t = c.Target!;
        Assert.Equal(Path.GetFullPath("/repo/samples/App/App.csproj"), t.Project);
        Assert.Empty(t.Command);
        Assert.Equal("http://127.0.0.1:5080/health", t.Ready.ToString());
        Assert.Equal([KeyValuePair.Create("A", "1"), KeyValuePair.Create("B", "env:X")], t.Environment);
        Assert.Equal(TimeSpan.FromSeconds(30), t.StartTimeout);
    }

    [Fact]
    public void ReadyDefaultsToTheUrl()
    {
        var t = Parse("""{ "target": { "command": ["./server"], "url": "http://127.0.0.1:8000/" } }""").Target!;
        Assert.Equal(["./server"], t.Command);
        Assert.Equal(t.Url, t.Ready);
        Assert.Equal(TimeSpan.FromSeconds(60), t.StartTimeout);
    }

    [Theory]
    [InlineData("""{ "target": { "url": "http://127.0.0.1:1" } }""", "$.target")]
    [InlineData("""{ "target": { "project": "a.csproj", "command": ["x"], "url": "http://127.0.0.1:1" } }""", "$.target")]
    [InlineData("""{ "target": { "project": "a.csproj", "url": "ftp://x" } }""", "$.target.url")]
    [InlineData("""{ "target": { "project": "a.csproj", "url": "http://127.0.0.1:1", "port": 1 } }""", "$.target.port")]
    [InlineData("""{ "target": { "project": "a.csproj", "url": "http://127.0.0.1:1", "startTimeout": "soon" } }""", "$.target.startTimeout")]
    public void BadTargetNamesItsPath(string json, string path)
    {
        var e = Assert.Throws<InputException>(() => Parse(json));
        Assert.Equal(path, e.Field);
    }
}
