using System.Diagnostics;
using System.Globalization;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Runner.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task CtrlCDuringARunKillsTheBenchmarkProcessesAndWritesIncompleteResults()
    {
        using var dir = new TempDir();
        var project = BenchProject.Create(dir.File("bench"), ("Work.cs", BenchProject.Work(4)));
        // Built beforehand so that the interrupt lands while benchmarks run, not while the project builds.
        using (var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-v", "q"]) { RedirectStandardOutput = true }))
        {
            build!.StandardOutput.ReadToEnd();
            build.WaitForExit();
            Assert.Equal(0, build.ExitCode);
        }

        using var p = PerfGateProcess.Start(dir.Path, new Dictionary<string, string> { ["CI"] = "true" }, "run", "--project", project, "--launches", "20", "--out", "out");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(25));
        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var exited = p.WaitForExit(TimeSpan.FromSeconds(30));
        if (!exited)
        {
            p.Kill(entireProcessTree: true);
        }

        Assert.True(exited, "perfgate did not stop after Ctrl+C");
        Assert.True(p.ExitCode == 130, $"exit {p.ExitCode}\n{await stdout}\n{await stderr}");
        var results = ResultsJson.Read(dir.File("out/results.json"));
        Assert.True(results.Incomplete);
        Assert.NotEmpty(results.Benchmarks.Single().Launches); // what was measured before the interrupt is kept
        Assert.True(results.Benchmarks.Single().Launches.Count < 20);
        Assert.Empty(Orphans(project));
    }

    /// <summary>Processes still running from the benchmark project's build output.</summary>
    internal static List<int> Orphans(string project)
    {
        var dll = Path.Combine(Path.GetDirectoryName(project)!, "bin");
        return Process.GetProcesses()
            .Where(x =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{x.Id}/cmdline").Contains(dll, StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .Select(x => x.Id)
            .ToList();
    }
}
