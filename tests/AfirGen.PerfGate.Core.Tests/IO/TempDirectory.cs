namespace AfirGen.PerfGate.Tests.IO;

/// <summary>A fresh folder under the temp path, removed on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"perfgate-test-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
