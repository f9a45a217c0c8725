using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.IO;

/// <summary>Loads results from whatever the user points at: a results@1 file, a BenchmarkDotNet JSON export, or a folder of exports.</summary>
public static class ResultLoader
{
    /// <summary>The file name perfgate gives its results inside an output folder.</summary>
    public const string ResultsFileName = "results.json";

    /// <summary>Loads <paramref name="path"/>, telling the formats apart by content; anything else throws <see cref="InputException"/>.</summary>
    /// <remarks>A folder holding <see cref="ResultsFileName"/> (perfgate's own output folder) loads that file; any other folder is read as BenchmarkDotNet exports.</remarks>
    public static ResultSet Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            var results = Path.Combine(path, ResultsFileName);
            return File.Exists(results) ? Load(results) : BenchmarkDotNetReader.ReadDirectory(path);
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
