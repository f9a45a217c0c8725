using System.Diagnostics;

using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Cli.Tests;

public sealed class CancellationTests
{
    [Fact]
    public void AFifoGivenAsInputIsRefusedAtOnceInsteadOfBlocking()
    {
        // A named pipe with no writer: opening it to read would block until someone writes, or for ever.
        using var dir = new TempDir();
        var good = Results.Write(dir.File("good.json"), Results.Micro("A", 1, 100));
        using (var mkfifo = Process.Start("mkfifo", dir.File("pipe.json")))
        {
            mkfifo.WaitForExit();
        }

        var r = PerfGateProcess.Run(dir.Path, null, [], TimeSpan.FromSeconds(60), "compare", "pipe.json", good);

        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("pipe.json: is not a regular file", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }
}
