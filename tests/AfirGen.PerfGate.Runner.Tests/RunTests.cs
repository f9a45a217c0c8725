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
    public void ClassLevelJobAttributesAreAResultPerJobBesideTheRunsOwn()
    {
        using var dir = new TempDir();
        const string Jobs = """
            using BenchmarkDotNet.Attributes;
            using BenchmarkDotNet.Jobs;
            namespace Sample;
            [DryJob]
            public class Dry { [Benchmark] public int M() => System.Environment.ProcessorCount * 3; }
            [ShortRunJob]
            [SimpleJob(RuntimeMoniker.HostProcess, launchCount: 1, warmupCount: 1, iterationCount: 3, id: "Tiny")]
            public class Two
            {
                [Params(1, 2)] public int N;
                [Benchmark] public int M() => System.Environment.ProcessorCount * N;
            }
            [WarmupCount(2)]
            public class Mutated { [Benchmark] public int M() => System.Environment.ProcessorCount * 5; }
            """;
        var project = BenchProject.Create(dir.File("bench"), ("Jobs.cs", Jobs));

        // The class's own jobs run out of process, as BenchmarkDotNet runs them: a build of their host in each launch.
        var r = PerfGateProcess.Run(dir.Path, new Dictionary<string, string>(), [], TimeSpan.FromMinutes(10), "run", "--project", project, "--launches", "1", "--out", "out");

        Assert.True(r.ExitCode == 0, r.ToString());
        var results = ResultsJson.Read(dir.File("out/results.json"));
        Assert.Equal(
            [
                "Sample.Dry.M", "Sample.Dry.M(Job: Dry)", "Sample.Mutated.M",
                "Sample.Two.M(N: 1)", "Sample.Two.M(N: 1, Job: ShortRun)", "Sample.Two.M(N: 1, Job: Tiny)",
                "Sample.Two.M(N: 2)", "Sample.Two.M(N: 2, Job: ShortRun)", "Sample.Two.M(N: 2, Job: Tiny)",
            ],
            results.Benchmarks.Select(b => b.Id).Order(StringComparer.Ordinal));
        Assert.All(results.Benchmarks, b => Assert.Equal(BenchmarkStatus.Succeeded, b.Status));
        Assert.All(results.Benchmarks, b => Assert.Single(b.Launches));
        Assert.Equal(3, results.Benchmarks.Single(b => b.Id == "Sample.Two.M(N: 2, Job: Tiny)").Launches[0].Samples.Count);
    }

    [Fact]
    public void AProjectWithoutAnEntryPointOfItsOwnRunsThroughAHostPerfGateBuilds()
    {
        using var dir = new TempDir();
        // A library whose benchmarks a test would start with BenchmarkRunner: no BenchmarkSwitcher, no Main at all.
        var project = BenchProject.Create(dir.File("bench"), ("Work.cs", BenchProject.Work(4)));
        File.Delete(dir.File("bench/Program.cs"));
        File.WriteAllText(project, File.ReadAllText(project).Replace("<OutputType>Exe</OutputType>", "<OutputType>Library</OutputType>", StringComparison.Ordinal));

        var r = PerfGateProcess.Run(dir.Path, "run", "--project", project, "--launches", "2", "--out", "out");

        Assert.True(r.ExitCode == 0, r.ToString());
        var sum = ResultsJson.Read(dir.File("out/results.json")).Benchmarks.Single();
        Assert.Equal("Sample.Work.Sum", sum.Id);
        Assert.Equal(2, sum.Launches.Count);
        Assert.Equal(BenchmarkStatus.Succeeded, sum.Status);
        // A filter still selects, and one that selects nothing is still bad input.
        var none = PerfGateProcess.Run(dir.Path, "run", "--project", project, "--filter", "*Nothing*", "--out", "out2");
        Assert.True(none.ExitCode == 2, none.ToString());
        Assert.Contains("'*Nothing*' selects no benchmarks", none.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRunsOwnJobIsKnownByWhatItAskedBenchmarkDotNetFor()
    {
        Assert.True(BenchmarkJob.Quick.IsOwn("Job-QZTYQL(Toolchain=InProcessEmitToolchain, IterationCount=10, IterationTime=100ms, WarmupCount=3)"));
        Assert.True(BenchmarkJob.Quick.IsOwn("Job-ABCDEF(Toolchain=InProcessEmitToolchain, IterationCount=10, IterationTime=100ms, WarmupCount=3, MaxRelativeError=0.1)"));
        Assert.False(BenchmarkJob.Quick.IsOwn("Job-QZTYQL(Toolchain=InProcessEmitToolchain, IterationCount=10, IterationTime=100ms, WarmupCount=2)"));
        Assert.False(BenchmarkJob.Quick.IsOwn("ShortRun(IterationCount=3, LaunchCount=1, WarmupCount=3)"));
        Assert.False(BenchmarkJob.Quick.IsOwn("DefaultJob"));
        Assert.True(BenchmarkJob.Default.IsOwn("DefaultJob"));
        Assert.False(BenchmarkJob.Default.IsOwn("Dry(IterationCount=1, LaunchCount=1, RunStrategy=ColdStart, UnrollFactor=1, WarmupCount=1)"));
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
