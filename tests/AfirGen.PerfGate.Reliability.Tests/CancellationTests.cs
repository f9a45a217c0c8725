using System.Globalization;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Runner.Tests;
using AfirGen.PerfGate.Tests.Tooling;
using Xunit.Abstractions;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>Ctrl+C, SIGTERM and SIGHUP: the exit code, the partial results written and marked incomplete, and no process the tool started left running. The time to exit is written to the test output, not asserted: a loaded machine is slower.</summary>
public sealed class CancellationTests(ITestOutputHelper output)
{
    [Fact]
    public void CtrlCDuringLoadExits130WithIncompleteResults()
    {
        using var dir = new TempDir();
        using var server = new OkServer();
        using var p = PerfGateProcess.Start(dir.Path, null, "load", server.Url + "/ok", "-c", "1,2", "-d", "4s", "--warmup", "0", "--out", "out");

        // Interrupted in the second level, once the first is measured.
        var run = Interruption.Of(p).InterruptWhen(r => r.Stderr.Contains("api/load@c1:", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        AssertCancelled(run, dir.File("out/results.json"), "api/load@c1");
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("HUP", 129)]
    public void SigtermAndSighupDuringLoadStopItAsCtrlCDoes(string signal, int code)
    {
        // What Docker, Kubernetes and CI runners send: the same partial results, then 128 + the signal's number.
        using var dir = new TempDir();
        using var server = new OkServer();
        using var p = PerfGateProcess.Start(dir.Path, null, "load", server.Url + "/ok", "-c", "1,2", "-d", "4s", "--warmup", "0", "--out", "out");

        var run = Interruption.Of(p).InterruptWhen(r => r.Stderr.Contains("api/load@c1:", StringComparison.Ordinal), TimeSpan.FromSeconds(60), signal);

        AssertCancelled(run, dir.File("out/results.json"), "api/load@c1", code);
        // The folder says the run was cut short, as it was.
        Assert.Contains("\"cancelled\": true", File.ReadAllText(dir.File("out/comparison.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void SigtermDuringRunStopsTheTargetAndEveryProcessItStarted()
    {
        using var dir = new TempDir();
        using var p = StartRunWithTarget(dir);

        var run = Interruption.Of(p).InterruptWhen(r => r.Stderr.Contains("api/home@c1:", StringComparison.Ordinal), TimeSpan.FromSeconds(90), "TERM");

        Assert.Contains(run.Children, c => c.CommandLine.Contains("http.server", StringComparison.Ordinal));
        AssertCancelled(run, dir.File("out/results.json"), "api/home@c1", 143);
    }

    [Fact]
    public void CtrlCDuringRunStopsTheTargetAndEveryProcessItStarted()
    {
        using var dir = new TempDir();
        using var p = StartRunWithTarget(dir);

        var run = Interruption.Of(p).InterruptWhen(r => r.Stderr.Contains("api/home@c1:", StringComparison.Ordinal), TimeSpan.FromSeconds(90));

        Assert.Contains(run.Children, c => c.CommandLine.Contains("http.server", StringComparison.Ordinal));
        Assert.Contains(run.Children, c => c.CommandLine.StartsWith("sleep 600", StringComparison.Ordinal));
        AssertCancelled(run, dir.File("out/results.json"), "api/home@c1");
    }

    [Fact]
    public void CtrlCDuringAbStopsTheInterleavingWorkersAndMarksBothSidesIncomplete()
    {
        using var dir = new TempDir();
        var head = BenchProject.Create(dir.File("head"), ("Work.cs", BenchProject.Work(4)));
        var baseProject = BenchProject.Create(dir.File("base"), ("Work.cs", BenchProject.Work(4)));
        using var p = PerfGateProcess.Start(dir.Path, null, "ab", "--base-project", baseProject, "--project", head, "--workers", "6", "--pairs", "10", "--out", "out");

        // Interrupted while the second worker runs: the first one's round is kept.
        var run = Interruption.Of(p).InterruptWhen(
            _ => ProcessTree.Descendants(p.Id).Any(c => c.CommandLine.Contains("interleave-2", StringComparison.Ordinal)), TimeSpan.FromMinutes(3));

        Assert.Contains(run.Children, c => c.CommandLine.Contains("interleave-worker", StringComparison.Ordinal));
        AssertCancelled(run, dir.File("out/results.json"), "Sample.Work.Sum");
        Assert.True(ResultsJson.Read(dir.File("out/baseline.json")).Incomplete);
        Assert.Empty(ProcessTree.Under(dir.Path));
    }

    private static System.Diagnostics.Process StartRunWithTarget(TempDir dir)
    {
        WriteTargetConfig(dir, "4s");
        return PerfGateProcess.Start(dir.Path, null, "run", "--out", "out");
    }

    /// <summary>
    /// A perfgate.json whose target is a shell that leaves a grandchild behind and becomes the server (its whole tree
    /// must go), loaded at 1 and 2 workers for <paramref name="duration"/> each.
    /// </summary>
    internal static void WriteTargetConfig(TempDir dir, string duration)
    {
        var port = OkServer.FreePort();
        File.WriteAllText(dir.File("perfgate.json"), $$"""
            {
              "target": {
                "command": ["bash", "-c", "sleep 600 & exec python3 -m http.server {{port}} --bind 127.0.0.1"],
                "url": "http://127.0.0.1:{{port}}/", "startTimeout": "30s"
              },
              "scenarios": { "api": [ { "name": "home", "url": "http://127.0.0.1:{{port}}/", "levels": [1, 2], "duration": "{{duration}}", "warmup": 0 } ] }
            }
            """);
    }

    // No time is asserted: how soon it stops is a figure for the output (docs/reliability.md), and a loaded machine is slower.
    private void AssertCancelled(Interruption run, string results, string measured, int code = 130)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exit {run.ExitCode} {run.TimeToExit.TotalMilliseconds:0} ms after the signal; {run.Children.Count} descendants before it, {run.Survivors.Count} after"));
        Assert.True(run.ExitCode == code, run.ToString());
        Assert.True(run.Survivors.Count == 0, $"still running after the tool exited:\n{string.Join('\n', run.Survivors)}\n{run}");
        var set = ResultsJson.Read(results);
        Assert.True(set.Incomplete);
        Assert.Contains(set.Benchmarks, b => b.Id == measured);
        Assert.Contains("cancelled", run.Stderr, StringComparison.Ordinal);
    }

}
