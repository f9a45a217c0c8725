using AfirGen.PerfGate.Runner.Tests;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Sample.Tests;

/// <summary>`perfgate ab` on a copy of the sample's benchmark suite in which one benchmark does twice the work.</summary>
public sealed class AbTests
{
    private const string Original = "public string CacheKey() => DraftCacheKey.For(_text);";
    private const string Doubled = "public string CacheKey() => DraftCacheKey.For(DraftCacheKey.For(_text)[..0] + _text);";

    [Fact]
    public void DoubledCacheKeyWorkIsFlaggedAsRegressed()
    {
        using var dir = new TempDir();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Path.Combine(Sample.Root, file), dir.File(file));
        }

        foreach (var project in new[] { "AfirGen.Backend.Core", "AfirGen.Backend.Benchmarks" })
        {
            CopySources(Path.Combine(Sample.Root, "samples", project), dir.File(project));
        }

        File.WriteAllText(dir.File(".gitignore"), "bin/\nobj/\nperfgate-results/\nBenchmarkDotNet.Artifacts/\n");
        BenchProject.Git(dir.Path, "init", "--quiet", "-b", "main");
        BenchProject.Git(dir.Path, "add", ".");
        BenchProject.Git(dir.Path, "commit", "--quiet", "-m", "base");
        BenchProject.Git(dir.Path, "tag", "base");
        var benchmarks = dir.File("AfirGen.Backend.Benchmarks/DraftBenchmarks.cs");
        var source = File.ReadAllText(benchmarks);
        Assert.Contains(Original, source, StringComparison.Ordinal);
        File.WriteAllText(benchmarks, source.Replace(Original, Doubled, StringComparison.Ordinal));
        BenchProject.Git(dir.Path, "commit", "--quiet", "-am", "hash the complaint twice");

        var r = PerfGateProcess.Run(dir.Path, null, [], TimeSpan.FromMinutes(4),
            "ab", "--base", "base", "--head", "HEAD", "--project", "AfirGen.Backend.Benchmarks/AfirGen.Backend.Benchmarks.csproj", "--filter", "*CacheKey*", "--rounds", "6");

        Assert.True(r.ExitCode == 1, r.ToString());
        var comparison = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(dir.File("perfgate-results/comparison.json")))!;
        var key = comparison["benchmarks"]!.AsArray().Single()!;
        Assert.EndsWith("DraftBenchmarks.CacheKey", key["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("regressed", key["verdict"]!.GetValue<string>());
    }

    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
