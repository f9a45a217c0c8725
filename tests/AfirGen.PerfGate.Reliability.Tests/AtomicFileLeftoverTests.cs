using System.Diagnostics;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>What a killed writer leaves behind, and what the next write does with it.</summary>
public sealed class AtomicFileLeftoverTests
{
    [Fact]
    public void LeftoverOfAWriterThatNoLongerRunsIsRemovedByTheNextWrite()
    {
        using var dir = new TempDir();
        var path = dir.File("baseline.json");
        var gone = ExitedProcessId();
        var leftover = dir.File($".baseline.json.{gone}.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllText(leftover, "{ half a baseline");

        AtomicFile.WriteAllText(path, "new");

        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void TempFileOfAWriterThatStillRunsIsLeftAlone()
    {
        using var dir = new TempDir();
        var path = dir.File("baseline.json");
        using var alive = Process.Start("sleep", "30");
        var inProgress = dir.File($".baseline.json.{alive.Id}.0123456789abcdef0123456789abcdef.tmp");
        var otherFile = dir.File($".report.md.{ExitedProcessId()}.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllText(inProgress, "{ being written");
        File.WriteAllText(otherFile, "# another file's");
        try
        {
            AtomicFile.WriteAllText(path, "new");
        }
        finally
        {
            alive.Kill();
        }

        // Another live writer of the same file, and leftovers of other files, are not this write's business.
        Assert.Equal(new[] { path, inProgress, otherFile }.Order(StringComparer.Ordinal), Directory.GetFiles(dir.Path).Order(StringComparer.Ordinal));
    }

    private static int ExitedProcessId()
    {
        using var p = Process.Start("true");
        p.WaitForExit();
        return p.Id;
    }
}
