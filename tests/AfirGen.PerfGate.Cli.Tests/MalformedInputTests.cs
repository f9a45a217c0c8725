using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Cli.Tests;

/// <summary>Every file of the malformed corpus, through every command that reads results: exit code 2, one line, no stack trace.</summary>
public sealed class MalformedInputTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "data", "malformed");

    public static TheoryData<string> Files() => new(Directory.GetFiles(Corpus).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryMalformedFileExitsTwoWithOneLineNamingIt(string name)
    {
        using var dir = new TempDir();
        var good = Results.Write(dir.File("good.json"), Results.Micro("A", 1, 100));
        var bad = Path.Combine(Corpus, name);
        foreach (var args in new[]
        {
            new[] { "compare", good, bad },
            new[] { "compare", bad, good },
            new[] { "report", bad, "--format", "markdown" },
            new[] { "baseline", "save", bad, "--to", "b.json" },
            new[] { "baseline", "show", bad },
        })
        {
            var r = PerfGateProcess.Run(dir.Path, args);
            Assert.True(r.ExitCode == 2, $"{string.Join(' ', args[..1])}: {r}");
            var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(name, line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(dir.File("b.json")), "nothing is written from bad input");
    }

    [Fact]
    public void ADirectoryWhereAFileShouldBeExitsTwo()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("empty"));
        var r = PerfGateProcess.Run(dir.Path, "compare", "empty", "empty");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
