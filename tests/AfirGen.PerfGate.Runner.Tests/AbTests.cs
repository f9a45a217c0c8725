using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Runner.Tests;

/// <summary>`perfgate ab` across two commits of a real git repository.</summary>
public sealed class AbTests
{
    private static (TempDir Dir, string BaseCommit) Repository(int baseRounds, int headRounds, string headNote)
    {
        var dir = new TempDir();
        BenchProject.Create(dir.File("bench"), ("Work.cs", BenchProject.Work(baseRounds)));
        BenchProject.Git(dir.Path, "init", "--quiet", "-b", "main");
        File.WriteAllText(dir.File(".gitignore"), "bin/\nobj/\nperfgate-results/\n");
        BenchProject.Git(dir.Path, "add", ".");
        BenchProject.Git(dir.Path, "commit", "--quiet", "-m", "base");
        BenchProject.Git(dir.Path, "tag", "base");
        File.WriteAllText(dir.File("bench/Work.cs"), BenchProject.Work(headRounds) + "\n// " + headNote + "\n");
        BenchProject.Git(dir.Path, "commit", "--quiet", "-am", "head");
        return (dir, "base");
    }

    [Fact]
    public void InjectedSlowdownIsFlagged()
    {
        // The quick job's way: base and head interleaved in alternating millisecond batches, in 12 worker processes.
        var (dir, baseRef) = Repository(4, 8, "twice the work");
        using (dir)
        {
            var r = PerfGateProcess.Run(dir.Path, "ab", "--base", baseRef, "--head", "HEAD", "--project", "bench/Sample.Benchmarks.csproj");
            Assert.True(r.ExitCode == 1, r.ToString());
            Assert.Contains("compared base base (", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("interleaved in 1 look of 12 worker processes", r.Stderr, StringComparison.Ordinal);
            var comparison = File.ReadAllText(dir.File("perfgate-results/comparison.json"));
            Assert.Contains("\"regressed\"", comparison, StringComparison.Ordinal);
            var head = ResultsJson.Read(dir.File("perfgate-results/results.json"));
            Assert.Equal(Enumerable.Range(1, 12), head.Benchmarks.Single().Launches.Select(l => l.Round!.Value));
            Assert.All(head.Benchmarks.Single().Launches, l => Assert.Equal(50, l.Samples.Count));
            Assert.True(File.Exists(dir.File("perfgate-results/baseline.json")));
            // The folder states what ab decided, with its paired evidence: report and comment fail as ab did.
            var report = PerfGateProcess.Run(dir.Path, "report", "perfgate-results", "--format", "markdown");
            Assert.True(report.ExitCode == 1, report.ToString());
            Assert.Contains("## ❌ PerfGate: failed", report.Stdout, StringComparison.Ordinal);
            Assert.Contains("fails the gate: 1 regressed", report.Stdout, StringComparison.Ordinal);
            Assert.Equal(1, PerfGateProcess.Run(dir.Path, "comment", "--results", "perfgate-results").ExitCode);
            AssertWorktreesRemoved(dir);
        }
    }

    [Fact]
    public void InjectedSlowdownIsFlaggedInProcessRounds()
    {
        var (dir, baseRef) = Repository(4, 8, "twice the work");
        using (dir)
        {
            var r = PerfGateProcess.Run(dir.Path, "ab", "--base", baseRef, "--head", "HEAD", "--project", "bench/Sample.Benchmarks.csproj", "--processes", "--rounds", "10");
            Assert.True(r.ExitCode == 1, r.ToString());
            Assert.Contains("10 process rounds", r.Stderr, StringComparison.Ordinal);
            var head = ResultsJson.Read(dir.File("perfgate-results/results.json"));
            Assert.Equal(10, head.Benchmarks.Single().Launches.Count);
            Assert.All(head.Benchmarks.Single().Launches, l => Assert.NotNull(l.Round));
            AssertWorktreesRemoved(dir);
        }
    }

    [Fact]
    public void UnchangedCodePasses()
    {
        var (dir, baseRef) = Repository(4, 4, "comment only");
        using (dir)
        {
            var r = PerfGateProcess.Run(dir.Path, "ab", "--base", baseRef, "--head", "HEAD", "--project", "bench/Sample.Benchmarks.csproj");
            Assert.True(r.ExitCode == 0, r.ToString());
            AssertWorktreesRemoved(dir);
        }
    }

    [Fact]
    public void ATestProjectWithoutABenchmarkSwitcherIsListedByReflection()
    {
        // As in a test project whose tests call BenchmarkRunner: its entry point ignores BenchmarkDotNet's arguments.
        using var dir = new TempDir();
        string Side(string name, int rounds)
        {
            var project = BenchProject.Create(dir.File(name), ("Work.cs", BenchProject.Work(rounds)));
            File.WriteAllText(dir.File(name + "/Program.cs"), "public static class Entry { public static void Main() { } }\n");
            return project;
        }

        var baseProject = Side("base", 4);
        var headProject = Side("head", 8);
        var r = PerfGateProcess.Run(dir.Path, new Dictionary<string, string>(), [], TimeSpan.FromMinutes(5),
            "ab", "--base-project", baseProject, "--project", headProject, "--workers", "3", "--pairs", "10", "--filter", "*.Work.*", "*Nothing*");
        Assert.True(r.ExitCode == 1, r.ToString());
        var comparison = File.ReadAllText(dir.File("perfgate-results/comparison.json"));
        Assert.Contains("\"Sample.Work.Sum\"", comparison, StringComparison.Ordinal);
        Assert.Contains("\"regressed\"", comparison, StringComparison.Ordinal);

        var none = PerfGateProcess.Run(dir.Path, "ab", "--base-project", baseProject, "--project", headProject, "--filter", "*Nothing*", "--out", "none");
        Assert.True(none.ExitCode == 2, none.ToString());
        Assert.Contains("'*Nothing*' selects no benchmarks", none.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownBaseRefIsBadInput()
    {
        var (dir, _) = Repository(4, 4, "x");
        using (dir)
        {
            var r = PerfGateProcess.Run(dir.Path, "ab", "--base", "no-such-ref", "--project", "bench/Sample.Benchmarks.csproj");
            Assert.True(r.ExitCode == 2, r.ToString());
            Assert.Contains("no-such-ref", r.Stderr, StringComparison.Ordinal);
        }
    }

    private static void AssertWorktreesRemoved(TempDir dir)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("git", "worktree list --porcelain") { WorkingDirectory = dir.Path, RedirectStandardOutput = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var list = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Single(list.Split('\n'), l => l.StartsWith("worktree ", StringComparison.Ordinal));
    }
}
