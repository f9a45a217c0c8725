using AfirGen.PerfGate.IO;

namespace AfirGen.PerfGate.Tests.IO;

public sealed class AtomicFileTests
{
    [Fact]
    public void WriteAllTextReplacesTheFileAndLeavesNoTempFile()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "baseline.json");
        File.WriteAllText(path, "old");

        AtomicFile.WriteAllText(path, "new ✓");

        Assert.Equal("new ✓", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
    }

    [Fact]
    public void FailureWhileWritingKeepsTheOldFileAndRemovesTheTempFile()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "baseline.json");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("serializer failed");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void IoFailureWhileWritingBecomesRunFailedAndRemovesTheTempFile()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "baseline.json");

        var e = Assert.Throws<RunFailedException>(() => AtomicFile.Write(path, _ => throw new IOException("disk full")));

        Assert.Equal($"cannot write {path}: disk full", e.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void MissingFolderIsRunFailedNamingTheFile()
    {
        var path = "/nonexistent/folder/baseline.json";

        var e = Assert.Throws<RunFailedException>(() => AtomicFile.WriteAllText(path, "x"));

        Assert.StartsWith($"cannot write {path}: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void DirectoryInTheWayIsRunFailed()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "results.json");
        Directory.CreateDirectory(path);

        Assert.Throws<RunFailedException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
