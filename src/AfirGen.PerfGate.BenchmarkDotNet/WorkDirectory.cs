namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>A temporary folder for BenchmarkDotNet's artifacts, removed when the run ends however it ends.</summary>
internal sealed class WorkDirectory : IDisposable
{
    public WorkDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "perfgate-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Leaving a temp folder behind must not turn a finished run into a failed one.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: the results are already read.
        }
    }
}
