using System.Diagnostics;
using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.Tests.IO;

/// <summary>A path that is not a plain file is written through or refused, never replaced by a regular file.</summary>
public sealed class OutputPathTests
{
    [Fact]
    public void ASymlinkIsWrittenThroughAndStaysALink()
    {
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "kept", "baseline.json");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, "old");
        var link = Path.Combine(dir.Path, "baseline.json");
        File.CreateSymbolicLink(link, target);

        AtomicFile.WriteAllText(link, "new");

        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public void ADanglingSymlinkCreatesItsTarget()
    {
        using var dir = new TempDirectory();
        var link = Path.Combine(dir.Path, "report.md");
        File.CreateSymbolicLink(link, "real.md");

        AtomicFile.WriteAllText(link, "text");

        Assert.Equal("real.md", new FileInfo(link).LinkTarget);
        Assert.Equal("text", File.ReadAllText(Path.Combine(dir.Path, "real.md")));
    }

    [Fact]
    public void DevNullStaysADevice()
    {
        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/null"));

        AtomicFile.WriteAllText("/dev/null", "discarded");

        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/null"));
        Assert.Empty(Directory.GetFiles("/dev", ".null.*.tmp"));
    }

    [Fact]
    public void DevFullIsADiskFullFailure()
    {
        var e = Assert.Throws<RunFailedException>(() => AtomicFile.WriteAllText("/dev/full", new string('x', 100_000)));

        Assert.Contains("the disk is full", e.Message, StringComparison.Ordinal);
        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/full"));
    }

    [Fact]
    public void AFifoIsWrittenToItsReader()
    {
        using var dir = new TempDirectory();
        var fifo = Path.Combine(dir.Path, "pipe");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        using var reader = Process.Start(new ProcessStartInfo("cat", fifo) { RedirectStandardOutput = true })!;
        AtomicFile.WriteAllText(fifo, "through the pipe");
        var read = reader.StandardOutput.ReadToEnd();
        reader.WaitForExit();

        Assert.Equal("through the pipe", read);
        Assert.Equal(FileKind.Special, FileKinds.Of(fifo));
    }

    [Fact]
    public void AFolderIsRefusedWithOneLine()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<RunFailedException>(() => AtomicFile.WriteAllText(dir.Path, "x"));

        Assert.Contains("it is a folder, not a file", e.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(dir.Path));
    }

    [Fact]
    public void KindsAreToldApart()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "a.json");
        File.WriteAllText(file, "{}");

        Assert.Equal(FileKind.Regular, FileKinds.Of(file));
        Assert.Equal(FileKind.Directory, FileKinds.Of(dir.Path));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(dir.Path, "none")));
    }
}

/// <summary>Inputs are read only from regular files of a sane size.</summary>
public sealed class InputPathTests
{
    [Fact]
    public void AnExportLinkedToDevZeroIsBadInputNotOutOfMemory()
    {
        using var dir = new TempDirectory();
        File.CreateSymbolicLink(Path.Combine(dir.Path, "X-report-full.json"), "/dev/zero");

        var e = Assert.Throws<InputException>(() => ResultLoader.Load(dir.Path));

        Assert.Contains("is not a regular file", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AFifoIsRefusedWithoutOpeningIt()
    {
        // Opening a FIFO with no writer blocks for ever: it must be refused before any read.
        using var dir = new TempDirectory();
        var fifo = Path.Combine(dir.Path, "results.json");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var e = Assert.Throws<InputException>(() => ResultLoader.Load(fifo));

        Assert.Equal(fifo, e.File);
        Assert.Contains("is not a regular file", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfigThatIsADeviceIsBadInput()
    {
        var e = Assert.Throws<InputException>(() => AfirGen.PerfGate.Config.ConfigReader.Read("/dev/zero"));

        Assert.Contains("is not a regular file", e.Problem, StringComparison.Ordinal);
    }
}
