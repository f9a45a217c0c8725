using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Packaging.Tests;

public sealed class SourceLocatorTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("perfgate-locator-").FullName;

    [Theory]
    [InlineData("Ns.Suite.Parse", "Suite", "Parse")]
    [InlineData("Ns.Suite.Parse(Size: 10, Text: \"a.b\")", "Suite", "Parse")]
    [InlineData("Ns.Generic<System.Int32>.Run", "Generic", "Run")]
    [InlineData("Suite.Parse", "Suite", "Parse")]
    public void BenchmarkIdsSplitIntoTypeAndMethod(string id, string type, string method)
    {
        Assert.True(SourceLocator.TryParse(id, out var t, out var m));
        Assert.Equal((type, method), (t, m));
    }

    [Theory]
    [InlineData("api/get_fir@c10")]
    [InlineData("Parse")]
    [InlineData("Ns.Suite.")]
    public void IdsThatNameNoMethodAreNotParsed(string id) => Assert.False(SourceLocator.TryParse(id, out _, out _));

    [Fact]
    public void FindsThePublicMethodDeclarationNotAnEarlierCall()
    {
        var other = Write("Other.cs", "class Other { int Parse() => 0; }\n");
        var suite = Write("Suite.cs", """
            namespace Ns;

            public class Suite
            {
                private int Helper() => Parse(1);

                [Benchmark]
                public int Parse(int n) => n;
            }
            """);

        var found = new SourceLocator([other, suite]).Find("Ns.Suite.Parse(n: 1)");

        Assert.Equal(new SourceLocation(suite, 8, 16), found);
    }

    [Fact]
    public void FallsBackToTheClassWhenTheMethodIsNotFound()
    {
        var suite = Write("Suite.cs", "namespace Ns;\n\npublic sealed class Suite\n{\n}\n");

        Assert.Equal(new SourceLocation(suite, 3, 15), new SourceLocator([suite]).Find("Ns.Suite.Gone"));
    }

    [Fact]
    public void UnknownTypesAndUnreadableFilesGiveNoLocation()
    {
        var missing = Path.Combine(dir, "Missing.cs");
        var suite = Write("Suite.cs", "public class Suite { public void Parse() { } }\n");

        Assert.Null(new SourceLocator([missing, suite]).Find("Ns.Elsewhere.Parse"));
        Assert.Null(new SourceLocator([missing]).Find("Ns.Suite.Parse"));
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
