using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Cli.Tests;

/// <summary>`baseline save` of several runs: one baseline that has learnt its noise from all of them.</summary>
public sealed class BaselineSaveRunsTests
{
    [Fact]
    public void SeveralRunsMakeOneBaselineWithTheLaunchesOfAll()
    {
        using var dir = new TempDir();
        var runs = Enumerable.Range(0, 3).Select(i => Results.Write(dir.File($"run{i}.json"), Results.Micro("Suite.Parse", i, 1000 + (50 * i), launches: 3))).ToArray();

        var r = PerfGateProcess.Run(dir.Path, ["baseline", "save", .. runs, "--to", "baselines/main.json"]);

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("learnt from 3 runs", r.Stdout, StringComparison.Ordinal);
        var saved = ResultsJson.Read(dir.File("baselines/main.json")).Benchmarks.Single();
        Assert.Equal(9, saved.Launches.Count);
        Assert.NotNull(saved.LaunchNoise);
    }

    [Fact]
    public void ARunFromAnotherMachineIsExitTwoNamingIt()
    {
        using var dir = new TempDir();
        var a = Results.Write(dir.File("a.json"), Results.Micro("Suite.Parse", 1, 1000));
        File.WriteAllText(dir.File("b.json"), File.ReadAllText(a).Replace("\"cores\": 2", "\"cores\": 4", StringComparison.Ordinal));

        var r = PerfGateProcess.Run(dir.Path, "baseline", "save", "a.json", "b.json", "--to", "base.json");

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.StartsWith("perfgate: error: b.json: $.environment.cores", r.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("base.json")));
    }
}
