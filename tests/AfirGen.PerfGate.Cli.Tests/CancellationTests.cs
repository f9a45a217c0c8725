using System.Diagnostics;

using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Cli.Tests;

public sealed class CancellationTests
{
    [Fact]
    public void CtrlCDuringABlockedReadExitsWith130Promptly()
    {
        using var dir = new TempDir();
        var good = Results.Write(dir.File("good.json"), Results.Micro("A", 1, 100));
        // A named pipe with no writer: reading it blocks until the process is interrupted.
        using (var mkfifo = Process.Start("mkfifo", dir.File("pipe.json")))
        {
            mkfifo.WaitForExit();
        }

        using var p = PerfGateProcess.Start(dir.Path, null, "compare", "pipe.json", good);
        Thread.Sleep(1500);
        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var watch = Stopwatch.StartNew();
        var exited = p.WaitForExit(TimeSpan.FromSeconds(15));
        if (!exited)
        {
            p.Kill(entireProcessTree: true);
        }

        Assert.True(exited, "the tool did not stop after Ctrl+C");
        Assert.Equal(130, p.ExitCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
