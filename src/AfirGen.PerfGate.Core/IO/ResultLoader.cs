using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.IO;

/// <summary>Loads results from whatever the user points at: a results@1 file, a BenchmarkDotNet JSON export, or a folder of exports.</summary>
public static class ResultLoader
{
    /// <summary>Loads <paramref name="path"/>, telling the formats apart by content; anything else throws <see cref="InputException"/>.</summary>
    public static ResultSet Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return BenchmarkDotNetReader.ReadDirectory(path);
        }

        using var document = JsonSource.Open(path);
        var root = JsonCursor.Root(document, path).Object();
        // A file with perfgate's own lowercase fields but no schema id is a broken results file, and is told so.
        if (root.Element.TryGetProperty("schema", out _) || root.Element.TryGetProperty("benchmarks", out _))
        {
            return ResultsJsonReader.Read(root);
        }

        if (root.Element.TryGetProperty("Benchmarks", out _) && root.Element.TryGetProperty("HostEnvironmentInfo", out _))
        {
            return BenchmarkDotNetReport.Read(root);
        }

        throw root.Fail($"neither a perfgate results file (no \"schema\": \"{ResultSet.SchemaId}\") nor a BenchmarkDotNet JSON export (no \"Benchmarks\" and \"HostEnvironmentInfo\")");
    }
}
