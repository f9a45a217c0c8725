using System.Diagnostics;
using System.Globalization;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Tests.Tooling;
using Results = AfirGen.PerfGate.Cli.Tests.Results;

namespace AfirGen.PerfGate.Reliability.Tests;

/// <summary>No room to write: exit 3 with one line, the old file intact, no half-written file.</summary>
public sealed class DiskFullTests
{
    [Fact]
    public void BaselineSaveOnAFullDiskExits3AndKeepsTheOldBaseline()
    {
        using var dir = new TempDir();
        var fresh = Big(dir, "fresh.json");
        using var disk = SmallDisk.Mount(dir.File("disk"), 1024);
        var old = Results.Write(disk.File("baseline.json"), Results.Micro("Suite.Old", 1, 50));
        var oldBytes = File.ReadAllBytes(old);
        disk.FillLeaving(kilobytesLeft: 200);

        var r = PerfGateProcess.Run(dir.Path, "baseline", "save", fresh, "--to", old);

        AssertNoRoom(r, old);
        Assert.Equal(oldBytes, File.ReadAllBytes(old));
        Assert.Equal([disk.File("baseline.json"), disk.File("filler")], Directory.GetFiles(disk.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CompareReportAndMergeOnAFullDiskExit3AndLeaveNoHalfWrittenFile()
    {
        using var dir = new TempDir();
        var fresh = Big(dir, "fresh.json");
        var baseline = Results.Write(dir.File("base.json"), Results.Micro("Suite.Bench00000", 7, 100));
        // The same comparison on a disk with room: what each report file looks like when it is written whole.
        var roomy = PerfGateProcess.Run(dir.Path, "compare", baseline, fresh, "--out", "roomy");
        Assert.True(roomy.ExitCode is 0 or 1, roomy.ToString());
        using var disk = SmallDisk.Mount(dir.File("disk"), 1024);
        disk.FillLeaving(kilobytesLeft: 200);

        var compare = PerfGateProcess.Run(dir.Path, "compare", baseline, fresh, "--out", disk.File("out"));
        AssertNoRoom(compare, Path.Combine(disk.File("out"), ""));
        // Files are written side by side: those that fit are whole, the rest absent; none is cut short.
        foreach (var file in Directory.GetFiles(disk.File("out")))
        {
            Assert.Equal(WithoutTimes(File.ReadAllText(dir.File("roomy/" + Path.GetFileName(file)))), WithoutTimes(File.ReadAllText(file)));
        }

        var report = PerfGateProcess.Run(dir.Path, "report", fresh, "--baseline", baseline, "--format", "html", "--output", disk.File("report.html"));
        AssertNoRoom(report, disk.File("report.html"));
        var merge = PerfGateProcess.Run(dir.Path, "merge", fresh, "--output", disk.File("merged.json"));
        AssertNoRoom(merge, disk.File("merged.json"));
        Assert.Equal([disk.File("filler"), disk.File("out")], Directory.GetFileSystemEntries(disk.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LoadOnAFullDiskExits3()
    {
        using var dir = new TempDir();
        using var server = new OkServer();
        using var disk = SmallDisk.Mount(dir.File("disk"), 256);
        Directory.CreateDirectory(disk.File("out"));
        disk.FillLeaving(kilobytesLeft: 0);

        var r = PerfGateProcess.Run(dir.Path, "load", server.Url + "/ok", "-c", "1", "-n", "50", "--warmup", "0", "--out", disk.File("out"));

        AssertNoRoom(r, disk.File("out"));
        Assert.DoesNotContain(Directory.GetFiles(disk.File("out")), f => Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public void FileSizeLimitIsReportedLikeAFullDisk()
    {
        using var dir = new TempDir();
        var fresh = Big(dir, "fresh.json");
        var old = Results.Write(dir.File("baseline.json"), Results.Micro("Suite.Old", 1, 50));
        var oldBytes = File.ReadAllBytes(old);

        // RLIMIT_FSIZE with SIGXFSZ ignored (ignored signals survive exec): a write past 512 KB fails with EFBIG.
        // The runtime's executable-memory double mapping is a file too, so it is turned off or the runtime could not start.
        var r = RunLimited(dir.Path, 512, "baseline", "save", fresh, "--to", old);

        AssertNoRoom(r, old);
        Assert.Equal(oldBytes, File.ReadAllBytes(old));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    // Reports say when they were generated; the rest of each must be the same.
    private static string WithoutTimes(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "TIME");

    private static string Big(TempDir dir, string name) =>
        Results.Write(dir.File(name), [.. Enumerable.Range(0, 1000).Select(i => Results.Micro($"Suite.Bench{i:D5}", i, 100 + i))]);

    private static void AssertNoRoom(PerfGateProcess.Outcome r, string path)
    {
        Assert.True(r.ExitCode == 3, r.ToString());
        // One line says what went wrong, and it is the last; `load` prints its level lines before it.
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines, l => l.StartsWith("perfgate:", StringComparison.Ordinal));
        Assert.Equal(line, lines[^1]);
        Assert.StartsWith("perfgate: error: cannot write ", line, StringComparison.Ordinal);
        Assert.Contains("the disk is full", line, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(path.TrimEnd('/')) is { Length: > 0 } name ? name : path, line, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", line, StringComparison.Ordinal);
    }

    private static PerfGateProcess.Outcome RunLimited(string workingDirectory, int kilobytes, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "dotnet-perfgate.dll");
        var psi = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"trap '' XFSZ; ulimit -f {kilobytes}; exec dotnet \"$@\""));
        psi.ArgumentList.Add("bash");
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(1)), "perfgate did not finish");
        return new PerfGateProcess.Outcome(p.ExitCode, stdout.Result, stderr.Result);
    }
}
