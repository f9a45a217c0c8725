using AfirGen.PerfGate.BenchmarkDotNet;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Runner.Tests;

/// <summary>`perfgate run` on small real BenchmarkDotNet projects, as a separate process.</summary>
public sealed class RunTests
{
    private const string Faulty = """
        using BenchmarkDotNet.Attributes;
        namespace Sample;
        public class Faulty
        {
            [Benchmark] public int Fine() => System.Environment.ProcessorCount * 3;
            [Benchmark] public int Throws() => throw new System.InvalidOperationException("benchmark failure on purpose");
            [Benchmark] public int Hangs() { System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite); return 0; }
        }
        """;

    [Fact]
    public void FailingAndHangingBenchmarksAreFailedWhileTheOthersRun()
    {
        using var dir = new TempDir();
        var project = BenchProject.Create(dir.File("bench"), ("Faulty.cs", Faulty));
        var r = PerfGateProcess.Run(dir.Path, "run", "--project", project, "--launches", "1", "--timeout", "20", "--out", "out");
        Assert.True(r.ExitCode == 1, r.ToString());
        var results = ResultsJson.Read(dir.File("out/results.json"));
        var fine = results.Benchmarks.Single(b => b.Id == "Sample.Faulty.Fine");
        Assert.Equal(BenchmarkStatus.Succeeded, fine.Status);
        Assert.NotEmpty(fine.AllSamples);
        var throws = results.Benchmarks.Single(b => b.Id == "Sample.Faulty.Throws");
        Assert.Equal(BenchmarkStatus.Failed, throws.Status);
        var hangs = results.Benchmarks.Single(b => b.Id == "Sample.Faulty.Hangs");
        Assert.Equal(BenchmarkStatus.Failed, hangs.Status);
        Assert.Contains("timed out", hangs.Error, StringComparison.Ordinal);
        Assert.Contains("failed", r.Stdout, StringComparison.OrdinalIgnoreCase);
        // The timeout ended the hanging benchmark's process; nothing of it outlives the run.
        Assert.Empty(CancellationTests.Orphans(project));
    }

    [Fact]
    public void AMultiTargetingProjectRunsAndSeveralFilterGlobsEachSelect()
    {
        using var dir = new TempDir();
        static string Class(string name) => $$"""
            using BenchmarkDotNet.Attributes;
            namespace Sample;
            public class {{name}}
            {
                [Benchmark] public int M() => System.Environment.ProcessorCount * {{name.Length}};
            }
            """;
        var project = BenchProject.Create(dir.File("bench"), ("Alpha.cs", Class("Alpha")), ("Beta.cs", Class("Beta")), ("Gamma.cs", Class("Gamma")));
        // <TargetFrameworks>, even with one framework, has no TargetPath of its own: perfgate builds for one framework.
        File.WriteAllText(project, File.ReadAllText(project).Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net10.0</TargetFrameworks>", StringComparison.Ordinal));
        var r = PerfGateProcess.Run(dir.Path, "run", "--project", project, "--launches", "1", "--filter", "*Alpha*", "*Gamma.M", "--out", "out");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(["Sample.Alpha.M", "Sample.Gamma.M"], ResultsJson.Read(dir.File("out/results.json")).Benchmarks.Select(b => b.Id).Order());

        var wrong = PerfGateProcess.Run(dir.Path, "run", "--project", project, "--framework", "net6.0", "--out", "out2");
        Assert.True(wrong.ExitCode == 2, wrong.ToString());
        Assert.Contains("'net6.0' is not one of", wrong.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AProjectThatDoesNotBuildExitsThreeWithTheCompilerError()
    {
        using var dir = new TempDir();
        var project = BenchProject.Create(dir.File("bench"), ("Broken.cs", "namespace Sample; public class Broken { public int X() => ; }"));
        var r = PerfGateProcess.Run(dir.Path, "run", "--project", project);
        Assert.True(r.ExitCode == 3, r.ToString());
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("does not build", line, StringComparison.Ordinal);
        Assert.Contains("error CS", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ShardsMergeIntoTheUnshardedSuite()
    {
        using var dir = new TempDir();
        var sources = Enumerable.Range(0, 4).Select(i => ($"B{i}.cs", $$"""
            using BenchmarkDotNet.Attributes;
            namespace Sample;
            public class B{{i}} { [Benchmark] public int M() => System.Environment.ProcessorCount + {{i}}; }
            """)).ToArray();
        var project = BenchProject.Create(dir.File("bench"), sources);
        string[] quick = ["--launches", "1"];
        var whole = PerfGateProcess.Run(dir.Path, ["run", "--project", project, "--out", "whole", .. quick]);
        Assert.True(whole.ExitCode == 0, whole.ToString());
        for (var i = 1; i <= 2; i++)
        {
            var shard = PerfGateProcess.Run(dir.Path, ["run", "--project", project, "--shard", $"{i}/2", "--out", $"shard{i}", .. quick]);
            Assert.True(shard.ExitCode == 0, shard.ToString());
        }

        // A shard that holds none of the methods: its machine is described by perfgate itself, the others' by
        // BenchmarkDotNet, in one form, so the three merge.
        var empty = Enumerable.Range(1, 16).First(k => !sources.Any(s => new Shard(k, 16).Contains($"Sample.{s.Item1[..^3]}.M")));
        var none = PerfGateProcess.Run(dir.Path, ["run", "--project", project, "--shard", $"{empty}/16", "--out", "shard-empty", .. quick]);
        Assert.True(none.ExitCode == 0, none.ToString());
        Assert.Empty(ResultsJson.Read(dir.File("shard-empty/results.json")).Benchmarks);

        var merge = PerfGateProcess.Run(dir.Path, "merge", "shard1/results.json", "shard2/results.json", "shard-empty/results.json", "--output", "merged.json");
        Assert.True(merge.ExitCode == 0, merge.ToString());
        var merged = ResultsJson.Read(dir.File("merged.json"));
        var unsharded = ResultsJson.Read(dir.File("whole/results.json"));
        Assert.Equal(unsharded.Benchmarks.Select(b => b.Id).Order(), merged.Benchmarks.Select(b => b.Id).Order());
        // As many launches as unsharded; each launch's iterations are BenchmarkDotNet's Workload/Result stage, its upper
        // outliers removed, so their count is at most the job's 10 and differs from run to run.
        Assert.All(merged.Benchmarks, b => Assert.Equal(unsharded.Benchmarks.Single(u => u.Id == b.Id).Launches.Count, b.Launches.Count));
        Assert.All(merged.Benchmarks, b => Assert.All(b.Launches, l => Assert.InRange(l.Samples.Count, 1, 10)));
        // Each shard really ran a part: neither is empty, together they are the whole.
        var one = ResultsJson.Read(dir.File("shard1/results.json")).Benchmarks.Count;
        var two = ResultsJson.Read(dir.File("shard2/results.json")).Benchmarks.Count;
        Assert.Equal(4, one + two);
    }
}
